// BM25F over two fields, in memory. BM25 (Robertson & Zaragoza, "The Probabilistic Relevance Framework", 2009)
// scores a document by each query term's rarity (idf) times a saturating function of how often it occurs, so a
// term said ten times does not count ten times, and long articles are not favoured for being long. BM25F first
// adds up a term's occurrences across fields with per-field weights and length normalisation, then saturates once:
// a word in an article's title ("Điều kiện kết hôn") or its statute's name counts several times a word in its body.
// Pure code on plain arrays: the same numbers on Node and Workers, whatever database the text came from.

/** A field's weight and length normalisation (b: 0 = none, 1 = full). */
export interface FieldParams {
  weight: number;
  b: number;
}

export interface Bm25Params {
  k1: number;
  title: FieldParams;
  body: FieldParams;
}

export const DEFAULT_BM25: Bm25Params = {
  k1: 1.2,
  title: { weight: 3, b: 0.3 },
  body: { weight: 1, b: 0.75 },
};

/** The terms of one document, counted per field. */
export interface FieldTerms {
  title: Map<string, number>;
  body: Map<string, number>;
}

interface Postings {
  docs: Uint32Array;
  title: Uint16Array;
  body: Uint16Array;
}

/** An inverted index: for each term, the documents that hold it and how often, per field. */
export class Bm25Index {
  readonly size: number;
  private readonly postings = new Map<string, Postings>();
  private readonly titleLength: Float32Array;
  private readonly bodyLength: Float32Array;
  private readonly averageTitle: number;
  private readonly averageBody: number;

  constructor(documents: FieldTerms[]) {
    this.size = documents.length;
    this.titleLength = new Float32Array(documents.length);
    this.bodyLength = new Float32Array(documents.length);
    const building = new Map<string, number[]>();
    documents.forEach((doc, d) => {
      const terms = new Set([...doc.title.keys(), ...doc.body.keys()]);
      for (const term of terms) {
        let list = building.get(term);
        if (!list) building.set(term, (list = []));
        list.push(d, doc.title.get(term) ?? 0, doc.body.get(term) ?? 0);
      }
      this.titleLength[d] = sum(doc.title);
      this.bodyLength[d] = sum(doc.body);
    });
    for (const [term, list] of building) {
      const n = list.length / 3;
      const postings: Postings = { docs: new Uint32Array(n), title: new Uint16Array(n), body: new Uint16Array(n) };
      for (let i = 0; i < n; i++) {
        postings.docs[i] = list[3 * i]!;
        postings.title[i] = Math.min(list[3 * i + 1]!, 65535);
        postings.body[i] = Math.min(list[3 * i + 2]!, 65535);
      }
      this.postings.set(term, postings);
    }
    this.averageTitle = average(this.titleLength);
    this.averageBody = average(this.bodyLength);
  }

  /** How many documents hold the term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /** Robertson–Spärck Jones idf, floored at a small positive value so a very common term never subtracts. */
  idf(term: string): number {
    const n = this.documentFrequency(term);
    return Math.max(0.01, Math.log(1 + (this.size - n + 0.5) / (n + 0.5)));
  }

  /** Adds each weighted term's BM25F contribution to `scores` (one slot per document). */
  accumulate(terms: Array<{ term: string; weight: number }>, params: Bm25Params, scores: Float64Array): void {
    const { k1, title, body } = params;
    for (const { term, weight } of terms) {
      const postings = this.postings.get(term);
      if (!postings || weight === 0) continue;
      const idf = this.idf(term) * weight;
      for (let i = 0; i < postings.docs.length; i++) {
        const d = postings.docs[i]!;
        const tf =
          (title.weight * postings.title[i]!) / (1 - title.b + (title.b * this.titleLength[d]!) / this.averageTitle) +
          (body.weight * postings.body[i]!) / (1 - body.b + (body.b * this.bodyLength[d]!) / this.averageBody);
        scores[d]! += (idf * tf * (k1 + 1)) / (k1 + tf);
      }
    }
  }

  /** The documents that hold a term (for pseudo-relevance feedback and tests). */
  holders(term: string): Uint32Array {
    return this.postings.get(term)?.docs ?? new Uint32Array(0);
  }

  /** Distinct terms in the index. */
  get termCount(): number {
    return this.postings.size;
  }
}

function sum(counts: Map<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

function average(values: Float32Array): number {
  if (values.length === 0) return 1;
  let total = 0;
  for (const v of values) total += v;
  return Math.max(1, total / values.length);
}

/** Indices of the `k` highest scores above zero, best first; ties by lower index (stable across runs). */
export function topK(scores: Float64Array, k: number): number[] {
  const positive: number[] = [];
  for (let d = 0; d < scores.length; d++) if (scores[d]! > 0) positive.push(d);
  positive.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return positive.length > k ? positive.slice(0, k) : positive;
}

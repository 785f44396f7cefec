// The search index for citizens' questions: published articles (with their statute's name), lessons and approved
// answers in one BM25F index (src/content/bm25.ts), queried the way Vietnamese legal questions are asked.
//
// Method, in the order a question goes through it:
//  1. Analysis (src/text/search-analyzer.ts): folded syllables and syllable pairs; filler and question words
//     dropped ("cho hỏi", "có được … không", "như thế nào"); a pair of a connector and a content word ("đối với",
//     "với viên chức") counts connectorPairWeight (half): it says how the question is built, not what about.
//  2. Synonyms: a phrase of the synonym list found in the question ("sổ đỏ") adds what it means ("giấy chứng nhận
//     quyền sử dụng đất") as extra, lighter terms, as heavy as the typed words where the statutes never use the
//     phrase's words ("karaoke"). The list is data (search_synonyms), officers extend it.
//  3. BM25F with two fields: title (article title + statute name, or a lesson's title and summary, or an approved
//     answer's question) weighted above the body. Each paragraph (an article's clauses "1. …", "a) …") is scored
//     too and an entry's best paragraph score is added: a question about one clause of a long article (one
//     definition of "Giải thích từ ngữ") is not drowned by the rest of it (formal hit@1 0.84 → 0.90, bench:qa).
//  4. Title recall: an entry's score is multiplied by 1 + titleRecallWeight × recall², where recall is the
//     idf-weighted share of the words of its own title (an article's, not its statute's) that the question says.
//     BM25 asks how much of the question a text holds; a title is the article's topic in a few words, and a question
//     that says all of "Khen thưởng" or "Người giám hộ" is about that article even when a longer one repeats more of
//     its words. Squared, so a title half said counts a quarter (formal hit@1 0.90 → 0.94, citizen 0.65 → 0.70 and
//     hit@5 0.87 → 0.91, as the law stood on 2026-06-30; alike on both halves of both sets, and flat for weights
//     0.15–0.25 and powers 1.5–3).
//  5. A statute named in the question ("theo Luật Cư trú", "Bộ luật dân sự") multiplies its articles' scores, and
//     the statute most of the best hits belong to is lifted a little (statute evidence).
//  6. Pseudo-relevance feedback (the most telling terms of the best few articles added lightly) is implemented but
//     off: it lost citizen questions in bench:qa. Parameters were chosen on odd-indexed dev questions only.
// Everything is deterministic (ties broken by position), so PGlite and Postgres, Node and Workers rank alike.
// A semantic ranker could later re-order the candidates of `searchAnalyzed` (the seam); none is used.
import {
  analyzeClauses,
  isPronoun,
  PLAIN_QUERY,
  type QueryOptions,
  type QueryTerm,
  questionClauses,
  queryTerms,
  sameSyllable,
  type Syllable,
} from "../text/search-analyzer";
import { indexTerms } from "../text/search-analyzer";
import { Bm25Index, type Bm25Params, DEFAULT_BM25, type FieldTerms, topK } from "./bm25";
import type { LawRegistry } from "./law-registry";
import { inForceOn } from "./law-status";

export type SearchEntryType = "article" | "lesson" | "answer";

/** One searchable item as loaded from the database. */
export interface SearchEntry {
  type: SearchEntryType;
  id: number;
  /** The statute's title as imported, for an article. */
  document: string | null;
  /** The statute's id, for an article (its legal status is looked up by it). */
  documentId?: number;
  /** The article number as imported, for an article. */
  number: string | null;
  /** The article's own title, a lesson's title, an answer's question. */
  title: string | null;
  /** Words that belong with the title but are not it (a lesson's summary). */
  heading?: string;
  body: string;
}

export interface SynonymEntry {
  phrase: string;
  means: string;
}

export interface SearchParams {
  bm25: Bm25Params;
  query: QueryOptions;
  /** Weight of the terms a synonym adds, relative to the question's own. */
  synonymWeight: number;
  /** Score multiplier for articles of a statute the question names. */
  statuteBoost: number;
  /** Pseudo-relevance feedback: documents read, terms added, their weight (0 = off). */
  feedbackDocuments: number;
  feedbackTerms: number;
  feedbackWeight: number;
  /** Lessons are written for citizens: a multiplier on their score. */
  lessonBoost: number;
  /** Weight of an entry's best passage (paragraph) score added to its whole-text score (0 = passages unused). */
  passageWeight: number;
  /**
   * Statute evidence: an article's score is multiplied by 1 + statutePrior × (its statute's share of the best
   * statute's summed top scores), so articles of the statute the question is about as a whole rise.
   */
  statutePrior: number;
  /** Weight of title recall (the share of an entry's own title the question says, squared); 0 = unused. */
  titleRecallWeight: number;
}

export const DEFAULT_SEARCH_PARAMS: SearchParams = {
  bm25: DEFAULT_BM25,
  query: { pairWeight: 1, connectorPairWeight: 0.5 },
  synonymWeight: 0.4,
  statuteBoost: 1.5,
  feedbackDocuments: 0,
  feedbackTerms: 0,
  feedbackWeight: 0,
  lessonBoost: 1,
  passageWeight: 1,
  statutePrior: 0.2,
  titleRecallWeight: 0.2,
};

/** How much an entry of a statute no longer in force counts when ordering results below the first. */
export const DEMOTED_WEIGHT = 0.5;

export interface SearchHitScored {
  entry: SearchEntry;
  score: number;
}

export interface AnalyzedQuery {
  terms: QueryTerm[];
  /** The question's clauses after filler removal (for snippets). */
  clauses: Syllable[][];
  /** Statutes the question names (titles as imported). */
  statutes: string[];
}

interface Synonym {
  phrase: Syllable[];
  /** What the phrase means, as weighted query terms (fixed for an index: its parameters and terms do not change). */
  terms: QueryTerm[];
}

/** A statute's name as folded syllables, without "và" and punctuation (people write it several ways). */
function statuteKey(title: string): string[] {
  return analyzeClauses(title)
    .flat()
    .map((s) => s.folded)
    .filter((s) => s !== "va");
}

export class SearchIndex {
  readonly entries: readonly SearchEntry[];
  /** The statutes' legal facts at the index's revision (set by the loader; none for a bare index). */
  laws: LawRegistry | null = null;
  private readonly bm25: Bm25Index;
  private readonly passages: Bm25Index;
  /** For each passage, the entry it belongs to. */
  private readonly passageOwner: Uint32Array;
  private readonly synonyms: Synonym[];
  private readonly statutes: Array<{ title: string; key: string[] }>;
  /** Each entry's own title as query terms (question words dropped, as from a question), with their idf. */
  private readonly titleTerms: Array<{ ids: Uint32Array; idf: Float64Array; total: number }>;
  /** Per query, how much of each term the question says (by term id; zeroed again after use). */
  private readonly askedScratch: Float64Array;

  constructor(
    entries: SearchEntry[],
    synonyms: SynonymEntry[],
    readonly params: SearchParams = DEFAULT_SEARCH_PARAMS,
  ) {
    this.entries = entries;
    // A paragraph break ends a clause, so a body's terms are exactly the sum of its paragraphs' terms: each
    // paragraph is analysed once and serves both indexes.
    const owners: number[] = [];
    const passageFields: FieldTerms[] = [];
    const fields = entries.map((entry, d): FieldTerms => {
      const title = indexTerms(titleTextOf(entry));
      const parts = passagesOf(entry.body).map(indexTerms);
      if (params.passageWeight > 0 && parts.length > 1) {
        for (const body of parts) {
          owners.push(d);
          passageFields.push({ title, body });
        }
      }
      return { title, body: parts.length === 1 ? parts[0]! : sumTerms(parts) };
    });
    this.bm25 = new Bm25Index(fields);
    this.passages = new Bm25Index(passageFields);
    this.passageOwner = Uint32Array.from(owners);
    this.synonyms = synonyms.flatMap((s): Synonym[] => {
      const phrase = analyzeClauses(s.phrase).flat();
      const means = analyzeClauses(s.means);
      if (phrase.length === 0 || means.length === 0) return [];
      return [{ phrase, terms: queryTerms(means, params.query, this.synonymWeightOf(phrase)) }];
    });
    this.titleTerms = entries.map((entry) => {
      const terms = queryTerms(questionClauses(entry.title ?? ""), PLAIN_QUERY)
        .map((t) => t.term)
        .filter((term) => this.bm25.termId(term) !== undefined);
      const idf = Float64Array.from(terms, (term) => this.bm25.idf(term));
      const ids = Uint32Array.from(terms, (term) => this.bm25.termId(term)!);
      return { ids, idf, total: idf.reduce((sum, x) => sum + x, 0) };
    });
    this.askedScratch = new Float64Array(this.bm25.termCount);
    const titles = [...new Set(entries.flatMap((e) => (e.type === "article" && e.document ? [e.document] : [])))];
    this.statutes = titles.map((title) => ({ title, key: statuteKey(title) })).filter((s) => s.key.length > 0);
  }

  get termCount(): number {
    return this.bm25.termCount;
  }

  /** Bytes held in typed arrays by both indexes (for the benchmark). */
  get postingBytes(): number {
    return this.bm25.postingBytes + this.passages.postingBytes;
  }

  /** The question as weighted terms (with synonym expansions), and the statutes it names. */
  analyze(question: string): AnalyzedQuery {
    const p = this.params;
    const clauses = questionClauses(question);
    const terms = new Map<string, number>();
    const add = (list: QueryTerm[]) => {
      for (const t of list) terms.set(t.term, (terms.get(t.term) ?? 0) + t.weight);
    };
    add(queryTerms(clauses, p.query));
    const all = analyzeClauses(question);
    for (const synonym of this.synonyms) {
      if (all.some((clause) => containsPhrase(clause, synonym.phrase))) {
        add(synonym.terms);
      }
    }
    const folded = all.map((clause) => clause.map((s) => s.folded).filter((s) => s !== "va"));
    const statutes = this.statutes
      .filter(({ key }) => folded.some((clause) => containsSequence(clause, key) || namesWithoutBo(clause, key)))
      .map((s) => s.title);
    return { terms: [...terms].map(([term, weight]) => ({ term, weight })), clauses, statutes };
  }

  /**
   * What a synonym's terms weigh: synonymWeight, lighter than what was typed, as long as the statutes can read the
   * phrase itself. A word they never use ("karaoke", "tour", "quỵt") carries nothing on its own, so the legal terms
   * stand in for it: the weight rises towards 1 with the share of the phrase's syllables the index does not hold.
   * Without it, "Hàng xóm hát karaoke tới khuya" was about neighbouring land ("hàng xóm" → bất động sản liền kề).
   */
  private synonymWeightOf(phrase: Syllable[]): number {
    const unread = phrase.filter((s) => this.bm25.termId(s.folded) === undefined).length;
    const base = this.params.synonymWeight;
    return base + ((1 - base) * unread) / phrase.length;
  }

  /** The best `limit` entries of the given types for a question, best first. */
  search(
    question: string,
    limit: number,
    types?: ReadonlySet<SearchEntryType>,
    demote?: (entry: SearchEntry) => boolean,
  ): SearchHitScored[] {
    const query = this.analyze(question);
    return this.searchAnalyzed(query, limit, types, demote);
  }

  /**
   * `demote` marks entries of a statute no longer in force. Such an entry is never first when anything else matches
   * (the first result is what the chat gives as the answer), and below it is ordered as if it scored
   * DEMOTED_WEIGHT × its score. Reported scores stay what BM25 says: only the order changes, so an expired text is
   * still found (marked) when it is what the question is about, and given first only when nothing in force matches.
   * A strict "all in force first" order was tried and buried the text a question was about under dozens of
   * one-word matches. A question that names an out-of-force statute Loa holds no replacement for ("theo Luật
   * Phòng, chống ma túy") is about that text: it is not demoted (the citizen reads it with its notice).
   */
  searchAnalyzed(
    query: AnalyzedQuery,
    limit: number,
    types?: ReadonlySet<SearchEntryType>,
    demote?: (entry: SearchEntry) => boolean,
  ): SearchHitScored[] {
    const scores = this.scoresOf(query, types);
    if (!demote) return topK(scores, limit).map((d) => ({ entry: this.entries[d]!, score: scores[d]! }));
    const asked = new Set(query.statutes.filter((title) => !this.hasLoadedReplacement(title)));
    const outOfForce = demote;
    demote = (entry) => outOfForce(entry) && !(entry.document !== null && asked.has(entry.document));
    const order = new Float64Array(scores);
    const current = new Float64Array(scores);
    for (let d = 0; d < scores.length; d++) {
      if (scores[d]! > 0 && demote(this.entries[d]!)) {
        order[d]! *= DEMOTED_WEIGHT;
        current[d] = 0;
      }
    }
    let ranked = topK(order, limit);
    const best = topK(current, 1)[0];
    if (best !== undefined && ranked.length > 0 && ranked[0] !== best && demote(this.entries[ranked[0]!]!)) {
      ranked = [best, ...ranked.filter((d) => d !== best)].slice(0, limit);
    }
    return ranked.map((d) => ({ entry: this.entries[d]!, score: scores[d]! }));
  }

  private scoresOf(query: AnalyzedQuery, types?: ReadonlySet<SearchEntryType>): Float64Array {
    const p = this.params;
    let scores = this.score(query.terms, query.statutes, types);
    if (p.feedbackWeight > 0 && p.feedbackDocuments > 0) {
      const top = topK(scores, p.feedbackDocuments).filter((d) => this.entries[d]!.type === "article");
      const feedback = this.feedbackTerms(top, query.terms);
      if (feedback.length > 0) scores = this.score([...query.terms, ...feedback], query.statutes, types);
    }
    return scores;
  }

  private score(terms: QueryTerm[], statutes: string[], types?: ReadonlySet<SearchEntryType>): Float64Array {
    const scores = new Float64Array(this.entries.length);
    this.bm25.accumulate(terms, this.params.bm25, scores);
    if (this.params.passageWeight > 0 && this.passages.size > 0) {
      const passageScores = new Float64Array(this.passages.size);
      this.passages.accumulate(terms, this.params.bm25, passageScores);
      const best = new Float64Array(this.entries.length);
      for (let i = 0; i < passageScores.length; i++) {
        const owner = this.passageOwner[i]!;
        if (passageScores[i]! > best[owner]!) best[owner] = passageScores[i]!;
      }
      // An entry of one passage is its own best passage.
      for (let d = 0; d < scores.length; d++) {
        scores[d]! += this.params.passageWeight * (best[d]! > 0 ? best[d]! : scores[d]!);
      }
    }
    const named = new Set(statutes);
    for (let d = 0; d < scores.length; d++) {
      if (scores[d] === 0) continue;
      const entry = this.entries[d]!;
      if (types && !types.has(entry.type)) scores[d] = 0;
      else if (entry.type === "lesson") scores[d]! *= this.params.lessonBoost;
      else if (entry.type === "article" && named.has(entry.document ?? "")) scores[d]! *= this.params.statuteBoost;
    }
    if (this.params.statutePrior > 0) this.applyStatutePrior(scores);
    if (this.params.titleRecallWeight > 0) this.applyTitleRecall(terms, scores);
    return scores;
  }

  /**
   * Multiplies each scored entry by 1 + titleRecallWeight × recall², recall being the idf-weighted share of its own
   * title's terms the question holds (a synonym's terms count at their weight).
   */
  private applyTitleRecall(terms: QueryTerm[], scores: Float64Array): void {
    const asked = this.askedScratch;
    const ids: number[] = [];
    for (const { term, weight } of terms) {
      const id = this.bm25.termId(term);
      if (id === undefined) continue;
      ids.push(id);
      asked[id] = Math.min(1, asked[id]! + weight);
    }
    for (let d = 0; d < scores.length; d++) {
      if (scores[d] === 0) continue;
      const title = this.titleTerms[d]!;
      if (title.total === 0) continue;
      let said = 0;
      for (let k = 0; k < title.ids.length; k++) said += title.idf[k]! * asked[title.ids[k]!]!;
      scores[d]! *= 1 + this.params.titleRecallWeight * (said / title.total) ** 2;
    }
    for (const id of ids) asked[id] = 0;
  }

  private applyStatutePrior(scores: Float64Array): void {
    const best = topK(scores, 20);
    const mass = new Map<string, number>();
    for (const d of best) {
      const entry = this.entries[d]!;
      if (entry.type === "article" && entry.document) {
        mass.set(entry.document, (mass.get(entry.document) ?? 0) + scores[d]!);
      }
    }
    const top = Math.max(0, ...mass.values());
    if (top === 0) return;
    for (let d = 0; d < scores.length; d++) {
      const document = this.entries[d]!.document;
      if (scores[d] === 0 || !document) continue;
      scores[d]! *= 1 + (this.params.statutePrior * (mass.get(document) ?? 0)) / top;
    }
  }

  /** The terms (syllable pairs and syllables) that weigh most in the given articles and are not asked already. */
  private feedbackTerms(documents: number[], asked: QueryTerm[]): QueryTerm[] {
    const p = this.params;
    const have = new Set(asked.map((t) => t.term));
    const weights = new Map<string, number>();
    for (const d of documents) {
      const entry = this.entries[d]!;
      const terms = indexTerms(`${entry.title ?? ""}\n${entry.body}`);
      let length = 0;
      for (const n of terms.values()) length += n;
      for (const [term, n] of terms) {
        if (have.has(term)) continue;
        weights.set(term, (weights.get(term) ?? 0) + ((n / length) * this.bm25.idf(term)) / documents.length);
      }
    }
    const best = [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, p.feedbackTerms);
    const top = best[0]?.[1] ?? 0;
    return best.map(([term, w]) => ({ term, weight: (p.feedbackWeight * w) / top }));
  }

  /**
   * How closely the question says what `entry`'s title says (for an approved answer: its question), from 0 to 1:
   * the idf-weighted Dice overlap of their folded syllables and pairs, question words and filler dropped from
   * both. 1 is the same question reworded at most by filler, diacritics or word order within pairs.
   */
  titleAgreement(question: string, entry: SearchEntry): number {
    const weigh = (text: string) => {
      const terms = queryTerms(questionClauses(text), PLAIN_QUERY);
      return new Map(terms.map((t) => [t.term, this.bm25.idf(t.term)]));
    };
    const asked = weigh(question);
    const stored = weigh(entry.title ?? "");
    let common = 0;
    let total = 0;
    for (const [term, idf] of asked) {
      total += idf;
      if (stored.has(term)) common += idf;
    }
    for (const idf of stored.values()) total += idf;
    return total === 0 ? 0 : (2 * common) / total;
  }

  /** Whether the statute titled `title` was replaced by one Loa holds and shows. */
  private hasLoadedReplacement(title: string): boolean {
    const facts = this.laws?.byTitle(title);
    const replacement = facts ? this.laws!.replacementOf(facts) : null;
    return replacement !== null && replacement.published !== false;
  }

  /** True for an article of a statute not in force on `date`: what search ranks after everything in force. */
  notInForceOn(date: string): (entry: SearchEntry) => boolean {
    const laws = this.laws;
    if (!laws) return () => false;
    const verdicts = new Map<number, boolean>();
    return (entry) => {
      if (entry.type !== "article" || entry.documentId === undefined) return false;
      let out = verdicts.get(entry.documentId);
      if (out === undefined) {
        const facts = laws.byId(entry.documentId);
        out = facts ? !inForceOn(facts, date) : false;
        verdicts.set(entry.documentId, out);
      }
      return out;
    };
  }

  /** The idf of a term in this index (for snippets and confidence). */
  idf(term: string): number {
    return this.bm25.idf(term);
  }
}

/** Paragraphs of a text (the clauses of an article: "1. …", "a) …"), the unit a question usually speaks to. */
export function passagesOf(body: string): string[] {
  return body
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** What an entry's title field holds: an article's title and statute name, a lesson's title and summary. */
function titleTextOf(entry: SearchEntry): string {
  return entry.type === "article"
    ? `${entry.title ?? ""}\n${entry.document ?? ""}`
    : `${entry.title ?? ""}\n${entry.heading ?? ""}`;
}

function sumTerms(parts: Array<Map<string, number>>): Map<string, number> {
  const total = new Map<string, number>();
  for (const part of parts) for (const [term, n] of part) total.set(term, (total.get(term) ?? 0) + n);
  return total;
}

/**
 * The phrase occurs in the clause, syllable by syllable (folded where the question has no diacritics); a personal
 * pronoun between two of its syllables does not break it ("không cho tôi gặp con" says "không cho gặp con").
 */
function containsPhrase(clause: Syllable[], phrase: Syllable[]): boolean {
  outer: for (let i = 0; i + phrase.length <= clause.length; i++) {
    let at = i;
    for (let k = 0; k < phrase.length; k++, at++) {
      if (k > 0) while (at < clause.length && isPronoun(clause[at]!) && !sameSyllable(clause[at]!, phrase[k]!)) at++;
      if (at >= clause.length || !sameSyllable(clause[at]!, phrase[k]!)) continue outer;
    }
    return true;
  }
  return false;
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** "luật dân sự" names the "Bộ luật dân sự". */
function namesWithoutBo(clause: string[], key: string[]): boolean {
  return key[0] === "bo" && key.length > 2 && containsSequence(clause, key.slice(1));
}

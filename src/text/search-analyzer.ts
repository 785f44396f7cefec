// Turns Vietnamese text into search terms for the in-memory ranking (src/content/bm25.ts). Vietnamese words are
// one to four syllables written apart ("quyền sử dụng đất"), so a syllable alone is vague ("ban" is bán, bạn, bàn,
// bản…) and adjacent syllable pairs carry most of the meaning. Terms are folded syllables (no diacritics, đ → d,
// lower case), so questions typed without diacritics match alike, and pairs of adjacent syllables within a clause.
// Accented forms as a second, more precise index term were measured (bench:qa) and gained nothing on the dev
// questions while doubling the index; they are kept only where diacritics decide a word: a question word list
// ("cần" is one, "căn" is not) and synonym phrases, compared as typed when the person typed diacritics. That holds
// for a word written without marks too: in "Cho vay lấy lãi" the "vay" is borrowing, not the filler "vậy" (the
// whole question was compared folded before, and lost "vay", "tai nạn", "chi phí", "ma túy": citizen hit@1
// 0.70 → 0.74 in bench:qa). Typed without any diacritics, a question word's spelling is read as the word it mostly
// is ("nha" nhà, "chi" chi phí; "co" có, "khong" không), and vậy/nhé/hả only at the end of a clause (questions typed
// bare: citizen hit@1 0.65 → 0.70, hit@5 0.91 → 0.96, as the law stood on 2026-06-30). The tone is written as a
// digit ("hòa"/"hoà" → "hoa2") so old and new tone placement agree.
// Questions also carry words that say "this is a question" and nothing about the law ("cho hỏi", "có được …
// không", "như thế nào", "ạ"): those are dropped from the query (never from the indexed text).
import { CHAT_SHORTHAND } from "./chat-shorthand";
import { normalizeText } from "./vietnamese";

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// The five tone marks; the other combining marks (circumflex, breve, horn) are part of the vowel.
const TONES: Record<string, string> = { "\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5" };
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”'‘’\n–—…/\\|]+/u;
const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/** One syllable in both forms. */
export interface Syllable {
  folded: string;
  accented: string;
  /**
   * True for a syllable without marks in a text typed without diacritics: "vay" there may be vay or vậy, so it is
   * compared folded. In a text typed with diacritics a syllable without marks is that very word ("cho vay" is
   * borrowing, not "vậy"; "tai nạn" is not "tại"), and is compared as written.
   */
  ambiguous: boolean;
}

/**
 * Syllables in clauses (punctuation ends a clause, so no pair spans "ly hôn, kết hôn"). A text is taken as typed with
 * diacritics when at least half its syllables carry a mark: most Vietnamese syllables do, and a text typed without
 * them has none, or a stray one.
 */
export function analyzeClauses(input: string): Syllable[][] {
  const clauses = syllableClauses(input);
  let syllables = 0;
  let plain = 0;
  let shorthand = false;
  for (const clause of clauses) {
    for (const s of clause) {
      // Chat shorthand ("ko", "vk") is neither: it says nothing about how the rest was typed.
      if (spelledOut(s)) shorthand = true;
      else {
        syllables++;
        if (s.ambiguous) plain++;
      }
    }
  }
  const asWritten = plain === 0 || plain * 2 > syllables;
  if (asWritten && !shorthand) return clauses;
  return clauses.map((clause) =>
    clause.flatMap((s) => spelledOut(s) ?? (asWritten || !s.ambiguous ? [s] : [asTyped(s)])),
  );
}

/** Chat shorthand spelled out, each syllable as written (undefined for a word that is not shorthand). */
let shorthandSyllables: Map<string, Syllable[]> | undefined;
function spelledOut(s: Syllable): Syllable[] | undefined {
  shorthandSyllables ??= new Map(
    Object.entries(CHAT_SHORTHAND).map(([short, full]) => [
      short,
      syllableClauses(full)[0]!.map((syllable) => asTyped(syllable)),
    ]),
  );
  return shorthandSyllables.get(s.accented);
}

/** Syllables in clauses, each unmarked one ambiguous (enough for folded index terms). */
function syllableClauses(input: string): Syllable[][] {
  const text = normalizeText(input).toLowerCase();
  const clauses: Syllable[][] = [];
  for (const clause of text.split(CLAUSE_BREAK)) {
    const words = clause.split(WORD_BREAK).filter((w) => w.length > 0);
    if (words.length > 0) clauses.push(words.map(syllableOf));
  }
  return clauses;
}

// Vietnamese has a few thousand syllables: each is taken apart once. Bounded so odd input cannot grow it forever.
const known = new Map<string, Syllable>();
const knownAsTyped = new Map<string, Syllable>();
const MAX_KNOWN = 50_000;

function syllableOf(word: string): Syllable {
  let syllable = known.get(word);
  if (!syllable) {
    if (known.size >= MAX_KNOWN) known.clear();
    syllable = splitTone(word);
    known.set(word, syllable);
  }
  return syllable;
}

/** The same syllable without marks, read as written (in a text typed with diacritics). */
function asTyped(s: Syllable): Syllable {
  let syllable = knownAsTyped.get(s.folded);
  if (!syllable) {
    if (knownAsTyped.size >= MAX_KNOWN) knownAsTyped.clear();
    syllable = { ...s, ambiguous: false };
    knownAsTyped.set(s.folded, syllable);
  }
  return syllable;
}

function splitTone(word: string): Syllable {
  const decomposed = word.normalize("NFD");
  const folded = decomposed.replace(COMBINING_MARKS, "").replace(/đ/g, "d").normalize("NFC");
  let tone = "";
  const withoutTone = decomposed.replace(TONE_MARKS, (mark) => {
    tone = TONES[mark] ?? "";
    return "";
  });
  const accented = `${withoutTone.normalize("NFC")}${tone}`;
  return { folded, accented, ambiguous: accented === folded };
}

export const pairTerm = (a: string, b: string) => `${a}_${b}`;

/** Every term of a text as indexed: folded syllables and pairs, with their counts. */
export function indexTerms(input: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  // Only folded forms are indexed: how the text was typed does not matter here.
  for (const clause of syllableClauses(input)) {
    for (let i = 0; i < clause.length; i++) {
      const s = clause[i]!.folded;
      add(s);
      const next = clause[i + 1];
      if (next) add(pairTerm(s, next.folded));
    }
  }
  return counts;
}

/**
 * Phrases that only say "this is a question" or are politeness. Longest first, so "như thế nào" goes before "thế
 * nào". They are cut out of the question; the words on either side do not become a pair.
 */
const FILLER_PHRASES = [
  "được quy định như thế nào",
  "quy định như thế nào",
  "được quy định ra sao",
  "như thế nào",
  "thế nào",
  "ra sao",
  "làm sao",
  "đúng hay sai",
  "cho em hỏi",
  "cho tôi hỏi",
  "cho mình hỏi",
  "cho cháu hỏi",
  "cho hỏi",
  "xin hỏi",
  "em muốn hỏi",
  "tôi muốn hỏi",
  "tôi muốn biết",
  "muốn biết",
  "tôi muốn",
  "em muốn",
  "mình muốn",
  "xin cảm ơn",
  "cảm ơn",
  "có được không",
  "có phải không",
  "hay không",
  "được không",
  "không ạ",
  "vậy ạ",
  "là gì",
  "gì không",
  "như vậy",
  "theo quy định của",
  "theo quy định",
  "quy định của",
  "theo pháp luật",
  "pháp luật hiện hành",
  "hiện hành",
  "hiện nay",
  "trường hợp nào",
  "ở đâu",
  "bao nhiêu",
].map((phrase) => analyzeClauses(phrase)[0]!);

/** Single syllables that are grammar or politeness in a question: dropped as terms (pairs around them stay). */
const QUESTION_WORDS = analyzeClauses(
  "ạ à nhé nha với thì là mà của và các những cho được có không ko k gì nào sao ai tôi em mình anh chị vậy hả " +
    "hỏi xin ơi này đó thì để hay hoặc khi nếu sẽ đã đang bị bởi tại về trong một như thế phải cần",
)[0]!;
const QUESTION_ACCENTED = new Set(QUESTION_WORDS.map((s) => s.accented));
/**
 * Question words whose spelling without marks is mostly a content word, in the statutes and in questions alike
 * (nhà, chi phí, hội, bồi thường, tài sản, căn hộ, có thể, đăng ký, ảnh, do): typed without diacritics they are read
 * as that word. Dropping a content word costs a question more than keeping a common filler word, which weighs
 * little (its idf is low).
 */
const CONTENT_WHEN_UNMARKED = new Set(["nha", "chi", "hoi", "boi", "tai", "can", "the", "dang", "anh", "do"]);
/**
 * Sentence-final particles (vậy, nhé, hả) spelled like content words (vay, nhẹ, hạ): typed without diacritics they are
 * filler only at the end of a clause ("ly hon thi sao vay"), content inside one ("cho vay lay lai").
 */
const FINAL_WHEN_UNMARKED = new Set(["vay", "nhe", "ha"]);
/** The question words as typed without diacritics, less those read as content words or only at a clause's end. */
const QUESTION_FOLDED = new Set(
  QUESTION_WORDS.map((s) => s.folded).filter((f) => !CONTENT_WHEN_UNMARKED.has(f) && !FINAL_WHEN_UNMARKED.has(f)),
);
/**
 * The question words that join two phrases: those the VNTK dictionary (@vntk/dictionary; read once to make this list,
 * not a dependency) tags mostly as prepositions or conjunctions. A pair of one of them and a content word spans the
 * joint between two phrases ("khen thưởng đối với viên chức": "với viên"), so it says how the question is built, not
 * what it is about, and a short text that happens to be built alike ("… đối với viên chức") should not win on it.
 * Such pairs count connectorPairWeight (half, in the search's defaults). The other question words keep their pairs
 * whole: "là" quotes a definition ("tài sản là vật"), "bị", "được", "không" make the verb (bị phạt, được hưởng, không
 * được). Halving every question word's pairs lost formal questions that quote a definition (bench:qa, README).
 */
const CONNECTORS = new Set(analyzeClauses("với thì mà của và hoặc nếu bởi tại như")[0]!.map((s) => s.folded));
/** Sentence-final particles without marks (à/ạ, nhé, nha, ơi, hả, vậy): what may follow the last word of a clause. */
const PARTICLES = new Set(["a", "nhe", "nha", "oi", "ha", "vay"]);

/**
 * A syllable typed with diacritics is compared as written ("căn" is content, "cần" is not); an ambiguous one (no
 * marks, in a text typed without them) is compared folded, since it may be any of them.
 */
export function sameSyllable(typed: Syllable, listed: Syllable): boolean {
  return typed.ambiguous || listed.ambiguous ? typed.folded === listed.folded : typed.accented === listed.accented;
}

/**
 * True for a syllable that is question grammar or politeness, not content. `clauseEnd`: nothing but sentence-final
 * particles follows it in its clause.
 */
function isQuestionSyllable(s: Syllable, clauseEnd: boolean): boolean {
  if (!s.ambiguous) return QUESTION_ACCENTED.has(s.accented);
  return FINAL_WHEN_UNMARKED.has(s.folded) ? clauseEnd : QUESTION_FOLDED.has(s.folded);
}

/** Personal pronouns (tôi, em, mình…): a person puts them inside a phrase ("không cho tôi gặp con"). */
const PRONOUNS = analyzeClauses("tôi em mình tớ anh chị nó")[0]!;
export function isPronoun(s: Syllable): boolean {
  return PRONOUNS.some((p) => sameSyllable(s, p));
}

export interface QueryTerm {
  term: string;
  /** How much the term counts (synonym expansions count less than what was typed). */
  weight: number;
}

export interface QueryOptions {
  /** Weight of syllable-pair terms relative to single syllables. */
  pairWeight: number;
  /** A pair of a connector and a content word ("đối với", "với viên", "quyền của") counts this share of pairWeight. */
  connectorPairWeight: number;
}

/** Every pair at full weight: for a text whose terms are compared, not weighed (an article's title). */
export const PLAIN_QUERY: QueryOptions = { pairWeight: 1, connectorPairWeight: 1 };

/** The clauses of a question with filler phrases cut out (each cut splits the clause). */
export function questionClauses(input: string): Syllable[][] {
  const out: Syllable[][] = [];
  for (const clause of analyzeClauses(input)) {
    let current: Syllable[] = [];
    let i = 0;
    while (i < clause.length) {
      const phrase = FILLER_PHRASES.find((p) => p.every((s, k) => clause[i + k] && sameSyllable(clause[i + k]!, s)));
      if (phrase) {
        if (current.length > 0) out.push(current);
        current = [];
        i += phrase.length;
      } else {
        current.push(clause[i]!);
        i++;
      }
    }
    if (current.length > 0) out.push(current);
  }
  return out;
}

/**
 * Query terms for clauses: syllables that carry content, and every adjacent pair of which at least one syllable
 * carries content. Duplicates add their weights (a word asked twice matters more).
 */
export function queryTerms(clauses: Syllable[][], options: QueryOptions, weight = 1): QueryTerm[] {
  const weights = new Map<string, number>();
  const add = (term: string, w: number) => weights.set(term, (weights.get(term) ?? 0) + w);
  for (const clause of clauses) {
    const question = questionWordsOf(clause);
    for (let i = 0; i < clause.length; i++) {
      const s = clause[i]!;
      const content = !question[i];
      if (content) add(s.folded, weight);
      const next = clause[i + 1];
      // A pair with one question word still says something ("bị phạt"; a connector's, "quyền của", less); two say
      // nothing.
      if (!next || (!content && question[i + 1])) continue;
      const joint = (!content && CONNECTORS.has(s.folded)) || (question[i + 1] && CONNECTORS.has(next.folded));
      const pairWeight = options.pairWeight * (joint ? options.connectorPairWeight : 1);
      add(pairTerm(s.folded, next.folded), weight * pairWeight);
    }
  }
  return [...weights].map(([term, w]) => ({ term, weight: w }));
}

/** For each syllable of a clause, whether it is a question word (sentence-final particles only at its end). */
function questionWordsOf(clause: Syllable[]): boolean[] {
  const question = new Array<boolean>(clause.length);
  let tail = true; // only particles after this syllable
  for (let i = clause.length - 1; i >= 0; i--) {
    const s = clause[i]!;
    question[i] = isQuestionSyllable(s, tail);
    tail &&= PARTICLES.has(s.folded);
  }
  return question;
}

// What each kind of free text may cost before any port (the database) sees it. A search, a unit name or an article
// lookup does work in proportion to its length and words; without a cap one long message stalls everyone else's.
// Over budget, the engine re-prompts politely instead of calling the port.
import { cutToLength } from "../text/graphemes";

export type FreeTextKind = "search" | "unit" | "article_lookup" | "text_answer";

interface Budget {
  /** UTF-16 code units. */
  maxLength: number;
  /** Words (runs of letters or digits). */
  maxWords: number;
}

export const inputBudgets: Record<FreeTextKind, Budget> = {
  // A search is cut to its first 200 characters (what people type as keywords is far shorter).
  search: { maxLength: 200, maxWords: 30 },
  // "xã Yên Định, huyện Sơn Động, tỉnh Bắc Giang" is 9 words; a real name never needs more than a few more.
  unit: { maxLength: 120, maxWords: 16 },
  // "điều 51 luật hôn nhân và gia đình năm 2014".
  article_lookup: { maxLength: 120, maxWords: 16 },
  // A text answer's own limit is the question's maxLength (checked by parseAnswer, which calls no port).
  text_answer: { maxLength: 2000, maxWords: 400 },
};

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Whether the text fits its kind's budget. */
export function withinBudget(kind: FreeTextKind, text: string): boolean {
  const budget = inputBudgets[kind];
  return text.length <= budget.maxLength && wordCount(text) <= budget.maxWords;
}

/** A search query cut to its budget on grapheme boundaries (never inside an emoji); null with too many words. */
export function searchQuery(text: string): string | null {
  const cut = cutToLength(text, inputBudgets.search.maxLength).trim();
  return wordCount(cut) <= inputBudgets.search.maxWords ? cut : null;
}

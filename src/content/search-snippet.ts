// The part of an article that answers the question: the sentence or clause ("1. …", "a) …") whose words weigh most
// in the question (by idf, syllable pairs included), so a citizen sees why the article was chosen without reading it
// all. Plain text in, plain text out: nothing here interprets markup.
import { shortenLabel } from "../text/graphemes";
import { indexTerms } from "../text/search-analyzer";

export const SNIPPET_LENGTH = 300;

/** Sentences and clauses: paragraphs, split again after ";" or "." and a space (not a clause number's "3. "). */
function unitsOf(body: string): string[] {
  return body
    .split(/\n+/)
    .flatMap((paragraph) => paragraph.split(/(?<=[^\d\s][.;])\s+(?=\S)/u))
    .map((unit) => unit.trim())
    .filter((unit) => unit.length > 0);
}

/**
 * The unit of `body` that best matches the weighted query terms, trimmed to about `max` characters at a word
 * boundary. `idf` weighs a term by its rarity; the earliest unit wins a tie (articles state the rule first).
 */
export function bestSnippet(
  body: string,
  terms: ReadonlyArray<{ term: string; weight: number }>,
  idf: (term: string) => number,
  max = SNIPPET_LENGTH,
): string {
  const units = unitsOf(body);
  if (units.length === 0) return "";
  const wanted = new Map(terms.map((t) => [t.term, t.weight * idf(t.term)]));
  let best = units[0]!;
  let bestScore = 0;
  for (const unit of units) {
    let score = 0;
    for (const term of indexTerms(unit).keys()) score += wanted.get(term) ?? 0;
    if (score > bestScore) {
      best = unit;
      bestScore = score;
    }
  }
  return trimAround(best, wanted, max);
}

/** The unit itself when short; else a window at a word boundary starting near its first matching word. */
function trimAround(unit: string, wanted: Map<string, number>, max: number): string {
  if (unit.length <= max) return unit;
  const words = [...unit.matchAll(/\S+/gu)];
  let start = 0;
  for (const word of words) {
    const terms = [...indexTerms(word[0]).keys()];
    if (terms.some((t) => (wanted.get(t) ?? 0) > 0)) {
      start = word.index;
      break;
    }
  }
  // Keep a little of what comes before the first match, but never start mid-word; the start is kept when the
  // window from there would already reach the end.
  const lead = words.filter((w) => w.index < start && start - w.index <= 60)[0]?.index ?? start;
  const from = unit.length - lead < max ? Math.max(0, wordStartBefore(words, unit.length - max + 1)) : lead;
  const window = shortenLabel(unit.slice(from), max - (from > 0 ? 1 : 0));
  return from > 0 ? `…${window}` : window;
}

function wordStartBefore(words: RegExpMatchArray[], at: number): number {
  let found = 0;
  for (const w of words) {
    if (w.index! >= at) return w.index!;
    found = w.index!;
  }
  return found;
}

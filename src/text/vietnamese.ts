// Vietnamese text at the boundaries: the same letters arrive precomposed (NFC), decomposed (NFD), with old or new
// tone placement ("hoà"/"hòa") or without diacritics at all ("ly hon"). We store NFC and compare on a folded form.

// C0 and C1 control characters except tab and newline (CR is turned into LF first), and DEL.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * What every text that comes in becomes before anything else sees it: well-formed UTF-16 (a lone surrogate, which
 * JSON and Postgres refuse, becomes U+FFFD), NFC, CRLF → LF, control characters dropped. Idempotent.
 */
export function normalizeText(input: string): string {
  return input.replace(LONE_SURROGATE, "\ufffd").normalize("NFC").replace(/\r\n?/g, "\n").replace(CONTROL_CHARS, "");
}

/** True when the text carries a NUL: no person types one, so such input is refused rather than cleaned. */
export function hasNul(input: string): boolean {
  return input.includes("\u0000");
}

/**
 * Lower case, no diacritics, đ → d. "Hoà", "hòa" (NFC or NFD) and "HOA" all fold to "hoa". Idempotent.
 */
export function foldText(input: string): string {
  return input.normalize("NFD").replace(COMBINING_MARKS, "").replace(/[đĐ]/g, "d").toLowerCase().normalize("NFC");
}

/**
 * Folded syllables, split at anything that is not a letter or digit. Punctuation also ends a clause, so syllable
 * pairs never join words across a comma or full stop ("ly hôn, kết hôn" gives no pair "hon_ket").
 */
export function tokenizeClauses(input: string): string[][] {
  const folded = foldText(normalizeText(input));
  return folded
    .split(/[.,;:!?()[\]{}"“”'‘’\n–—…/\\|]+/u)
    .map((clause) => clause.split(/[^\p{L}\p{N}]+/u).filter((s) => s.length > 0))
    .filter((clause) => clause.length > 0);
}

/** Folded syllables in order. */
export function syllables(input: string): string[] {
  return tokenizeClauses(input).flat();
}

/** Adjacent syllable pairs joined by "_" ("pháp luật" → "phap_luat"), within one clause. */
export function syllablePairs(input: string): string[] {
  const pairs: string[] = [];
  for (const clause of tokenizeClauses(input)) {
    for (let i = 0; i + 1 < clause.length; i++) pairs.push(`${clause[i]}_${clause[i + 1]}`);
  }
  return pairs;
}

/** A URL-safe slug from a Vietnamese title: "Luật Hôn nhân và gia đình" → "luat-hon-nhan-va-gia-dinh". */
export function slugify(input: string): string {
  return syllables(input).join("-");
}

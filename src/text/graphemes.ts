// Cutting text for people: never inside a surrogate pair, an emoji sequence or a letter with its marks (user-
// perceived characters, Intl.Segmenter), and where a label is shortened, at a word boundary with "…".

const segmenter = new Intl.Segmenter("vi", { granularity: "grapheme" });

/** The first `max` UTF-16 code units' worth of whole graphemes (what a length limit in code units allows). */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * A label of at most `max` code units: unchanged when it fits; otherwise cut at the last word boundary that
 * leaves room for "…" (or, for one very long word, at a grapheme boundary), trailing punctuation trimmed.
 */
export function shortenLabel(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = cutToLength(text, max - 1);
  const lastSpace = room.lastIndexOf(" ");
  const atWord = lastSpace >= max / 2 ? room.slice(0, lastSpace) : room;
  return `${atWord.replace(/[\s,;:.\-–—(]+$/u, "")}…`;
}

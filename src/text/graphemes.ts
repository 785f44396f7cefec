// Cutting text for people: never inside a surrogate pair, an emoji sequence or a letter with its marks (user-
// perceived characters, Intl.Segmenter), and where a label is shortened, at a word boundary with "…".

const segmenter = new Intl.Segmenter("vi", { granularity: "grapheme" });
const SEGMENT_LOOKAHEAD = 64;

/** The first `max` UTF-16 code units' worth of whole graphemes (what a length limit in code units allows). */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  // Between two letters of Latin script (Vietnamese included, precomposed as NFC keeps it), spaces, digits or ASCII
  // punctuation there is always a grapheme boundary (UAX #29, GB999): cut there without segmenting. Labels are
  // cut on every reply, and segmenting them was a few per cent of a message's CPU.
  if (max > 0 && isPlain(text.charCodeAt(max - 1)) && isPlain(text.charCodeAt(max)) && text[max - 1] !== "\r") {
    return text.slice(0, max);
  }
  let end = 0;
  // Only the text around the cut decides where graphemes end there, so a 4,096-character message is not segmented
  // whole to keep its first 200 characters. The last segment of the window may be cut short by the window; it ends
  // past `max` and is never kept.
  const window = text.slice(0, max + SEGMENT_LOOKAHEAD);
  for (const { segment, index } of segmenter.segment(window)) {
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

/** Latin letters with their accents precomposed (below U+0300, or Latin Extended Additional), digits, punctuation. */
function isPlain(code: number): boolean {
  return code < 0x300 || (code >= 0x1e00 && code <= 0x1eff);
}

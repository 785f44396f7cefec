import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutToLength, shortenLabel } from "../../src/text/graphemes";

const segmenter = new Intl.Segmenter("vi", { granularity: "grapheme" });

/** The definition: the longest run of whole graphemes within `max` code units, by segmenting everything. */
function referenceCut(text: string, max: number): string {
  let end = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

// Pieces that make cutting hard: emoji (surrogate pairs, ZWJ sequences, skin tones, flags), combining marks,
// decomposed Vietnamese, CRLF, Hangul jamo, Thai, and plain Vietnamese words.
const piece = fc.constantFrom(
  "a",
  "ơ",
  "ệ",
  " ",
  "pháp luật",
  "😀",
  "👩‍👩‍👧",
  "👍🏽",
  "🇻🇳",
  "e\u0301",
  "\r\n",
  "\u1100\u1161",
  "กำ",
  "©",
  "\u200d",
  "x",
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(""));

const isWellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe("cutToLength", () => {
  it("cuts exactly where segmenting the whole text would", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 80 }), (input, max) => {
        expect(cutToLength(input, max)).toBe(referenceCut(input, max));
      }),
      { numRuns: 2000 },
    );
  });

  it("never leaves half an emoji at a 200-character search cut", () => {
    const query = `ly hôn ${"x".repeat(192)}😀 abc`;
    const cut = cutToLength(query, 200);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(isWellFormed(cut)).toBe(true);
    expect(cut.endsWith("x")).toBe(true);
  });
});

describe("shortenLabel", () => {
  it("keeps labels that fit, and shortens the others to at most max with an ellipsis, well-formed", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 8, max: 80 }), (input, max) => {
        const label = shortenLabel(input, max);
        if (input.length <= max) {
          expect(label).toBe(input);
        } else {
          expect(label.length).toBeLessThanOrEqual(max);
          expect(label.endsWith("…")).toBe(true);
          expect(isWellFormed(label)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("cuts at a word boundary", () => {
    expect(shortenLabel("Luật Phổ biến, giáo dục pháp luật năm 2012", 30)).toBe("Luật Phổ biến, giáo dục pháp…");
  });
});

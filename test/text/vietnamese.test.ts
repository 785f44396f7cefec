import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText, normalizeText, slugify, syllablePairs, syllables, tokenizeClauses } from "../../src/text/vietnamese";

// Vietnamese letters and tone marks, precomposed and decomposed, plus spaces and punctuation.
const vietnameseChar = fc.constantFrom(
  ...(
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ" +
    "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0123456789 ,.?!\n"
  ).split(""),
  "\u0301",
  "\u0300",
  "\u0309",
  "\u0303",
  "\u0323",
);
const vietnameseText = fc.array(vietnameseChar, { maxLength: 60 }).map((chars) => chars.join(""));

describe("normalizeText", () => {
  it("turns decomposed input into precomposed letters", () => {
    expect(normalizeText("Ly ho\u0302\u0300n")).toBe("Ly hồn");
    expect(normalizeText("pha\u0301p lua\u0302\u0323t")).toBe("pháp luật");
  });

  it("drops control characters but keeps line breaks", () => {
    expect(normalizeText("a\u0000b\r\nc\u0007")).toBe("ab\nc");
  });
});

describe("foldText", () => {
  it("makes old and new tone placement, NFD and missing diacritics compare equal", () => {
    expect(foldText("hoà")).toBe(foldText("hòa"));
    expect(foldText("thuý")).toBe(foldText("thúy"));
    expect(foldText("Ly hôn")).toBe("ly hon");
    expect(foldText("ĐĂNG KÝ TẠM TRÚ")).toBe("dang ky tam tru");
    expect(foldText("Ly ho\u0302\u0300n".normalize("NFD"))).toBe("ly hon");
    expect(foldText("Người được hưởng")).toBe("nguoi duoc huong");
  });

  it("is idempotent", () => {
    fc.assert(fc.property(vietnameseText, (text) => foldText(foldText(text)) === foldText(text)));
  });

  it("leaves no combining mark and no đ", () => {
    fc.assert(fc.property(vietnameseText, (text) => !/[\u0300-\u036fđĐ]/.test(foldText(text))));
  });

  it("gives the same result for NFC and NFD input", () => {
    fc.assert(
      fc.property(vietnameseText, (text) => foldText(text.normalize("NFC")) === foldText(text.normalize("NFD"))),
    );
  });
});

describe("tokenizing into syllables and pairs", () => {
  it("splits into folded syllables and adjacent pairs", () => {
    expect(syllables("Điều kiện kết hôn")).toEqual(["dieu", "kien", "ket", "hon"]);
    expect(syllablePairs("Điều kiện kết hôn")).toEqual(["dieu_kien", "kien_ket", "ket_hon"]);
  });

  it("does not pair syllables across punctuation", () => {
    expect(tokenizeClauses("ly hôn, kết hôn")).toEqual([
      ["ly", "hon"],
      ["ket", "hon"],
    ]);
    expect(syllablePairs("ly hôn, kết hôn")).not.toContain("hon_ket");
  });

  it("gives the same tokens for NFC and NFD input", () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        expect(syllables(text.normalize("NFD"))).toEqual(syllables(text.normalize("NFC")));
        expect(syllablePairs(text.normalize("NFD"))).toEqual(syllablePairs(text.normalize("NFC")));
      }),
    );
  });

  it("has one pair fewer than syllables in every clause", () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const clauses = tokenizeClauses(text);
        expect(syllablePairs(text)).toHaveLength(clauses.reduce((n, c) => n + c.length - 1, 0));
      }),
    );
  });

  it("makes slugs from titles", () => {
    expect(slugify("Luật Hôn nhân và gia đình")).toBe("luat-hon-nhan-va-gia-dinh");
    expect(slugify("Luật Phòng, chống ma túy")).toBe("luat-phong-chong-ma-tuy");
  });
});

import { describe, expect, it } from "vitest";
import { searchQueries, searchVectorLiteral } from "../../src/text/search-terms";

describe("searchVectorLiteral", () => {
  it("lists syllables and pairs with positions and weights", () => {
    const literal = searchVectorLiteral([
      { text: "Ly hôn", weight: "A" },
      { text: "Thuận tình ly hôn", weight: "D" },
    ]);
    expect(literal).toContain("'ly':1A,6D");
    expect(literal).toContain("'ly_hon':1A,6D");
    expect(literal).toContain("'thuan_tinh':4D");
  });

  it("is empty for text with no words", () => {
    expect(searchVectorLiteral([{ text: " ,.; ", weight: "A" }])).toBe("");
  });
});

describe("searchQueries", () => {
  it("requires every meaningful syllable and ranks pairs", () => {
    const q = searchQueries("ly hon")!;
    expect(q.all).toBe("'ly' & 'hon'");
    expect(q.rank).toBe("'ly_hon' | 'ly' | 'hon'");
  });

  it("drops common words from the required part but keeps them for ranking", () => {
    const q = searchQueries("Điều kiện để kết hôn là gì?")!;
    expect(q.all).toBe("'dieu' & 'kien' & 'ket' & 'hon'");
    expect(q.rank).toContain("'ket_hon'");
    expect(q.rank).toContain("'la'");
  });

  it("keeps a query made only of common words", () => {
    expect(searchQueries("là gì")!.all).toBe("'la' & 'gi'");
  });

  it("returns null when there is nothing to search", () => {
    expect(searchQueries("  ?! ")).toBeNull();
  });

  it("cannot be steered by quotes or operators in the input", () => {
    const q = searchQueries("ly' | !hon & (x)")!;
    expect(q.all).toBe("'ly' & 'hon' & 'x'");
  });
});

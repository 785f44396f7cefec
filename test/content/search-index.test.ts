// Retrieval smoke tests on the seeded statutes (marriage and family, residence, the Constitution) with questions
// written the way people ask, not taken from the benchmark sets. The expected articles are the ones a lawyer
// would cite; the same lists on PGlite and Postgres (the suite runs on both) show the ranking does not depend on
// the driver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { loadSearchIndex } from "../../src/content/search-index-cache";
import type { SearchIndex } from "../../src/content/search-index";
import { createTestDb, testDriver } from "../support/test-db";

const FAMILY = "Luật Hôn nhân và gia đình";
const RESIDENCE = "Luật Cư trú";

describe(`search index on the seeded statutes (${testDriver})`, () => {
  let handle: DbHandle;
  let index: SearchIndex;
  const top = (question: string, n = 3) =>
    index
      .search(question, 20, new Set(["article"]))
      .slice(0, n)
      .map((h) => `${h.entry.document} ${h.entry.number}`);

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    index = await loadSearchIndex(handle.db);
  });
  afterAll(async () => handle?.close());

  it("answers a question with filler words by the article it is about", () => {
    expect(top("Cho em hỏi điều kiện kết hôn là gì ạ?", 1)).toEqual([`${FAMILY} 8`]);
    expect(top("Đăng ký thường trú thì cần những giấy tờ gì?", 1)).toEqual([`${RESIDENCE} 21`]);
  });

  it("ranks a question typed without diacritics exactly as with them", () => {
    expect(top("cho em hoi dieu kien ket hon la gi a", 5)).toEqual(top("Cho em hỏi điều kiện kết hôn là gì ạ?", 5));
    expect(top("dang ky tam tru o dau", 3)).toContain(`${RESIDENCE} 28`);
  });

  it("maps everyday words to the law's through the seeded synonyms", () => {
    // "bỏ chồng" means divorce: the article on who raises the children after a divorce.
    expect(top("Bỏ chồng thì con nhỏ ai nuôi?", 1)).toEqual([`${FAMILY} 81`]);
    // "bố mẹ" is the law's "cha mẹ".
    expect(top("Bố mẹ có nghĩa vụ gì với con?", 5).some((hit) => /^Luật Hôn nhân và gia đình (71|72)$/.test(hit))).toBe(
      true,
    );
  });

  it("favours the statute a question names", () => {
    const named = index.analyze("Theo Luật Cư trú, ai phải đăng ký tạm trú?");
    expect(named.statutes).toEqual([RESIDENCE]);
    expect(top("Theo Luật Cư trú, ai phải đăng ký tạm trú?", 3).every((hit) => hit.startsWith(RESIDENCE))).toBe(true);
    expect(index.analyze("luật hôn nhân gia đình quy định gì về tài sản chung").statutes).toEqual([FAMILY]);
  });

  it("finds nothing for a question with no searchable word", () => {
    expect(index.search("… ? !", 10)).toEqual([]);
    expect(index.search("cho hỏi như thế nào ạ", 10)).toEqual([]);
  });
});

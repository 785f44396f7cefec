// Article lookup by number and document name, on the real database (both drivers).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { createArticleLookup } from "../../src/content/article-lookup";
import { createContentRepository } from "../../src/content/content-repository";
import { createTestDb, testDriver } from "../support/test-db";

describe(`article lookup (${testDriver})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
  });
  afterAll(async () => handle?.close());

  it("finds a statute by part of its title, with or without diacritics, and an article by its number", async () => {
    const lookup = createArticleLookup(handle.db);
    const [withMarks] = await lookup.findDocuments("Luật hôn nhân", 3);
    const [without] = await lookup.findDocuments("luat hon nhan", 3);
    expect(withMarks!.title).toBe("Luật Hôn nhân và gia đình");
    expect(without).toEqual(withMarks);
    expect(await lookup.findDocuments("hôn nhân gia", 3)).toEqual([]); // words as a phrase, not scattered
    expect(await lookup.findDocuments("!!!", 3)).toEqual([]);

    const id = await lookup.findArticleByNumber(withMarks!.id, "8");
    const article = await createContentRepository(handle.db).getArticle(id!);
    expect(article).toMatchObject({ number: "8", title: "Điều kiện kết hôn" });
    expect(await lookup.findArticleByNumber(withMarks!.id, "999")).toBeNull();
    expect(await lookup.articleRange(withMarks!.id)).toEqual({
      title: "Luật Hôn nhân và gia đình",
      first: "1",
      last: "133",
    });
    expect(await lookup.articleRange(999_999)).toBeNull();
  });

  it("is part of the content repository the engine uses", () => {
    const content = createContentRepository(handle.db);
    expect(typeof content.findArticleByNumber).toBe("function");
    expect(typeof content.findDocuments).toBe("function");
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { legalDocuments } from "../../db/schema/index";
import { createContentRepository } from "../../src/content/content-repository";
import type { ContentSource } from "../../src/engine/ports";
import { createTestDb, testDriver } from "../support/test-db";

describe(`content repository (${testDriver})`, () => {
  let handle: DbHandle;
  let content: ContentSource;
  let marriageLawId: number;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    content = createContentRepository(handle.db);
    const [doc] = await handle.db
      .select()
      .from(legalDocuments)
      .where(eq(legalDocuments.title, "Luật Hôn nhân và gia đình"));
    marriageLawId = doc!.id;
  });
  afterAll(async () => handle?.close());

  it("lists topics with their published document counts", async () => {
    const topics = await content.listTopics();
    const family = topics.find((t) => t.name === "Dân sự, hôn nhân và gia đình");
    expect(family?.documentCount).toBe(1); // only the marriage law of this topic is in the quick seed
  });

  it("pages through a statute's articles in order, clamping out-of-range pages", async () => {
    const first = await content.listArticles(marriageLawId, 1, 10);
    expect(first).toMatchObject({ page: 1, pageCount: 14, total: 133 });
    expect(first.items.map((a) => a.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    const last = await content.listArticles(marriageLawId, 99, 10);
    expect(last.page).toBe(14);
    expect(last.items.map((a) => a.number)).toEqual(["131", "132", "133"]);
  });

  it("opens an article with its neighbours and position", async () => {
    const page = await content.listArticles(marriageLawId, 1, 10);
    const eighth = await content.getArticle(page.items[7]!.id);
    expect(eighth).toMatchObject({
      number: "8",
      title: "Điều kiện kết hôn",
      documentTitle: "Luật Hôn nhân và gia đình",
      position: 8,
    });
    expect(eighth!.previousId).toBe(page.items[6]!.id);
    expect(eighth!.nextId).toBe(page.items[8]!.id);
    const firstArticle = await content.getArticle(page.items[0]!.id);
    expect(firstArticle!.previousId).toBeNull();
  });

  it('finds "ly hôn" for "ly hon", in any Unicode form, best matches first', async () => {
    const plain = await content.search("ly hon", 1, 10);
    expect(plain.total).toBeGreaterThan(10);
    for (const hit of plain.items) {
      const article = hit.kind === "article" ? await content.getArticle(hit.id) : null;
      if (article) expect(`${article.title} ${article.body}`.toLocaleLowerCase("vi")).toContain("ly hôn");
    }
    // Diacritics typed are a second, more precise signal (search-analyzer.ts), so "Ly hôn" may order its hits
    // differently from "ly hon"; the Unicode form it arrives in never changes anything.
    const nfc = await content.search("Ly hôn".normalize("NFC"), 1, 10);
    const nfd = await content.search("Ly hôn".normalize("NFD"), 1, 10);
    expect(nfd.items).toEqual(nfc.items);
    expect(new Set(nfc.items.slice(0, 3).map((h) => h.id))).toEqual(new Set(plain.items.slice(0, 3).map((h) => h.id)));
    expect(plain.items.slice(0, 5).some((h) => /ly hôn/i.test(h.title))).toBe(true);
  });

  it("finds lessons as well as articles", async () => {
    const results = await content.search("tạm trú", 1, 10);
    expect(results.items.some((h) => h.kind === "lesson")).toBe(true);
    expect(results.items.some((h) => h.kind === "article" && h.context === "Luật Cư trú 2020 (68/2020/QH14)")).toBe(
      true,
    );
  });

  it("falls back to any word when no article has them all", async () => {
    const results = await content.search("kết hôn xyzzyq", 1, 10);
    expect(results.total).toBeGreaterThan(0);
  });

  it("finds nothing for words that are nowhere, and for no words", async () => {
    expect((await content.search("xyzzyq qwxv", 1, 10)).total).toBe(0);
    expect((await content.search("?!", 1, 10)).total).toBe(0);
  });

  it("hides draft documents from citizens", async () => {
    await handle.db.update(legalDocuments).set({ status: "draft" }).where(eq(legalDocuments.id, marriageLawId));
    try {
      expect(await content.getDocument(marriageLawId)).toBeNull();
      const results = await content.search("kết hôn", 1, 50);
      expect(results.items.some((h) => h.context === "Luật Hôn nhân và gia đình 2014 (52/2014/QH13)")).toBe(false);
    } finally {
      await handle.db.update(legalDocuments).set({ status: "published" }).where(eq(legalDocuments.id, marriageLawId));
    }
  });

  it("links lesson citations to the cited articles", async () => {
    const lessons = await content.listLessons(1, 10);
    const marriage = lessons.items.find((l) => l.title.includes("kết hôn"))!;
    const lesson = await content.getLesson(marriage.id);
    expect(lesson!.citations[0]).toMatchObject({
      document: "Luật Hôn nhân và gia đình",
      article: "8",
      articleId: expect.any(Number),
    });
  });
});

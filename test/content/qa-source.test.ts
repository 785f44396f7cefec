// The QaSource the chat uses: an approved answer only when the question says what the answer's question says,
// articles with their snippets otherwise, and every change seen exactly when content_revision moves.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { approvedAnswers } from "../../db/schema/index";
import { cachedQaSource } from "../../src/content/qa-source";
import { readContentRevision } from "../../src/content/search-index-cache";
import { SNIPPET_LENGTH } from "../../src/content/search-snippet";
import { createTestDb, testDriver } from "../support/test-db";

describe(`QaSource (${testDriver})`, () => {
  let handle: DbHandle;
  let answerId: number;
  const source = async () => cachedQaSource(handle.db, handle.db, await readContentRevision(handle.db));

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    const [row] = await handle.db
      .insert(approvedAnswers)
      .values({
        question: "Nam nữ muốn đăng ký kết hôn thì phải đủ bao nhiêu tuổi?",
        answer: "Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên (Điều 8 Luật Hôn nhân và gia đình).",
        citations: [{ document: "Luật Hôn nhân và gia đình", article: "8", articleId: null }],
      })
      .returning({ id: approvedAnswers.id });
    answerId = row!.id;
  });
  afterAll(async () => handle?.close());

  it("gives the approved answer to the same question in other words, without diacritics", async () => {
    const qa = await source();
    for (const question of [
      "Nam nữ đăng ký kết hôn phải đủ bao nhiêu tuổi ạ?",
      "cho hoi nam nu muon dang ky ket hon thi phai du bao nhieu tuoi",
    ]) {
      const result = await qa.answer(question, 3);
      expect(result.approved?.id, question).toBe(answerId);
      expect(result.approved?.citations).toEqual([
        {
          document: "Luật Hôn nhân và gia đình",
          article: "8",
          articleId: null,
          label: "Điều 8 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)",
        },
      ]);
      expect(result.articles.length).toBe(3);
    }
  });

  it("gives articles, not the answer, to a question that only shares its topic", async () => {
    const result = await (await source()).answer("Kết hôn với người nước ngoài cần điều kiện gì?", 3);
    expect(result.approved).toBeNull();
    expect(result.articles.map((a) => a.number)).toContain("126");
    for (const article of result.articles) {
      expect(article.documentTitle).toBe("Luật Hôn nhân và gia đình");
      expect(article.snippet.length).toBeGreaterThan(0);
      expect(article.snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
      expect(article.score).toBeGreaterThan(0);
    }
    expect(result.articles[0]!.snippet.toLocaleLowerCase("vi")).toContain("nước ngoài");
  });

  it("stops giving a retired answer once the revision moves", async () => {
    const before = await readContentRevision(handle.db);
    await handle.db.update(approvedAnswers).set({ status: "retired" }).where(eq(approvedAnswers.id, answerId));
    expect(await readContentRevision(handle.db)).toBeGreaterThan(before);
    const result = await (await source()).answer("Nam nữ đăng ký kết hôn phải đủ bao nhiêu tuổi?", 5);
    expect(result.approved).toBeNull();
    expect(result.articles.map((a) => `${a.documentTitle} ${a.number}`)).toContain("Luật Hôn nhân và gia đình 8");
  });

  it("answers nothing for a question with no searchable word", async () => {
    expect(await (await source()).answer("?!", 3)).toEqual({ approved: null, articles: [] });
  });
});

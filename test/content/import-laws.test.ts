import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { articles, legalDocuments } from "../../db/schema/index";
import { importLaws } from "../../src/content/import-laws";
import { describeLawFileIssues, documentTypeOf, lawFileSchema, parseArticleText } from "../../src/content/law-file";
import { createTestDb, testDriver } from "../support/test-db";

describe("law file validation", () => {
  it("names the record and field of every problem", () => {
    const input = [
      { id: "Luật A", articles: [{ id: "1", text: "Phạm vi\n\nNội dung." }] },
      {
        id: "Luật B",
        articles: [
          { id: "1", text: "" },
          { id: "x", text: "Nội dung" },
        ],
      },
      { articles: [] },
    ];
    const result = lawFileSchema.safeParse(input);
    expect(result.success).toBe(false);
    const lines = describeLawFileIssues(input, result.error!);
    expect(lines).toContain('bản ghi 1 ("Luật B"), trường articles[0].text: nội dung điều không được để trống');
    expect(lines.some((l) => l.startsWith('bản ghi 1 ("Luật B"), trường articles[1].id:'))).toBe(true);
    expect(lines.some((l) => l.startsWith("bản ghi 2, trường id:"))).toBe(true);
  });

  it("names a duplicated article number", () => {
    const input = [
      {
        id: "Luật B",
        articles: [
          { id: "1", text: "A" },
          { id: "2", text: "B" },
          { id: "1", text: "Lặp" },
        ],
      },
    ];
    const lines = describeLawFileIssues(input, lawFileSchema.safeParse(input).error!);
    expect(lines).toEqual(['bản ghi 0 ("Luật B"), trường articles[2].id: Điều 1 bị trùng trong văn bản "Luật B"']);
  });

  it("refuses something that is not a list", () => {
    const result = lawFileSchema.safeParse({ id: "x" });
    expect(describeLawFileIssues({ id: "x" }, result.error!)[0]).toMatch(/^tệp: /);
  });

  it("tells titles from first sentences", () => {
    expect(parseArticleText("8", "Điều kiện kết hôn\n1. Nam, nữ…")).toEqual({
      number: "8",
      title: "Điều kiện kết hôn",
      body: "1. Nam, nữ…",
    });
    expect(parseArticleText("16", "1. Mọi người đều bình đẳng trước pháp luật.\n\n2. Không ai…").title).toBeNull();
    expect(parseArticleText("2", "Một câu duy nhất không có dấu chấm").title).toBeNull();
    expect(documentTypeOf("Bộ luật dân sự")).toBe("Bộ luật");
    expect(documentTypeOf("Luật Cư trú")).toBe("Luật");
    expect(documentTypeOf("Hiến pháp")).toBe("Hiến pháp");
  });
});

describe(`importLaws (${testDriver})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
  });
  afterAll(async () => handle?.close());

  const articleCount = async (title: string) => {
    const [row] = await handle.db
      .select({ n: count() })
      .from(articles)
      .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
      .where(eq(legalDocuments.title, title));
    return row!.n;
  };

  it("imports statutes article by article", async () => {
    const result = await importLaws(
      handle.db,
      [
        {
          id: "Luật Thử nghiệm",
          articles: [
            { id: "1", text: "Phạm vi\n\nLuật này thử." },
            { id: "2", text: "Đối tượng\n\nMọi người." },
          ],
        },
      ],
      { source: "kiểm thử" },
    );
    expect(result).toMatchObject({ documents: 1, articles: 2 });
    expect(await articleCount("Luật Thử nghiệm")).toBe(2);
  });

  it("updates a statute in place when imported again, dropping articles no longer in the file", async () => {
    await importLaws(handle.db, [{ id: "Luật Thử nghiệm", articles: [{ id: "1", text: "Phạm vi mới\n\nĐã sửa." }] }], {
      source: "kiểm thử",
    });
    const rows = await handle.db
      .select({ number: articles.number, title: articles.title })
      .from(articles)
      .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
      .where(eq(legalDocuments.title, "Luật Thử nghiệm"));
    expect(rows).toEqual([{ number: "1", title: "Phạm vi mới" }]);
    const docs = await handle.db.select().from(legalDocuments).where(eq(legalDocuments.title, "Luật Thử nghiệm"));
    expect(docs).toHaveLength(1);
  });

  it("imports nothing when any record fails in the database", async () => {
    const broken = [
      { id: "Luật Sẽ Không Có", articles: [{ id: "1", text: "Phạm vi\n\nNội dung." }] },
      // Bypasses validation on purpose: the second record fails inside the transaction.
      { id: "Luật Hỏng", articles: [{ id: "1", text: null }] },
    ] as never;
    await expect(importLaws(handle.db, broken, { source: "kiểm thử" })).rejects.toThrow();
    expect(await articleCount("Luật Sẽ Không Có")).toBe(0);
    expect(await handle.db.select().from(legalDocuments).where(eq(legalDocuments.title, "Luật Sẽ Không Có"))).toEqual(
      [],
    );
  });
});

// The statute file with legal facts: validated field by field, imported with amendments, linked to the statute it
// replaces whichever of the two comes first; an old-format file imports as before and erases no recorded fact.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { documentAmendments, legalDocuments } from "../../db/schema/index";
import { importLaws } from "../../src/content/import-laws";
import { describeLawFileIssues, lawFileSchema } from "../../src/content/law-file";
import { createTestDb, testDriver } from "../support/test-db";

const article = (id: string) => ({ id, text: `Tiêu đề ${id}\nNội dung của điều ${id}.` });

describe("law file with legal facts", () => {
  it("accepts the old format unchanged and the new fields", () => {
    expect(lawFileSchema.safeParse([{ id: "Luật A", articles: [article("1")] }]).success).toBe(true);
    const parsed = lawFileSchema.parse([
      {
        id: "Luật A",
        articles: [article("1")],
        number: "1/2020/QH14",
        year: 2020,
        effectiveFrom: "2021-01-01",
        amendments: [
          { number: "2/2025/QH15", name: "Luật sửa đổi", effectiveFrom: "2025-07-01", articles: ["Điều 1"] },
        ],
        confidence: "medium",
        sources: ["https://example.org/luat-a"],
      },
    ]);
    expect(parsed[0]!.amendments![0]!.articles).toEqual(["Điều 1"]);
  });

  it("names the record and field of a bad date, a missing end date, a bad article or source", () => {
    const input = [
      { id: "Luật B", articles: [article("1")], effectiveFrom: "2021-02-30" },
      { id: "Luật C", articles: [article("1")], replacedBy: { number: "9/2026/QH15" } },
      { id: "Luật D", articles: [article("1")], amendments: [{ number: "x", name: "y", articles: ["khoản 2"] }] },
      {
        id: "Luật E",
        articles: [article("1")],
        sources: ["không phải địa chỉ"],
        endsOn: "2020-01-01",
        effectiveFrom: "2021-01-01",
      },
    ];
    const result = lawFileSchema.safeParse(input);
    expect(result.success).toBe(false);
    const lines = describeLawFileIssues(input, result.error!);
    expect(lines.some((l) => l.startsWith('bản ghi 0 ("Luật B"), trường effectiveFrom:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('bản ghi 1 ("Luật C"), trường endsOn:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('bản ghi 2 ("Luật D"), trường amendments[0].articles[0]:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('bản ghi 3 ("Luật E"), trường sources[0]:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('bản ghi 3 ("Luật E"), trường endsOn:'))).toBe(true);
  });
});

describe(`importLaws with legal facts (${testDriver})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
  });
  afterAll(async () => handle?.close());

  const document = async (title: string) =>
    (await handle.db.select().from(legalDocuments).where(eq(legalDocuments.title, title)))[0]!;

  it("links a replacing statute both ways, whichever is imported first", async () => {
    // The old statute names its replacement by number before that text is loaded.
    await importLaws(
      handle.db,
      lawFileSchema.parse([
        {
          id: "Luật Thử nghiệm",
          articles: [article("1")],
          number: "10/2018/QH14",
          year: 2018,
          effectiveFrom: "2019-01-01",
          endsOn: "2026-07-01",
          replacedBy: { number: "20/2025/QH15", name: "Luật Thử nghiệm 2025" },
        },
      ]),
      { source: "thử" },
    );
    expect(await document("Luật Thử nghiệm")).toMatchObject({ endReason: "replaced", replacedByDocumentId: null });
    await importLaws(
      handle.db,
      lawFileSchema.parse([{ id: "Luật Thử nghiệm 2025", articles: [article("1")], number: "20/2025/QH15" }]),
      { source: "thử" },
    );
    const newer = await document("Luật Thử nghiệm 2025");
    expect((await document("Luật Thử nghiệm")).replacedByDocumentId).toBe(newer.id);

    // The new statute says what it replaces: the old one ends on its effective date and points at it.
    await importLaws(
      handle.db,
      lawFileSchema.parse([{ id: "Luật Khác", articles: [article("1")], number: "11/2019/QH14" }]),
      { source: "thử" },
    );
    const result = await importLaws(
      handle.db,
      lawFileSchema.parse([
        {
          id: "Luật Khác 2026",
          articles: [article("1")],
          number: "21/2026/QH15",
          effectiveFrom: "2027-01-01",
          replaces: ["11/2019/QH14", "Luật Không Có"],
        },
      ]),
      { source: "thử" },
    );
    expect(result.linked).toBe(1);
    expect(result.warnings).toEqual([
      '"Luật Khác 2026" thay thế "Luật Không Có", nhưng văn bản này chưa có trong Loa: chưa liên kết.',
    ]);
    expect(await document("Luật Khác")).toMatchObject({
      endsOn: "2027-01-01",
      endReason: "replaced",
      replacedByDocumentId: (await document("Luật Khác 2026")).id,
      replacedByNumber: "21/2026/QH15",
    });
  });

  it("records amendments, keeps their date when unchanged, and an old-format re-import erases no fact", async () => {
    const withAmendment = (articles: string[]) =>
      lawFileSchema.parse([
        {
          id: "Luật Sửa",
          articles: [article("1"), article("2")],
          number: "12/2020/QH14",
          amendments: [{ number: "30/2025/QH15", name: "Luật sửa đổi", effectiveFrom: "2025-07-01", articles }],
        },
      ]);
    await importLaws(handle.db, withAmendment(["Điều 2"]), { source: "thử", now: new Date("2026-01-01T00:00:00Z") });
    await importLaws(handle.db, withAmendment(["Điều 2"]), { source: "thử", now: new Date("2026-02-01T00:00:00Z") });
    const id = (await document("Luật Sửa")).id;
    const [first] = await handle.db.select().from(documentAmendments).where(eq(documentAmendments.documentId, id));
    expect(first).toMatchObject({ articlesChanged: ["2"], recordedAt: new Date("2026-01-01T00:00:00Z") });
    await importLaws(handle.db, withAmendment(["Điều 1", "Điều 2"]), {
      source: "thử",
      now: new Date("2026-03-01T00:00:00Z"),
    });
    const [changed] = await handle.db.select().from(documentAmendments).where(eq(documentAmendments.documentId, id));
    expect(changed).toMatchObject({ articlesChanged: ["1", "2"], recordedAt: new Date("2026-03-01T00:00:00Z") });

    await importLaws(handle.db, lawFileSchema.parse([{ id: "Luật Sửa", articles: [article("1")] }]), { source: "cũ" });
    expect(await document("Luật Sửa")).toMatchObject({ officialNumber: "12/2020/QH14", source: "cũ" });
    expect(await handle.db.select().from(documentAmendments).where(eq(documentAmendments.documentId, id))).toHaveLength(
      1,
    );
  });
});

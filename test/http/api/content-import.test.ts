// POST /api/documents/import: an officer uploads a statute file; it lands in their scope with its articles, a broken
// file is answered with where it is broken, and a file cannot overwrite or end another unit's statutes.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { auditLog, legalDocuments } from "../../../db/schema/index";
import { type OfficerWorld, OUT_OF_SCOPE_MARKER, openOfficerWorld } from "../../support/officer-fixtures";
import { apiCall, createTestApp } from "../../support/test-app";
import { testDriver } from "../../support/test-db";

interface ErrorAnswer {
  error: { code: string; message: string; issues?: Array<{ field: string; message: string }> };
}

describe(`statute import through the officer API (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
  });
  afterAll(async () => handle?.close());

  const call = (body: unknown, token = world.tokens.officer) =>
    apiCall(app, token, "POST", "/api/documents/import", body);

  const lawFile = (title: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify(
      [
        {
          id: title,
          number: "01/2026/QĐ-UBND",
          articles: [
            { id: "1", text: "Phạm vi điều chỉnh\nQuy chế này quy định việc hòa giải ở tổ dân phố." },
            { id: "2", text: "Hòa giải viên\nMỗi tổ hòa giải có từ ba hòa giải viên trở lên." },
          ],
          ...extra,
        },
      ],
      null,
      2,
    );

  it("imports a file into the officer's scope with its articles, published and audited", async () => {
    const response = await call({ text: lawFile("Quy chế hòa giải phường thử"), unitCode: "00004" });
    expect(response.status, await response.clone().text()).toBe(201);
    const result = (await response.json()) as {
      documentId: number;
      documents: number;
      articles: number;
      items: Array<{ id: number; title: string; articles: number }>;
    };
    expect(result).toMatchObject({ documents: 1, articles: 2 });
    expect(result.items).toEqual([{ id: result.documentId, title: "Quy chế hòa giải phường thử", articles: 2 }]);

    const document = await apiCall(app, world.tokens.viewer, "GET", `/api/documents/${result.documentId}`);
    expect(await document.json()).toMatchObject({
      unitCode: "00004",
      status: "published",
      officialNumber: "01/2026/QĐ-UBND",
    });
    const articles = await apiCall(app, world.tokens.viewer, "GET", `/api/documents/${result.documentId}/articles`);
    const list = (await articles.json()) as { items: Array<{ number: string; title: string | null; body: string }> };
    expect(list.items.map((a) => [a.number, a.title])).toEqual([
      ["1", "Phạm vi điều chỉnh"],
      ["2", "Hòa giải viên"],
    ]);
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "content.import"), eq(auditLog.targetId, String(result.documentId))));
    expect(audits).toHaveLength(1);

    // The same file again updates the same statute in place.
    const again = await call({ text: lawFile("Quy chế hòa giải phường thử"), unitCode: "00004" });
    expect(((await again.json()) as { documentId: number }).documentId).toBe(result.documentId);
  });

  it("answers broken JSON with its line and column, and nothing is written", async () => {
    const text = '[\n  { "id": "Luật hỏng",\n    "articles": [ { "id": "1" "text": "x" } ] }\n]';
    const response = await call({ text });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as ErrorAnswer;
    expect(answer.error.message).toContain("dòng 3");
    expect(answer.error.issues?.[0]?.field).toBe("text");
    expect(await handle.db.select().from(legalDocuments).where(eq(legalDocuments.title, "Luật hỏng"))).toEqual([]);
  });

  it("answers a record the format refuses with the record and the field", async () => {
    const text = JSON.stringify([
      {
        id: "Luật thiếu nội dung",
        articles: [
          { id: "1", text: "Có nội dung" },
          { id: "2x1", text: "" },
        ],
      },
    ]);
    const response = await call({ text });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as ErrorAnswer;
    expect(answer.error.message).toContain('bản ghi 0 ("Luật thiếu nội dung"), trường articles[1].id');
    expect(answer.error.message).toContain("articles[1].text: nội dung điều không được để trống");
  });

  it("refuses to overwrite or end a statute of a unit outside the scope", async () => {
    const outsideTitle = `Văn bản ${OUT_OF_SCOPE_MARKER}`;
    const overwrite = await call({ text: lawFile(outsideTitle) });
    expect(overwrite.status).toBe(403);
    const replace = await call({
      text: lawFile("Quy chế thay thế thử", { effectiveFrom: "2026-01-01", replaces: [outsideTitle] }),
    });
    expect(replace.status).toBe(403);
    const [outside] = await handle.db
      .select({ endsOn: legalDocuments.endsOn, number: legalDocuments.officialNumber })
      .from(legalDocuments)
      .where(eq(legalDocuments.id, world.outside.documentId));
    expect(outside).toEqual({ endsOn: null, number: null });
    expect(
      await handle.db.select().from(legalDocuments).where(eq(legalDocuments.title, "Quy chế thay thế thử")),
    ).toEqual([]);
  });

  it("refuses a unit outside the scope, and a viewer", async () => {
    const outsideUnit = await call({ text: lawFile("Quy chế đơn vị ngoài"), unitCode: world.outside.communeCode });
    expect(outsideUnit.status).toBe(400);
    expect((await call({ text: lawFile("Quy chế của người xem") }, world.tokens.viewer)).status).toBe(403);
  });

  it("takes a file larger than other requests may be, up to its own limit", async () => {
    // Ten articles near their own limit (200,000 characters each).
    const longText = `Nội dung dài\n${"Đoạn văn của điều luật. ".repeat(6_000)}`;
    const articles = Array.from({ length: 10 }, (_, i) => ({ id: String(i + 1), text: longText }));
    const big = JSON.stringify([{ id: "Luật rất dài thử", articles }]);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    expect((await call({ text: big })).status).toBe(201);
    const tooBig = await app.request("/api/documents/import", {
      method: "POST",
      headers: {
        authorization: `Bearer ${world.tokens.officer}`,
        "content-type": "application/json",
        "content-length": String(21 * 1024 * 1024),
      },
      body: "{}",
    });
    expect(tooBig.status).toBe(413);
  });
});

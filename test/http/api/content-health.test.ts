// Law versions through the officer API on the fully seeded database: a fresh start cites no changed law (an empty
// content-health report), search and the document list on a date, recording an amendment or a status (audited)
// raises flags at once and an edit clears them, scope, and approved answers held back until reviewed.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { approvedAnswers, auditLog, legalDocuments, lessons } from "../../../db/schema/index";
import { lawCheck } from "../../../src/content/law-check";
import { cachedQaSource } from "../../../src/content/qa-source";
import { readContentRevision } from "../../../src/content/search-index-cache";
import { type OfficerWorld, openOfficerWorld } from "../../support/officer-fixtures";
import { apiCall, createTestApp } from "../../support/test-app";
import { testDriver } from "../../support/test-db";

interface HealthBody {
  date: string;
  counts: Record<string, number>;
  items: Array<{ kind: string; id: string; title: string; flags: Array<Record<string, unknown>> }>;
}
interface SearchBody {
  results: Array<{ type: string; document: string | null; inForce: boolean | null; legalStatus: string | null }>;
}

describe(`law versions through the officer API (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;
  const national = (method: string, path: string, body?: unknown) =>
    apiCall(app, world.national.token, method, path, body);
  const health = async (token = world.national.token) =>
    (await (await apiCall(app, token, "GET", "/api/content-health")).json()) as HealthBody;
  const documentId = async (title: string) =>
    (await handle.db.select({ id: legalDocuments.id }).from(legalDocuments).where(eq(legalDocuments.title, title)))[0]!
      .id;
  const audited = async (action: string, targetId: number) =>
    (
      await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))))
    ).length;

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld("full"));
  }, 240_000);
  afterAll(async () => handle?.close());

  it("a fresh start cites no amended, replaced or expired law", async () => {
    const report = await health();
    expect(report.items).toEqual([]);
    expect(report.counts).toEqual({ lesson: 0, approved_answer: 0, quiz_question: 0 });
    expect(await lawCheck(handle.db, new Date())).toMatchObject({
      lessonsToReview: 0,
      answersHeldBack: 0,
      quizQuestionsToReview: 0,
    });
  });

  it("search ranks the law in force first and filters by the day asked; results carry status fields", async () => {
    const q = encodeURIComponent("nghiêm cấm trồng cây có chứa chất ma túy, sử dụng trái phép chất ma túy");
    const today = (await (await app.request(`/api/search?limit=50&q=${q}`)).json()) as SearchBody;
    const articles = today.results.filter((r) => r.type === "article");
    // The first result is not of the replaced law; the replaced law is still found below it, marked.
    expect(today.results[0]!.inForce).not.toBe(false);
    expect(articles.find((r) => r.document === "Luật Phòng, chống ma túy")).toMatchObject({
      inForce: false,
      legalStatus: "replaced",
    });

    // In the chat, the first article given is in force and the replaced law's articles come marked after it.
    const qa = cachedQaSource(handle.db, handle.db, await readContentRevision(handle.db));
    const found = await qa.answer(decodeURIComponent(q), 10);
    expect(found.articles[0]!.inForce).toBe(true);
    expect(
      found.articles.some((a) => !a.inForce && a.citation === "Luật Phòng, chống ma túy 2021 (73/2021/QH14)"),
    ).toBe(true);

    const before = (await (await app.request(`/api/search?limit=5&inForceOn=2026-06-30&q=${q}`)).json()) as SearchBody;
    expect(before.results[0]).toMatchObject({ document: "Luật Phòng, chống ma túy", inForce: true });
    const after = (await (await app.request(`/api/search?limit=50&inForceOn=2026-07-01&q=${q}`)).json()) as SearchBody;
    expect(after.results.some((r) => r.document === "Luật Phòng, chống ma túy")).toBe(false);

    const bad = await app.request(`/api/search?q=${q}&inForceOn=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("inForceOn");
  });

  it("lists the documents in force on a day, with their legal status; 400 on a bad day", async () => {
    const titles = async (day: string) => {
      const response = await national("GET", `/api/documents?pageSize=100&inForceOn=${day}`);
      const body = (await response.json()) as { items: Array<{ title: string; legal: { status: string } }> };
      return new Map(body.items.map((d) => [d.title, d.legal.status]));
    };
    const june = await titles("2026-06-30");
    expect(june.get("Luật An ninh mạng")).toBe("in_force");
    const july = await titles("2026-07-01");
    expect(july.has("Luật An ninh mạng")).toBe(false);
    expect(july.get("Hiến pháp")).toBe("amended");
    const bad = await national("GET", "/api/documents?inForceOn=01-07-2026");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("inForceOn");
  });

  it("recording an amendment flags what cites the article at once; an edit clears it; all audited", async () => {
    const constitution = await documentId("Hiến pháp");
    const recorded = await national("POST", `/api/documents/${constitution}/amendments`, {
      number: "999/2026/QH15",
      name: "Nghị quyết thử nghiệm sửa đổi Hiến pháp",
      effectiveFrom: "2026-10-01",
      articles: ["Điều 16"],
      articlesComplete: true,
    });
    expect(recorded.status).toBe(200);
    expect(await audited("content.amendment", constitution)).toBe(1);
    let report = await health();
    // The Law Day lesson and the quiz question on equality cite Điều 16 of the Constitution.
    expect(report.items.map((i) => i.kind).sort()).toEqual(["lesson", "quiz_question"]);
    expect(report.items[0]!.flags[0]).toMatchObject({
      article: "16",
      change: "amended",
      since: "2026-10-01",
      certainty: "changed",
      by: { number: "999/2026/QH15" },
    });

    // The daily job counts the same.
    expect(await lawCheck(handle.db, new Date())).toMatchObject({ lessonsToReview: 1, quizQuestionsToReview: 1 });
    // National content (owned by the country) is not in a provincial officer's report.
    expect((await health(world.tokens.officer)).items).toEqual([]);

    const lessonId = Number(report.items.find((i) => i.kind === "lesson")!.id);
    const edited = await national("PATCH", `/api/lessons/${lessonId}`, { summary: "Đã đối chiếu Hiến pháp sửa đổi." });
    expect(edited.status).toBe(200);
    report = await health();
    expect(report.items.map((i) => i.kind)).toEqual(["quiz_question"]);

    const removed = await national("DELETE", `/api/documents/${constitution}/amendments?number=999%2F2026%2FQH15`);
    expect(removed.status).toBe(200);
    expect((await health()).items).toEqual([]);
    expect(await audited("content.amendment_remove", constitution)).toBe(1);
  });

  it("marking a document replaced flags its citations and tells citizens; scoped to the content's unit", async () => {
    const created = await apiCall(app, world.tokens.officer, "POST", "/api/lessons", {
      title: "Du lịch có trách nhiệm",
      summary: "Quyền và nghĩa vụ của khách du lịch.",
      body: "Khách du lịch có quyền được thông tin đầy đủ về dịch vụ.",
      citations: [{ document: "Luật Du lịch", article: "10" }],
      unitCode: world.inside.communeCode,
    });
    expect(created.status).toBe(201);
    const lesson = (await created.json()) as { id: number };
    await apiCall(app, world.tokens.manager, "POST", `/api/lessons/${lesson.id}/publish`);
    expect((await health(world.tokens.officer)).items).toEqual([]);

    const tourism = await documentId("Luật Du lịch");
    const bad = await national("POST", `/api/documents/${tourism}/status`, { endsOn: "2026-13-01" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("endsOn");
    const marked = await national("POST", `/api/documents/${tourism}/status`, {
      endsOn: "2026-11-01",
      replacedBy: { number: "998/2026/QH15", name: "Luật Du lịch 2026" },
    });
    expect(marked.status).toBe(200);
    expect(((await marked.json()) as { legal: { status: string } }).legal.status).toBe("replaced");
    expect(await audited("content.legal_status", tourism)).toBe(1);

    const mine = await health(world.tokens.officer);
    expect(mine.items).toMatchObject([
      {
        kind: "lesson",
        id: String(lesson.id),
        flags: [
          { change: "replaced", since: "2026-11-01", by: { number: "998/2026/QH15", name: "Luật Du lịch 2026" } },
        ],
      },
    ]);
    // An officer of another province does not see it; the national admin sees everything.
    const outsider = await apiCall(app, null, "GET", "/api/content-health");
    expect(outsider.status).toBe(401);
    expect((await health()).items.map((i) => i.id)).toContain(String(lesson.id));

    const tourismArticle = await app.request(`/api/search?limit=50&q=${encodeURIComponent("hướng dẫn viên du lịch")}`);
    const found = ((await tourismArticle.json()) as SearchBody).results.find((r) => r.document === "Luật Du lịch");
    expect(found).toMatchObject({ inForce: false, legalStatus: "replaced" });

    await national("POST", `/api/documents/${tourism}/status`, { endsOn: null, replacedBy: null });
    expect((await health(world.tokens.officer)).items).toEqual([]);
  });

  it("holds back an approved answer citing an article changed since its review, until reviewed again", async () => {
    const [row] = await handle.db
      .insert(approvedAnswers)
      .values({
        question: "Chính quyền địa phương hiện nay được tổ chức mấy cấp?",
        answer: "Chính quyền địa phương được tổ chức ở cấp tỉnh và cấp xã.",
        citations: [{ document: "Hiến pháp", article: "110", articleId: null }],
        createdAt: new Date("2025-01-01T00:00:00Z"),
        updatedAt: new Date("2025-01-01T00:00:00Z"),
      })
      .returning({ id: approvedAnswers.id });
    const id = row!.id;
    const ask = async () =>
      (
        await cachedQaSource(handle.db, handle.db, await readContentRevision(handle.db)).answer(
          "Chính quyền địa phương hiện nay được tổ chức mấy cấp?",
          3,
        )
      ).approved;
    expect(await ask()).toBeNull();
    expect((await health()).items).toMatchObject([
      { kind: "approved_answer", id: String(id), flags: [{ article: "110", change: "amended" }] },
    ]);

    // Citing a replaced statute cannot be confirmed as it is.
    const stale = await national("POST", `/api/answers/${id}/review`, {
      citations: [{ document: "Luật An ninh mạng", article: "8" }],
    });
    expect(stale.status).toBe(409);
    const reviewed = await national("POST", `/api/answers/${id}/review`, {});
    expect(reviewed.status).toBe(200);
    expect(await audited("answer.law_review", id)).toBe(1);
    expect((await ask())?.id).toBe(id);
    expect((await ask())?.citations[0]?.label).toBe("Điều 110 Hiến pháp 2013");
    expect((await health()).items).toEqual([]);
  });

  it("keeps lessons fixed: the seeded lessons cite no replaced statute", async () => {
    const rows = await handle.db.select({ citations: lessons.citations }).from(lessons);
    const cited = rows.flatMap((r) => r.citations.map((c) => c.document));
    expect(cited).not.toContain("Luật An ninh mạng");
    expect(cited).not.toContain("Luật Phòng, chống ma túy");
  });
});

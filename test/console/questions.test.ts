// The Q&A pages through app.request(): a question's text is escaped, a viewer sees no actions, a question of another
// province or a malformed id is the 404 page, a nonsense filter is read as no filter, pages are numbered, and the
// article picker's script is served as a file (the CSP allows no inline script).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { contacts, legalDocuments, questionRoutes, questions, topics, units } from "../../db/schema/index";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { createTestApp } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

describe(`console Q&A pages (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  const cookies: Record<string, string> = {};
  let hanoiQuestion: string;
  let hcmQuestion: string;

  const login = async (role: "viewer" | "officer", unitCode: string) => {
    const email = `q-${role}-${unitCode}@loa.test`;
    const { password } = await bootstrapOfficer(handle.db, { name: `Cán bộ ${role}`, email, role, unitCode });
    const response = await app.request("/console/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
      body: new URLSearchParams({ email, password, next: "/console" }).toString(),
    });
    expect(response.status).toBe(303);
    return response.headers.get("set-cookie")!.split(";")[0]!;
  };
  const page = async (who: string, path: string) => {
    const response = await app.request(path, { headers: { cookie: cookies[who]! } });
    return { status: response.status, html: await response.text() };
  };

  const ask = async (unitCode: string, text: string, n: number) => {
    const [unit] = await handle.db.select({ id: units.id }).from(units).where(eq(units.code, unitCode));
    const [contact] = await handle.db
      .insert(contacts)
      .values({ channel: "telegram", platformId: `q-page-${unitCode}-${n}` })
      .returning({ id: contacts.id });
    const [row] = await handle.db
      .insert(questions)
      .values({
        contactId: contact!.id,
        channel: "telegram",
        text,
        unitId: unit!.id,
        dueAt: new Date(Date.now() + 86_400_000),
        createdAt: new Date(Date.now() - n * 60_000),
      })
      .returning({ id: questions.id });
    return row!.id;
  };

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    app = createTestApp(handle.db);
    hanoiQuestion = await ask("00004", 'Tôi hỏi <script>alert("x")</script> & "ly hôn"', 0);
    hcmQuestion = await ask("79", "Câu hỏi của Thành phố Hồ Chí Minh", 0);
    for (let n = 1; n <= 30; n++) await ask("00004", `Câu hỏi số ${n} về tạm trú`, n);
    cookies.officer = await login("officer", "01");
    cookies.viewer = await login("viewer", "01");
  }, 120_000);
  afterAll(() => handle?.close());

  it("escapes the question's text on the inbox and on its page", async () => {
    for (const path of ["/console/questions", `/console/questions/${hanoiQuestion}`]) {
      const { status, html } = await page("officer", path);
      expect(status).toBe(200);
      expect(html).not.toContain("<script>alert");
      expect(html).toContain("&lt;script&gt;alert(");
    }
  });

  it("numbers the pages and keeps the filters in the page links", async () => {
    const first = await page("officer", "/console/questions?q=t%E1%BA%A1m%20tr%C3%BA");
    expect(first.html).toContain("Trang 1/2 · 30 mục");
    expect(first.html).toContain('href="/console/questions?q=t%E1%BA%A1m+tr%C3%BA&amp;page=2"');
    const second = await page("officer", "/console/questions?q=t%E1%BA%A1m%20tr%C3%BA&page=2");
    expect(second.html).toContain("Trang 2/2 · 30 mục");
    expect(second.html.match(/data-question=/g)).toHaveLength(5);
    expect(second.html).not.toContain("Câu hỏi của Thành phố Hồ Chí Minh");
  });

  it("reads a nonsense filter as no filter, and filters by unit", async () => {
    const all = await page("officer", "/console/questions?status=later&page=-3&unit=%3Cx%3E&overdue=yes");
    expect(all.status).toBe(200);
    expect(all.html).toContain("Trang 1/2 · 31 mục");
    const unit = await page("officer", "/console/questions?unit=00008");
    expect(unit.html).toContain("Chưa có câu hỏi nào khớp bộ lọc.");
  });

  it("lists the routing rules by topic of the officer's scope, read-only", async () => {
    expect((await page("viewer", "/console/questions")).html).not.toContain("Quy tắc chuyển câu hỏi");
    const unitId = async (code: string) =>
      (await handle.db.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]!.id;
    const [marriage] = await handle.db
      .select({ topicId: legalDocuments.topicId, name: topics.name })
      .from(legalDocuments)
      .innerJoin(topics, eq(topics.id, legalDocuments.topicId))
      .where(eq(legalDocuments.title, "Luật Hôn nhân và gia đình"));
    await handle.db
      .insert(questionRoutes)
      .values({ fromUnitId: await unitId("00004"), topicId: marriage!.topicId!, toUnitId: await unitId("01") });
    const { html } = await page("viewer", "/console/questions");
    expect(html).toContain("Quy tắc chuyển câu hỏi theo lĩnh vực (1)");
    expect(html).toMatch(new RegExp(`<td>00004</td><td>${marriage!.name}</td><td>01</td>`));
    expect(html).not.toContain('data-api="/api/question-routes');
  });

  it("shows a viewer the question without the actions the API would refuse", async () => {
    const { status, html } = await page("viewer", `/console/questions/${hanoiQuestion}`);
    expect(status).toBe(200);
    expect(html).toContain("Vai trò của bạn chỉ được xem câu hỏi.");
    expect(html).not.toContain("/claim");
    const officer = await page("officer", `/console/questions/${hanoiQuestion}`);
    expect(officer.html).toContain(`data-api="/api/questions/${hanoiQuestion}/claim"`);
    expect(officer.html).toContain('<script src="/console/assets/questions.js" defer');
  });

  it("answers another province's question, an unknown id and a malformed id with the 404 page", async () => {
    for (const id of [hcmQuestion, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const { status, html } = await page("officer", `/console/questions/${id}`);
      expect(status).toBe(404);
      expect(html).toContain("Không có câu hỏi này trong phạm vi của bạn.");
      expect(html).not.toContain("Thành phố Hồ Chí Minh</pre>");
    }
  });

  it("serves the picker script as JavaScript that sets API text with textContent only", async () => {
    const response = await app.request("/console/assets/questions.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/javascript");
    const script = await response.text();
    expect(script).toContain("/api/search?limit=10&q=");
    expect(script).not.toContain("innerHTML");
  });
});

// GET /api/search (public, rate-limited) and the synonym list officers extend: shape, 400s naming the field, the
// limit, 429 with Retry-After, text kept as text, roles and audit, and a change seen by the very next search.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { auditLog } from "../../../db/schema/index";
import { readContentRevision } from "../../../src/content/search-index-cache";
import { type OfficerWorld, openOfficerWorld } from "../../support/officer-fixtures";
import { apiCall, createTestApp } from "../../support/test-app";
import { testDriver } from "../../support/test-db";

interface SearchResult {
  type: "article" | "lesson" | "answer";
  document: string | null;
  article: string | null;
  title: string;
  snippet: string;
  score: number;
}

describe(`GET /api/search and the synonym list (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
  });
  afterAll(async () => handle?.close());

  const search = async (query: string) => {
    const response = await app.request(`/api/search?${query}`);
    return { response, body: (await response.json()) as { results: SearchResult[] } };
  };
  const q = (text: string, extra = "") => `q=${encodeURIComponent(text)}${extra}`;

  it("answers without login, best first, in the documented shape", async () => {
    const { response, body } = await search(q("tôi muốn ly hôn thì cần làm gì"));
    expect(response.status).toBe(200);
    expect(body.results.length).toBe(10);
    const [first] = body.results;
    expect(first).toMatchObject({ type: "article", document: "Luật Hôn nhân và gia đình" });
    expect(first!.title).toMatch(/^Điều \d+\. /);
    expect(first!.title.toLocaleLowerCase("vi")).toContain("ly hôn");
    expect(first!.snippet.length).toBeGreaterThan(0);
    const scores = body.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const lesson = (await search(q("bạo lực gia đình", "&limit=50"))).body.results.find((r) => r.type === "lesson");
    expect(lesson).toMatchObject({ document: null, article: null });
  });

  it("returns at most `limit` results", async () => {
    expect((await search(q("kết hôn", "&limit=1"))).body.results.length).toBe(1);
    expect((await search(q("kết hôn", "&limit=50"))).body.results.length).toBe(50);
  });

  it("answers 400 naming the field for a missing or bad q or limit", async () => {
    for (const [query, field] of [
      ["", "q"],
      [q("   "), "q"],
      [q("x".repeat(1001)), "q"],
      [q("kết hôn", "&limit=0"), "limit"],
      [q("kết hôn", "&limit=51"), "limit"],
      [q("kết hôn", "&limit=mười"), "limit"],
    ] as const) {
      const response = await app.request(`/api/search?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; issues: Array<{ field: string }> } };
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.issues.map((i) => i.field)).toContain(field);
    }
  });

  it("keeps officer-written text as text: markup comes back verbatim in JSON", async () => {
    const token = world.tokens.officer;
    const body = "Nội dung <script>alert('x')</script> về hòa giải viên <b>cơ sở</b> ở khu dân cư.";
    const created = await apiCall(app, token, "POST", "/api/lessons", {
      title: "Hòa giải viên <i>cơ sở</i>",
      summary: "Tóm tắt",
      body,
      unitCode: "00004",
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect((await apiCall(app, token, "POST", `/api/lessons/${id}/publish`)).status).toBe(200);
    const response = await app.request(`/api/search?${q("hòa giải viên cơ sở khu dân cư")}`);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const hit = ((await response.json()) as { results: SearchResult[] }).results.find((r) => r.type === "lesson");
    expect(hit).toMatchObject({ title: "Hòa giải viên <i>cơ sở</i>", snippet: body });
  });

  it("limits each client to SEARCH_RATE_LIMIT a minute: 429 with Retry-After, in Vietnamese", async () => {
    const limited = createTestApp(handle.db, undefined, {}, { SEARCH_RATE_LIMIT: "2", TRUST_PROXY: "1" });
    const from = (address: string) =>
      limited.request(`/api/search?${q("kết hôn")}`, { headers: { "x-forwarded-for": address } });
    expect((await from("203.0.113.1")).status).toBe(200);
    expect((await from("203.0.113.1")).status).toBe(200);
    const refused = await from("203.0.113.1");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/vui lòng/i);
    // Another client is counted apart.
    expect((await from("203.0.113.2")).status).toBe(200);

    const unlimited = createTestApp(handle.db, undefined, {}, { SEARCH_RATE_LIMIT: "0" });
    for (let i = 0; i < 5; i++) expect((await unlimited.request(`/api/search?${q("kết hôn")}`)).status).toBe(200);
  });

  it("lets admins add and remove synonyms, audited, and the next search uses them at once", async () => {
    const admin = world.tokens.admin;
    // A made-up word no statute contains: only the synonym can make it find anything.
    const phrase = "qwzx";
    const find = async () =>
      (await search(q(phrase, "&limit=50"))).body.results.filter((r) => r.type === "article").map((r) => r.article);
    expect(await find()).toEqual([]);

    expect(
      (await apiCall(app, world.tokens.officer, "POST", "/api/search/synonyms", { phrase, means: "x" })).status,
    ).toBe(403);
    const revision = await readContentRevision(handle.db);
    const created = await apiCall(app, admin, "POST", "/api/search/synonyms", {
      phrase: ` ${phrase} `,
      means: "không đăng ký kết hôn",
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const synonym = (await created.json()) as { id: number; phrase: string; means: string };
    expect(synonym).toMatchObject({ phrase, means: "không đăng ký kết hôn" });
    expect(await readContentRevision(handle.db)).toBeGreaterThan(revision);
    // Điều 14: living together as husband and wife without registering the marriage.
    expect((await find()).slice(0, 3)).toContain("14");

    const listed = await apiCall(app, world.tokens.viewer, "GET", "/api/search/synonyms");
    const items = ((await listed.json()) as { items: Array<{ id: number; phrase: string }> }).items;
    expect(items.find((i) => i.id === synonym.id)?.phrase).toBe(phrase);
    expect(items.some((i) => i.phrase === "sổ đỏ")).toBe(true); // the seeded list

    const duplicate = await apiCall(app, admin, "POST", "/api/search/synonyms", {
      phrase,
      means: "không đăng ký kết hôn",
    });
    expect(duplicate.status).toBe(409);

    expect((await apiCall(app, admin, "DELETE", `/api/search/synonyms/${synonym.id}`)).status).toBe(204);
    expect((await apiCall(app, admin, "DELETE", `/api/search/synonyms/${synonym.id}`)).status).toBe(404);
    expect(await find()).toEqual([]);

    const audit = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "search_synonym"), eq(auditLog.targetId, String(synonym.id))));
    expect(audit.map((a) => a.action).sort()).toEqual(["content.create", "content.delete"]);
  });

  it("refuses a synonym without words, naming the field", async () => {
    for (const [body, field] of [
      [{ phrase: "", means: "ly hôn" }, "phrase"],
      [{ phrase: "?!", means: "ly hôn" }, "phrase"],
      [{ phrase: "bỏ vợ", means: "…" }, "means"],
      [{ phrase: "bỏ vợ" }, "means"],
    ] as const) {
      const response = await apiCall(app, world.tokens.admin, "POST", "/api/search/synonyms", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = (await response.json()) as { error: { issues: Array<{ field: string }> } };
      expect(error.error.issues.map((i) => i.field)).toContain(field);
    }
  });
});

// The content pages through app.request(), quicker than Chromium: every list and page shows only the officer's
// scope, ids outside it (or nonsense) are 404 pages, pages that change things refuse a viewer, and text officers
// typed is escaped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { type OfficerWorld, OUT_OF_SCOPE_MARKER, openOfficerWorld } from "../support/officer-fixtures";
import { apiCall, type createTestApp, sessionCookie } from "../support/test-app";
import { testDriver } from "../support/test-db";

describe(`console content pages (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
    for (const role of ["officer", "viewer"] as const) {
      const email = `trang-noi-dung-${role}@loa.test`;
      const { password } = await bootstrapOfficer(handle.db, { name: `Cán bộ ${role}`, email, role, unitCode: "01" });
      cookies[role] = await sessionCookie(app, { email, password });
    }
  });
  afterAll(async () => handle?.close());

  const page = async (path: string, role: "officer" | "viewer" = "officer") => {
    const response = await app.request(path, { headers: { cookie: cookies[role]! } });
    return { status: response.status, html: await response.text() };
  };

  it("lists only the scope's statutes and lessons", async () => {
    for (const path of ["/console/content/documents", "/console/content/lessons", "/console/content"]) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(html).not.toContain(OUT_OF_SCOPE_MARKER);
    }
    expect((await page("/console/content/documents")).html).toContain("Văn bản trong phạm vi");
    expect((await page("/console/content/lessons")).html).toContain("Bài trong phạm vi");
    // Ended yesterday: not in force, so the in-force filter leaves it out.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const ended = await apiCall(app, world.tokens.officer, "POST", `/api/documents/${world.inside.documentId}/status`, {
      effectiveFrom: "2000-01-01",
      endsOn: yesterday,
      endReason: "expired",
    });
    expect(ended.status).toBe(200);
    expect((await page("/console/content/documents")).html).toContain("Hết hiệu lực");
    expect((await page("/console/content/documents?inForce=1")).html).not.toContain("Văn bản trong phạm vi");
  });

  it("answers ids outside the scope, or nonsense, with a 404 page that shows nothing of them", async () => {
    const paths = [
      `/console/content/documents/${world.outside.documentId}`,
      `/console/content/articles/${world.outside.articleId}`,
      `/console/content/lessons/${world.outside.lessonId}`,
      "/console/content/documents/abc",
      "/console/content/lessons/0",
      "/console/content/articles/99999999999",
    ];
    for (const path of paths) {
      const { status, html } = await page(path);
      expect(status, path).toBe(404);
      expect(html).toContain("Không tìm thấy");
      expect(html).not.toContain(OUT_OF_SCOPE_MARKER);
    }
    expect((await page(`/console/content/articles/${world.inside.articleId}`)).status).toBe(200);
  });

  it("refuses a viewer the pages that change things and shows them no forms", async () => {
    expect((await page("/console/content/import", "viewer")).status).toBe(403);
    expect((await page("/console/content/lessons/new", "viewer")).status).toBe(403);
    for (const path of [
      `/console/content/documents/${world.inside.documentId}`,
      `/console/content/lessons/${world.inside.lessonId}`,
      `/console/content/articles/${world.inside.articleId}`,
      "/console/content/topics",
      "/console/content/synonyms",
    ]) {
      const { status, html } = await page(path, "viewer");
      expect(status, path).toBe(200);
      expect(html, path).not.toContain("data-api");
    }
    // An officer gets the forms, but not the admins' ones.
    expect((await page(`/console/content/lessons/${world.inside.lessonId}`)).html).toContain("data-api");
    expect((await page("/console/content/synonyms")).html).not.toContain("data-api");
  });

  it("escapes what officers typed", async () => {
    const title = `<script>alert("x")</script> & <b>bài</b>`;
    const created = await apiCall(app, world.tokens.officer, "POST", "/api/lessons", {
      title,
      summary: "Tóm tắt <img src=x onerror=alert(1)>",
      body: "Nội dung",
      citations: [{ document: `Luật "<i>"`, article: "1" }],
      unitCode: "00004",
    });
    const { id } = (await created.json()) as { id: number };
    for (const path of ["/console/content/lessons", `/console/content/lessons/${id}`]) {
      const { html } = await page(path);
      expect(html).not.toContain("<script>alert");
      expect(html).not.toContain("<img src=x");
      expect(html).toContain("&lt;script&gt;");
    }
    expect((await page(`/console/content/lessons/${id}`)).html).not.toContain("<i>");
  });

  it("serves the section's script", async () => {
    const response = await app.request("/console/assets/content.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("javascript");
    expect(await response.text()).toContain("data-citation-row");
  });
});

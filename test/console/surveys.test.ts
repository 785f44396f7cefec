// The surveys pages through app.request(): waves outside the scope never show, an unknown survey or version is the
// 404 page, a viewer reads without the form, and an officer's unit picker holds only units of their scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { createOfficerWorld, OUT_OF_SCOPE_MARKER } from "../support/officer-fixtures";
import { createTestApp, sessionCookie } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

describe(`console survey pages (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  const cookies: Record<string, string> = {};

  const page = async (path: string, who: string) => {
    const response = await app.request(path, { headers: { cookie: cookies[who]! } });
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    app = createTestApp(handle.db);
    await createOfficerWorld(handle.db);
    for (const [who, role, unitCode] of [
      ["officer", "officer", "01"],
      ["viewer", "viewer", "01"],
      ["commune", "officer", "00004"],
    ] as const) {
      const created = await bootstrapOfficer(handle.db, {
        name: `Khảo sát ${who}`,
        email: `khao-sat-${who}@loa.test`,
        role,
        unitCode,
      });
      cookies[who] = await sessionCookie(app, created);
    }
  });
  afterAll(async () => handle?.close());

  it("lists the catalog with each survey's versions and counts only waves in scope", async () => {
    const { status, html } = await page("/console/surveys", "officer");
    expect(status).toBe(200);
    expect(html).toContain('href="/console/surveys/law_day_quiz"');
    expect(html).toContain('href="/console/surveys/answer_feedback?version=');
    expect(html).not.toContain(OUT_OF_SCOPE_MARKER);
  });

  it("shows waves of the scope with links to their results, never those outside", async () => {
    const { html } = await page("/console/surveys/answer_feedback", "officer");
    expect(html).toContain("Đợt trong phạm vi");
    expect(html).toMatch(/href="\/console\/results\/answer_feedback\?wave=\d+"/);
    expect(html).not.toContain(OUT_OF_SCOPE_MARKER);
    expect(html).toContain('data-api="/api/surveys/answer_feedback/waves"');
  });

  it("offers only units of the officer's scope in the wave form", async () => {
    const province = await page("/console/surveys/law_day_quiz", "officer");
    expect(province.html).toContain('<option value="00004"');
    expect(province.html).not.toContain('<option value="79"');
    const commune = await page("/console/surveys/law_day_quiz", "commune");
    const options = [...commune.html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(options).toEqual(["00004"]);
  });

  it("gives a viewer the questions and waves without the form", async () => {
    const { status, html } = await page("/console/surveys/law_day_quiz", "viewer");
    expect(status).toBe(200);
    expect(html).toContain("Câu hỏi — phiên bản");
    expect(html).not.toContain("Mở đợt khảo sát</button>");
  });

  it("answers the 404 page for an unknown survey or version", async () => {
    const unknown = await page("/console/surveys/khong_co_khao_sat", "officer");
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain("Không có khảo sát này");
    const version = await page("/console/surveys/law_day_quiz?version=999", "officer");
    expect(version.status).toBe(404);
    expect(version.html).toContain("không có phiên bản 999");
  });
});

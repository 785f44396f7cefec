// Surveys through the officer API: waves in scope, responses of those waves only, pseudonymous respondents.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { contacts } from "../../../db/schema/index";
import { takeSurvey } from "../../exports/export-fixtures";
import { OUT_OF_SCOPE_MARKER, type OfficerWorld, openOfficerWorld } from "../../support/officer-fixtures";
import { apiCall, createTestApp, say } from "../../support/test-app";
import { testDriver } from "../../support/test-db";

interface ResponsePage {
  items: Array<{
    waveId: number;
    respondent: string | null;
    status: string;
    answers: Array<{ questionId: string; value: unknown }>;
  }>;
  total: number;
}

describe(`survey API (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
    for (const [user, waveId] of [
      ["hn-citizen", world.inside.waveId],
      ["hcm-citizen", world.outside.waveId],
    ] as const) {
      await say(app, user, `survey:answer_feedback:w${waveId}`);
      await say(app, user, "age:adult");
      await say(app, user, "c:yes");
      await say(app, user, "a:yes");
    }
    // The national satisfaction wave, answered from a Hà Nội commune and from one in Hồ Chí Minh City.
    for (const [user, commune] of [
      ["hn-national", "phường Ba Đình, Hà Nội"],
      ["hcm-national", "phường Bến Thành, Hồ Chí Minh"],
    ] as const)
      await takeSurvey(app, user, "pbgdpl_satisfaction", [
        "a:no",
        "a:never",
        "a:no",
        "a:2",
        "s:skip",
        "s:skip",
        commune,
      ]);
  }, 120_000);
  afterAll(async () => handle?.close());

  it("lists surveys with their published versions", async () => {
    const body = (await (await apiCall(app, world.tokens.viewer, "GET", "/api/surveys")).json()) as {
      items: Array<{ key: string; versions: unknown[] }>;
    };
    expect(body.items.map((s) => s.key)).toContain("law_day_quiz");
    expect(body.items.every((s) => s.versions.length >= 1)).toBe(true);
  });

  it("shows only waves and responses of the caller's scope, with pseudonymous respondents", async () => {
    const waves = await (await apiCall(app, world.tokens.viewer, "GET", "/api/surveys/answer_feedback/waves")).text();
    expect(waves).toContain("Đợt trong phạm vi");
    expect(waves).not.toContain(OUT_OF_SCOPE_MARKER);

    const page = (await (
      await apiCall(app, world.tokens.viewer, "GET", "/api/surveys/answer_feedback/responses")
    ).json()) as ResponsePage;
    expect(page.items.map((r) => r.waveId)).toEqual([world.inside.waveId]);
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.platformId, "hn-citizen"));
    expect(page.items[0]).toMatchObject({ respondent: contact!.pseudonymousId, status: "completed" });
    expect(page.items[0]!.answers).toEqual([
      { questionId: "helpful", value: { kind: "options", codes: ["yes"] }, correct: null },
    ]);
    expect(JSON.stringify(page)).not.toContain("hn-citizen");

    const national = (await (
      await apiCall(app, world.national.token, "GET", "/api/surveys/answer_feedback/responses?status=completed")
    ).json()) as ResponsePage;
    expect(national.items.map((r) => r.waveId).sort()).toEqual([world.inside.waveId, world.outside.waveId].sort());
  });

  // The same rule as the exports: a national wave's responses are read by the officers of the respondent's unit.
  it("shows a national wave's responses to the officers of the respondent's commune, and only those", async () => {
    const page = (await (
      await apiCall(app, world.tokens.viewer, "GET", "/api/surveys/pbgdpl_satisfaction/responses")
    ).json()) as ResponsePage & { items: Array<{ unitCode: string | null }> };
    const [hn] = await handle.db.select().from(contacts).where(eq(contacts.platformId, "hn-national"));
    expect(page.items.map((r) => r.respondent)).toEqual([hn!.pseudonymousId]);
    expect(page.total).toBe(1);
    const national = (await (
      await apiCall(app, world.national.token, "GET", "/api/surveys/pbgdpl_satisfaction/responses")
    ).json()) as ResponsePage;
    expect(national.total).toBe(2);
  });

  it("opens a wave for a unit in scope, and refuses a bad period or survey", async () => {
    const ok = await apiCall(app, world.tokens.officer, "POST", "/api/surveys/law_day_quiz/waves", {
      name: "Trước Ngày Pháp luật 2026",
      unitCode: "00004",
      controller: "UBND phường Ba Đình",
      startsAt: "2026-10-01T00:00:00+07:00",
      endsAt: "2026-11-08T23:59:59+07:00",
    });
    expect(ok.status).toBe(201);
    const badPeriod = await apiCall(app, world.tokens.officer, "POST", "/api/surveys/law_day_quiz/waves", {
      name: "Sai",
      unitCode: "00004",
      controller: "X",
      startsAt: "2026-11-10T00:00:00+07:00",
      endsAt: "2026-11-01T00:00:00+07:00",
    });
    expect(badPeriod.status).toBe(400);
    expect(((await badPeriod.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0]!.field).toBe(
      "endsAt",
    );
    const badDate = await apiCall(app, world.tokens.officer, "POST", "/api/surveys/law_day_quiz/waves", {
      name: "Sai",
      unitCode: "00004",
      controller: "X",
      startsAt: "mai",
    });
    expect(badDate.status).toBe(400);
    expect((await apiCall(app, world.tokens.officer, "GET", "/api/surveys/no_such_survey/waves")).status).toBe(404);
    expect(
      (await apiCall(app, world.tokens.viewer, "GET", "/api/surveys/answer_feedback/responses?page=0")).status,
    ).toBe(400);
  });
});

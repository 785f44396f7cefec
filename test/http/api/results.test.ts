// GET /api/surveys/{key}/results on answers given through the real web chat: counts and shares per option with the
// definition's labels, multiple choice counted per option and per person, quiz right answers, free text, scope (a
// province officer sees their communes' answers to a national wave, not another province's), filters, the same
// responses as the export with the same filters, and 400/404s naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { type OfficerWorld, openOfficerWorld } from "../../support/officer-fixtures";
import { apiCall, createTestApp, say } from "../../support/test-app";
import { testDriver } from "../../support/test-db";
import {
  bodyText,
  parseCsv,
  satisfactionAnswers,
  takeSurvey,
  takeWithFirstOptions,
} from "../../exports/export-fixtures";
import type { SurveyResults } from "../../../src/scoring/survey-results";

type Results = Omit<SurveyResults, "questions"> & {
  questions: Array<SurveyResults["questions"][number] & { latest: Array<{ text: string; answeredAt: string }> | null }>;
};

describe(`survey results (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;
  const baDinh = "phường Ba Đình, Hà Nội";

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
    await takeSurvey(app, "r-a", "pbgdpl_satisfaction", satisfactionAnswers.full(baDinh));
    await takeSurvey(app, "r-b", "pbgdpl_satisfaction", satisfactionAnswers.unreached(baDinh));
    await takeSurvey(app, "r-c", "pbgdpl_satisfaction", satisfactionAnswers.zaloOnly(baDinh));
    // Hồ Chí Minh City: outside the Hà Nội officers' scope.
    await takeSurvey(app, "r-hcm", "pbgdpl_satisfaction", satisfactionAnswers.unsure("phường Bến Thành, Hồ Chí Minh"));
    await takeSurvey(app, "r-la", "legal_access_satisfaction", [baDinh, "a:4", "a:no", "a:yes", "<b>Thêm giờ</b>"]);
    await takeWithFirstOptions(app, "r-quiz", "law_day_quiz");
    // Started, never finished: not counted.
    await say(app, "r-half", "survey:pbgdpl_satisfaction");
    await say(app, "r-half", "age:adult");
    await say(app, "r-half", "c:yes");
    await say(app, "r-half", "a:yes");
  }, 240_000);
  afterAll(async () => handle?.close());

  const results = async (token: string, query = "", key = "pbgdpl_satisfaction") => {
    const response = await apiCall(app, token, "GET", `/api/surveys/${key}/results${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as Results;
  };
  const question = (r: Results, id: string) => r.questions.find((q) => q.id === id)!;
  const counts = (r: Results, id: string) =>
    Object.fromEntries((question(r, id).options ?? []).map((o) => [o.code, o.count]));

  it("counts completed responses in scope per option, with the definition's labels and shares", async () => {
    const r = await results(world.tokens.viewer);
    expect(r.survey).toEqual({ key: "pbgdpl_satisfaction", title: expect.stringContaining("hài lòng") });
    expect(r.n).toBe(3);
    const heard = question(r, "heard");
    expect(heard.answered).toBe(3);
    expect(heard.options).toEqual([
      { code: "yes", label: "Có", count: 2, share: 2 / 3 },
      { code: "no", label: "Không", count: 1, share: 1 / 3 },
      { code: "dk", label: "Không rõ", count: 0, share: 0 },
    ]);
    expect(counts(r, "satisfaction")).toEqual({ "5": 2, "4": 0, "3": 0, "2": 1, "1": 0 });
    expect(question(r, "satisfaction").options![0]).toMatchObject({ label: "Rất hài lòng", share: 2 / 3 });
    // Multiple choice: shares of the people who answered (two), so they may add up to more than 100 %.
    const channel = question(r, "channel");
    expect(channel.answered).toBe(2);
    expect(counts(r, "channel")).toMatchObject({ zalo: 2, meeting: 1, loudspeaker: 0 });
    expect(channel.options!.find((o) => o.code === "zalo")).toMatchObject({ label: "Zalo, mạng xã hội", share: 1 });
    // Skipped optional questions: fewer answered than n.
    expect(question(r, "age_band").answered).toBe(1);
    // The communes named.
    expect(question(r, "commune").options).toEqual([
      { code: "00004", label: expect.stringContaining("Ba Đình"), count: 3, share: 1 },
    ]);
  });

  it("a national officer sees every province's responses", async () => {
    const r = await results(world.national.token);
    expect(r.n).toBe(4);
    expect(counts(r, "heard")).toEqual({ yes: 2, no: 1, dk: 1 });
  });

  it("quiz items: right answers and which option is right; free text: the latest answers as given", async () => {
    const quiz = await results(world.national.token, "", "law_day_quiz");
    expect(quiz.n).toBe(1);
    const first = quiz.questions.find((q) => q.type === "quiz")!;
    expect(first.answered).toBe(1);
    expect(first.options!.find((o) => o.correct)).toBeDefined();
    const right = quiz.questions.filter((q) => q.type === "quiz" && q.correct!.count === 1).map((q) => q.id);
    expect(right).toContain("q4_equality");
    expect(right).not.toContain("q1_marriage_age");
    expect(question(quiz, "q1_marriage_age").correct).toEqual({ count: 0, share: 0 });

    const access = await results(world.tokens.viewer, "", "legal_access_satisfaction");
    expect(access.n).toBe(1);
    const suggestion = question(access, "suggestion");
    expect(suggestion.answered).toBe(1);
    expect(suggestion.latest).toEqual([{ text: "<b>Thêm giờ</b>", answeredAt: expect.any(String) }]);
    expect(suggestion.options).toBeNull();
    // Shown only to those who used a procedure: nobody here.
    expect(question(access, "procedure_satisfaction").answered).toBe(0);
    expect(question(access, "procedure_satisfaction").options!.every((o) => o.share === null)).toBe(true);
  });

  it("filters by unit, wave and period like the export, and holds the export's responses", async () => {
    const commune = await results(world.tokens.viewer, `?unitCode=${world.inside.communeCode}`);
    expect(commune.n).toBe(3);
    expect(commune.unit).toEqual({ code: "00004", name: expect.stringContaining("Ba Đình") });
    const exported = await apiCall(
      app,
      world.tokens.viewer,
      "GET",
      "/api/exports/responses?survey=pbgdpl_satisfaction&format=csv&status=completed",
    );
    const { records } = parseCsv(await bodyText(exported));
    expect(records).toHaveLength(commune.n);
    expect(records.filter((row) => row.heard === "yes")).toHaveLength(counts(commune, "heard").yes!);

    const { items } = (await (
      await apiCall(app, world.national.token, "GET", "/api/surveys/pbgdpl_satisfaction/waves")
    ).json()) as { items: Array<{ id: number }> };
    const waved = await results(world.tokens.viewer, `?waveId=${items[0]!.id}`);
    expect(waved.wave).toEqual({ id: items[0]!.id, name: expect.any(String) });
    expect(waved.n).toBe(3);

    const future = await results(world.tokens.viewer, "?from=2099-01-01");
    expect(future.n).toBe(0);
    expect(question(future, "heard").options!.every((o) => o.count === 0 && o.share === null)).toBe(true);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await results(world.tokens.viewer, `?from=2026-01-01&to=${today}`)).n).toBe(3);
  });

  it("exports say how many data rows they will have (X-Total-Rows), for the console's download progress", async () => {
    const lines = async (query: string) => {
      const response = await apiCall(app, world.national.token, "GET", `/api/exports/responses?${query}`);
      expect(response.status).toBe(200);
      const text = await bodyText(response);
      return { header: response.headers.get("x-total-rows"), lines: text.split("\n").filter(Boolean).length };
    };
    const wide = await lines("survey=pbgdpl_satisfaction&format=csv");
    expect(wide.header).toBe(String(wide.lines - 1));
    expect(Number(wide.header)).toBe(5);
    const long = await lines("survey=pbgdpl_satisfaction&format=csv&layout=long");
    expect(long.header).toBe(String(long.lines - 1));
    expect(Number(long.header)).toBeGreaterThan(20);
    const jsonl = await lines("survey=pbgdpl_satisfaction&format=jsonl&status=completed");
    expect(jsonl.header).toBe(String(jsonl.lines));
    expect(jsonl.lines).toBe(4);
    const xlsx = await apiCall(
      app,
      world.national.token,
      "GET",
      "/api/exports/responses?survey=law_day_quiz&format=xlsx",
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("x-total-rows")).toBeNull();
    await xlsx.arrayBuffer();
  });

  it("refuses what it cannot answer, naming the field", async () => {
    const call = (path: string, token = world.tokens.viewer) => apiCall(app, token, "GET", path);
    const unknown = await call("/api/surveys/khong_co/results");
    expect(unknown.status).toBe(404);
    const outside = await call(`/api/surveys/pbgdpl_satisfaction/results?unitCode=${world.outside.communeCode}`);
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { error: { issues?: Array<{ field: string }> } }).error.issues?.[0]?.field).toBe(
      "unitCode",
    );
    const wave = await call("/api/surveys/pbgdpl_satisfaction/results?waveId=999999");
    expect(wave.status).toBe(400);
    expect(await wave.text()).toContain("waveId");
    const day = await call("/api/surveys/pbgdpl_satisfaction/results?from=hôm-qua");
    expect(day.status).toBe(400);
    expect(await day.text()).toContain("from");
    const order = await call("/api/surveys/pbgdpl_satisfaction/results?from=2026-11-09&to=2026-11-01");
    expect(order.status).toBe(400);
    expect((await call("/api/surveys/pbgdpl_satisfaction/results", "loa_not-a-real-token")).status).toBe(401);
  });
});

// Indicator values from responses written straight into the ledger, against counts worked out by hand: rollup of
// communes into their province, the period's edges in Vietnam time, only completed responses (de-identified ones
// included), the "shown" denominator, below-minimum flags and ranks, unconfirmed bands, and the quiz with its
// before/after pairs. Runs on PGlite and on Postgres.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { units } from "../../db/schema/index";
import { loadFrameworks } from "../../surveys/frameworks/catalog";
import type { FrameworkInput } from "../../surveys/frameworks/schema";
import { tt032018Impact } from "../../surveys/frameworks/tt03-2018-impact";
import { computeIndicators, type IndicatorReport, type IndicatorRequest } from "../../src/scoring/indicators";
import { createTestDb, testDriver } from "../support/test-db";
import { createContact, createWave, insertResponses, times, unitId } from "./fixtures";

const NOW = new Date("2026-11-22T09:00:00+07:00");
const NATIONAL = { unitPath: "/" };

const positiveAll = { self_learning: ["often"], knows_law: ["yes"], understands_law: ["clear"], satisfaction: ["5"] };
const negativeAll = { self_learning: ["never"], knows_law: ["no"], satisfaction: ["3"] };
const mixed = { self_learning: ["sometimes"], knows_law: ["yes"], understands_law: ["little"], satisfaction: ["4"] };
const noneB = { self_learning: ["never"], knows_law: ["dk"], satisfaction: ["1"] };

/** The quiz answers of a person scoring `score` out of 10 (the first `score` items right). */
const QUIZ_ITEMS = [
  "q1_marriage_age",
  "q2_temporary_residence",
  "q3_temporary_term",
  "q4_equality",
  "q5_vote",
  "q6_adult",
  "q7_youth",
  "q8_compulsory_education",
  "q9_will",
  "q10_drugs",
];
const quizAnswers = (score: number) => ({
  answers: Object.fromEntries(QUIZ_ITEMS.map((q) => [q, ["a"]])),
  correct: Object.fromEntries(QUIZ_ITEMS.map((q, i) => [q, i < score])),
});

const byKey = (report: { indicators: IndicatorReport["indicators"] }, key: string) =>
  report.indicators.find((i) => i.key === key)!;

describe(`indicators (${testDriver})`, () => {
  let handle: DbHandle;
  const communes = { a: "", b: "", c: "", outside: "" };
  const run = (request: IndicatorRequest, principal = NATIONAL, frameworks?: Parameters<typeof computeIndicators>[3]) =>
    computeIndicators(handle.db, principal, request, { now: NOW, ...frameworks });

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    const db = handle.db;
    const communesOf = async (province: string) => {
      const [parent] = await db.select({ id: units.id }).from(units).where(eq(units.code, province));
      const rows = await db
        .select({ code: units.code })
        .from(units)
        .where(and(eq(units.parentId, parent!.id), eq(units.kind, "commune")))
        .orderBy(asc(units.code))
        .limit(3);
      return rows.map((r) => r.code);
    };
    [communes.a, communes.b, communes.c] = (await communesOf("01")) as [string, string, string];
    [communes.outside] = (await communesOf("79")) as [string];

    // TT 03/2018 (pbgdpl_satisfaction), Hà Nội:
    //   A: 84 + 1 de-identified all positive, 15 negative → n 100, every indicator 85/100.
    //   B: 70 mixed (self-learning, knows, satisfied; understands "little"), 30 negative → n 100, 70 % / 0 %.
    //   C: 20 all positive → n 20 (below the minimum of 100).
    // Not counted: in progress, completed a second before the period, after it, and a commune of province 79.
    await insertResponses(db, "pbgdpl_satisfaction", [
      ...times(84, { unit: communes.a, answers: positiveAll }),
      { unit: communes.a, answers: positiveAll, deidentified: true, contactId: null },
      ...times(15, { unit: communes.a, answers: negativeAll }),
      { unit: communes.b, answers: mixed, completedAt: "2025-01-01T00:00:00+07:00" },
      ...times(68, { unit: communes.b, answers: mixed }),
      { unit: communes.b, answers: mixed, completedAt: "2026-12-31T23:59:59+07:00" },
      ...times(30, { unit: communes.b, answers: noneB }),
      ...times(20, { unit: communes.c, answers: positiveAll }),
      { unit: communes.a, answers: positiveAll, status: "in_progress" },
      { unit: communes.a, answers: positiveAll, status: "stopped" },
      { unit: communes.a, answers: positiveAll, completedAt: "2024-12-31T23:59:59+07:00" },
      { unit: communes.a, answers: positiveAll, completedAt: "2027-01-01T00:00:00+07:00" },
      ...times(5, { unit: communes.outside, answers: positiveAll }),
    ]);

    // QĐ 27/2025 (legal_access_satisfaction), commune A: 40 respondents, 20 of them went through a procedure.
    const access = (info: string, used: string, procedure: string | null, mediation: string) => ({
      unit: communes.a,
      answers: {
        info_access: [info],
        used_procedure: [used],
        ...(procedure ? { procedure_satisfaction: [procedure] } : {}),
        mediation: [mediation],
      },
    });
    await insertResponses(db, "legal_access_satisfaction", [
      ...times(10, access("4", "yes", "5", "yes")),
      ...times(10, access("2", "yes", "2", "no")),
      ...times(20, access("5", "no", null, "yes")),
    ]);

    // Law Day quiz in commune A (no unit question: the wave's unit counts). Scores: P1 4 → 8, P2 5 → 9 (paired),
    // P3 6 (before only), P4 10 (after only), a de-identified 7 (after), P5 after 3 on 1/10 then before 2 on 20/11
    // (not a pair: the "after" came first). n 9, sum 54, mean 6; passing (≥ 5/10): 8, 5, 9, 6, 10, 7 → 6 of 9.
    const before = await createWave(db, "law_day_quiz", "Trước Ngày Pháp luật 2026", communes.a);
    const after = await createWave(db, "law_day_quiz", "Sau Ngày Pháp luật 2026", communes.a);
    const [p1, p2, p3, p4, p5] = await Promise.all([1, 2, 3, 4, 5].map(() => createContact(db)));
    const quiz = (contactId: string | null, waveId: number, score: number, completedAt: string) => ({
      unit: null,
      contactId,
      waveId,
      completedAt,
      deidentified: contactId === null,
      ...quizAnswers(score),
    });
    await insertResponses(db, "law_day_quiz", [
      quiz(p1!, before, 4, "2026-11-01T10:00:00+07:00"),
      quiz(p1!, after, 8, "2026-11-12T10:00:00+07:00"),
      quiz(p2!, before, 5, "2026-11-02T10:00:00+07:00"),
      quiz(p2!, after, 9, "2026-11-13T10:00:00+07:00"),
      quiz(p3!, before, 6, "2026-11-03T10:00:00+07:00"),
      quiz(p4!, after, 10, "2026-11-14T10:00:00+07:00"),
      quiz(null, after, 7, "2026-11-15T10:00:00+07:00"),
      quiz(p5!, after, 3, "2026-10-01T10:00:00+07:00"),
      quiz(p5!, before, 2, "2026-11-20T10:00:00+07:00"),
    ]);
  });
  afterAll(async () => handle?.close());

  it("rolls communes up into the province, over the default two-year period", async () => {
    const report = await run({ framework: "tt03_2018_impact", unit: "01" });
    expect(report.period).toEqual({ from: "2025-01-01", to: "2026-12-31", isDefault: true });
    expect(report.level).toBe("commune");
    // Province: n 220; self-learning 85 + 70 + 20 = 175 → 79.5 %, band 70–<85 % → 3 points (n ≥ 100).
    const selfLearning = byKey(report, "self_learning");
    expect(selfLearning).toMatchObject({ n: 220, positive: 175, points: 3, confirmed: true, belowMinimum: false });
    expect(selfLearning.share).toBeCloseTo(175 / 220, 6);
    expect(selfLearning.ciLow).toBeCloseTo(0.7373, 4);
    expect(selfLearning.ciHigh).toBeCloseTo(0.8435, 4);
    // Understands: asked only of those who know; among all respondents 85 + 0 + 20 = 105 of 220.
    expect(byKey(report, "understands")).toMatchObject({ n: 220, positive: 105, points: null });
    expect(byKey(report, "knows")).toMatchObject({
      n: 220,
      positive: 175,
      points: null,
      confirmed: false,
      pointsReasonCode: "no_band",
    });
    expect(byKey(report, "satisfied")).toMatchObject({ n: 220, positive: 175 });
    expect(report).toMatchObject({ totalPoints: 3, maxPoints: 20, pointsComplete: false });
  });

  it("ranks the communes of the province, and does not rank one with too few answers", async () => {
    const report = await run({ framework: "tt03_2018_impact", unit: "01" });
    const child = (code: string) => report.children.find((c) => c.code === code)!;
    expect(report.children.length).toBeGreaterThan(100); // every current commune of Hà Nội, answered or not
    expect(child(communes.a)).toMatchObject({ rank: 1, totalPoints: 4 });
    expect(byKey(child(communes.a), "self_learning")).toMatchObject({ n: 100, positive: 85, points: 4 });
    expect(byKey(child(communes.a), "self_learning").ciLow).toBeCloseTo(0.7672, 4);
    expect(child(communes.b)).toMatchObject({ rank: 2, totalPoints: 3 });
    expect(byKey(child(communes.b), "understands")).toMatchObject({ n: 100, positive: 0, share: 0 });
    const small = child(communes.c);
    expect(small.rank).toBeNull();
    expect(byKey(small, "self_learning")).toMatchObject({
      n: 20,
      positive: 20,
      share: 1,
      points: null,
      belowMinimum: true,
      confirmed: true,
      pointsReasonCode: "below_minimum",
    });
    const silent = report.children.find((c) => ![communes.a, communes.b, communes.c].includes(c.code))!;
    expect(byKey(silent, "self_learning")).toMatchObject({ n: 0, share: null, ciLow: null, ciHigh: null });
    expect(silent.rank).toBeNull();
  });

  it("keeps to the period asked for, in Vietnam days", async () => {
    // 2025 alone: only B's response of 1/1/2025 00:00 (Hà Nội).
    const year2025 = await run({
      framework: "tt03_2018_impact",
      unit: communes.b,
      from: "2025-01-01",
      to: "2025-12-31",
    });
    expect(byKey(year2025, "self_learning")).toMatchObject({ n: 1, positive: 1 });
    expect(year2025.children).toEqual([]);
    const lastDay = await run({
      framework: "tt03_2018_impact",
      unit: communes.b,
      from: "2026-12-31",
      to: "2026-12-31",
    });
    expect(byKey(lastDay, "self_learning").n).toBe(1);
  });

  it("breaks the country down by province or by commune", async () => {
    const provinces = await run({ framework: "tt03_2018_impact", unit: "VN" });
    expect(provinces.level).toBe("province");
    expect(provinces.children).toHaveLength(34);
    expect(byKey(provinces, "self_learning").n).toBe(225);
    const hanoi = provinces.children.find((c) => c.code === "01")!;
    expect(byKey(hanoi, "self_learning")).toMatchObject({ n: 220, positive: 175 });
    const communesOfCountry = await run({ framework: "tt03_2018_impact", unit: "VN", level: "commune" });
    expect(communesOfCountry.children).toHaveLength(3321);
    const outside = communesOfCountry.children.find((c) => c.code === communes.outside)!;
    expect(byKey(outside, "self_learning").n).toBe(5);
  });

  it("counts only those shown a conditional question when the framework says so", async () => {
    const report = await run({ framework: "qd27_2025_legal_access", unit: communes.a });
    expect(report.period).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(byKey(report, "info_access")).toMatchObject({ n: 40, positive: 30, share: 0.75 });
    const procedure = byKey(report, "procedure_satisfaction");
    expect(procedure).toMatchObject({ n: 20, positive: 10, share: 0.5, denominator: "shown" });
    expect(procedure.ciLow).toBeCloseTo(0.2993, 4);
    expect(procedure.ciHigh).toBeCloseTo(0.7007, 4);
    expect(byKey(report, "mediation_awareness")).toMatchObject({ n: 40, positive: 30 });
    // No band of QĐ 27/2025 is confirmed; the 20 shown the procedure question are below the minimum of 30.
    expect(procedure).toMatchObject({ points: null, belowMinimum: true, pointsReasonCode: "below_minimum" });
    for (const key of ["info_access", "mediation_awareness"])
      expect(byKey(report, key)).toMatchObject({
        points: null,
        confirmed: false,
        pointsReasonCode: "no_band",
        belowMinimum: false,
      });
  });

  it("scores a province's own framework file, with its unconfirmed band giving no points and the reason", async () => {
    const own: FrameworkInput = {
      ...tt032018Impact,
      key: "thi_diem_tinh",
      name: "Bộ tiêu chí thí điểm của tỉnh (kiểm thử)",
      minimumSample: { value: 10, confirmed: false, note: "Kiểm thử" },
      maxPoints: undefined,
      indicators: [
        {
          key: "satisfied",
          kind: "share",
          label: "Tỷ lệ hài lòng",
          sources: [{ survey: "pbgdpl_satisfaction", question: "satisfaction", positive: ["5"] }],
          denominator: "respondents",
          maxPoints: { value: 10, confirmed: true },
          bands: [
            { atLeast: 80, points: 10, confirmed: false, note: "Dự thảo của tỉnh, chưa ban hành" },
            { atLeast: 0, below: 80, points: 0, confirmed: true },
          ],
        },
      ],
    };
    const frameworks = new Map(loadFrameworks({ "surveys/frameworks/thi-diem-tinh.ts": own }).map((f) => [f.key, f]));
    const report = await run({ framework: "thi_diem_tinh", unit: communes.a }, NATIONAL, { frameworks });
    // Satisfaction "5" only: 85 of 100 → 85 % falls in the draft band.
    expect(byKey(report, "satisfied")).toMatchObject({
      n: 100,
      positive: 85,
      points: null,
      confirmed: false,
      pointsReasonCode: "band_unconfirmed",
      pointsReason: "Mức điểm từ 80% chưa được xác nhận từ văn bản chính thức.",
    });
    const b = await run({ framework: "thi_diem_tinh", unit: communes.b }, NATIONAL, { frameworks });
    expect(byKey(b, "satisfied")).toMatchObject({ positive: 0, points: 0, confirmed: true });
  });

  it("gives the quiz's mean score, pass rate and the paired change of the same people", async () => {
    const report = await run({ framework: "law_day_awareness", unit: communes.a });
    const quiz = byKey(report, "quiz_pass");
    expect(quiz).toMatchObject({ n: 9, positive: 6, belowMinimum: true, points: null });
    expect(quiz.share).toBeCloseTo(6 / 9, 6);
    expect(quiz.ciLow).toBeCloseTo(0.3542, 4);
    expect(quiz.ciHigh).toBeCloseTo(0.8794, 4);
    expect(quiz.quiz).toEqual({
      meanScore: 6,
      maxScore: 10,
      passPercent: 50,
      pairedChange: { n: 2, meanBefore: 4.5, meanAfter: 8.5, meanChange: 4 },
    });
    // The province sees the same people, rolled up.
    const province = await run({ framework: "law_day_awareness", unit: "01" });
    expect(byKey(province, "quiz_pass").quiz!.pairedChange.n).toBe(2);
    const child = province.children.find((c) => c.code === communes.a)!;
    expect(byKey(child, "quiz_pass")).toMatchObject({ n: 9, positive: 6 });
    expect(byKey(child, "quiz_pass").quiz!.pairedChange).toMatchObject({ n: 2, meanChange: 4 });
  });

  it("refuses a unit outside the scope like an unknown one, and a level that is not below the unit", async () => {
    const hcm = { unitPath: (await handle.db.select().from(units).where(eq(units.code, "79")))[0]!.path };
    await expect(run({ framework: "tt03_2018_impact", unit: "01" }, hcm)).rejects.toMatchObject({
      code: "not_found",
      field: "unit",
    });
    await expect(run({ framework: "tt03_2018_impact", unit: "NOPE" })).rejects.toMatchObject({ code: "not_found" });
    await expect(run({ framework: "tt03_2018_impact", unit: "01", level: "province" })).rejects.toMatchObject({
      code: "invalid_request",
      field: "level",
    });
    await expect(run({ framework: "no_such", unit: "01" })).rejects.toMatchObject({ field: "framework" });
    expect(await unitId(handle.db, "79")).toBeGreaterThan(0);
  });
});

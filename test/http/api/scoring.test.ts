// Scoring through the officer API: the frameworks with what is confirmed, indicators of a unit in scope with the
// children ranked, 400 naming the field for a bad framework, unit, date, level or format, 404 outside the scope, and
// the XLSX report read back with exceljs and written to the audit log.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { OUT_OF_SCOPE_MARKER, type OfficerWorld, openOfficerWorld } from "../../support/officer-fixtures";
import { apiCall, createTestApp } from "../../support/test-app";
import { testDriver } from "../../support/test-db";
import { insertResponses, times } from "../../scoring/fixtures";

interface Indicator {
  key: string;
  n: number;
  positive: number;
  share: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  points: number | null;
  confirmed: boolean;
  belowMinimum: boolean;
  pointsReason: string | null;
}
interface Report {
  framework: { key: string; name: string; confirmed: boolean };
  unit: { code: string; name: string; kind: string };
  period: { from: string; to: string; isDefault: boolean };
  indicators: Indicator[];
  totalPoints: number;
  children: Array<{ code: string; name: string; rank: number | null; indicators: Indicator[]; totalPoints: number }>;
}
interface ErrorBody {
  error: { code: string; message: string; issues?: Array<{ field: string; message: string }> };
}

const positive = { self_learning: ["often"], knows_law: ["yes"], understands_law: ["clear"], satisfaction: ["4"] };
const negative = { self_learning: ["never"], knows_law: ["no"], satisfaction: ["2"] };
// The default period is TT 03/2018's two years holding today in Vietnam (UTC+7): 2025–2026, 2027–2028, …
const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
const thisPeriodEven = year % 2 === 0 ? year : year + 1;

describe(`scoring API (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;
  const get = (path: string, token = world.tokens.viewer) => apiCall(app, token, "GET", path);

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
    // Ba Đình (in Hà Nội): 90 of 100 positive; the commune outside the scope: 5 answers.
    const completedAt = new Date().toISOString();
    await insertResponses(handle.db, "pbgdpl_satisfaction", [
      ...times(90, { unit: world.inside.communeCode, answers: positive, completedAt }),
      ...times(10, { unit: world.inside.communeCode, answers: negative, completedAt }),
      ...times(5, { unit: world.outside.communeCode, answers: positive, completedAt }),
    ]);
  });
  afterAll(async () => handle?.close());

  it("lists the frameworks, saying what is not confirmed", async () => {
    const response = await get("/api/frameworks");
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as {
      items: Array<{
        key: string;
        name: string;
        confirmed: boolean;
        period: { current: { from: string; to: string } };
        indicators: Array<{ key: string; confirmed: boolean; bands: Array<{ confirmed: boolean }> }>;
        minimumSample: { value: number; confirmed: boolean; note?: string };
      }>;
    };
    const tt03 = items.find((f) => f.key === "tt03_2018_impact")!;
    expect(tt03.name).toContain("Thông tư 03/2018/TT-BTP");
    expect(tt03.confirmed).toBe(false);
    expect(tt03.period.current).toEqual({ from: `${thisPeriodEven - 1}-01-01`, to: `${thisPeriodEven}-12-31` });
    expect(tt03.minimumSample).toMatchObject({ value: 100, confirmed: false });
    expect(tt03.minimumSample.note).toBeTruthy();
    const selfLearning = tt03.indicators.find((i) => i.key === "self_learning")!;
    // Its bands are confirmed, but none covers shares below 70 %: the indicator as a whole is not.
    expect(selfLearning.bands.every((b) => b.confirmed)).toBe(true);
    expect(selfLearning.confirmed).toBe(false);
    expect(items.map((f) => f.key)).toEqual(expect.arrayContaining(["qd27_2025_legal_access", "law_day_awareness"]));
  });

  it("gives a province's indicators with its communes ranked, never a unit outside the scope", async () => {
    const response = await get("/api/indicators?framework=tt03_2018_impact&unit=01");
    expect(response.status).toBe(200);
    const text = await response.clone().text();
    expect(text).not.toContain(OUT_OF_SCOPE_MARKER);
    const report = (await response.json()) as Report;
    expect(report.framework).toMatchObject({ key: "tt03_2018_impact", confirmed: false });
    expect(report.unit).toEqual({ code: "01", name: "Thành phố Hà Nội", kind: "province" });
    expect(report.period).toEqual({
      from: `${thisPeriodEven - 1}-01-01`,
      to: `${thisPeriodEven}-12-31`,
      isDefault: true,
    });
    const selfLearning = report.indicators.find((i) => i.key === "self_learning")!;
    expect(selfLearning).toMatchObject({ n: 100, positive: 90, share: 0.9, points: 4, confirmed: true });
    expect(selfLearning.ciLow).toBeCloseTo(0.8256, 4);
    expect(selfLearning.ciHigh).toBeCloseTo(0.9448, 4);
    expect(report.indicators.find((i) => i.key === "knows")).toMatchObject({ points: null, confirmed: false });
    expect(report.totalPoints).toBe(4);
    const baDinh = report.children.find((c) => c.code === world.inside.communeCode)!;
    expect(baDinh).toMatchObject({ rank: 1, totalPoints: 4 });
    expect(report.children.every((c) => c.code !== world.outside.communeCode)).toBe(true);
  });

  it("takes a period, and answers 400 naming the field for bad input", async () => {
    const period = await get("/api/indicators?framework=tt03_2018_impact&unit=01&from=2020-01-01&to=2020-12-31");
    const report = (await period.json()) as Report;
    expect(report.period).toEqual({ from: "2020-01-01", to: "2020-12-31", isDefault: false });
    expect(report.indicators[0]).toMatchObject({ n: 0, share: null, belowMinimum: true });

    const cases: Array<[string, string]> = [
      ["framework=khong_co&unit=01", "framework"],
      ["unit=01", "framework"],
      ["framework=tt03_2018_impact", "unit"],
      ["framework=tt03_2018_impact&unit=%3Cscript%3E", "unit"],
      ["framework=tt03_2018_impact&unit=01&from=2026-02-30", "from"],
      ["framework=tt03_2018_impact&unit=01&from=01%2F01%2F2026", "from"],
      ["framework=tt03_2018_impact&unit=01&to=2026-13-01", "to"],
      ["framework=tt03_2018_impact&unit=01&from=2026-06-01&to=2026-05-31", "to"],
      ["framework=tt03_2018_impact&unit=01&level=district", "level"],
      ["framework=tt03_2018_impact&unit=01&level=province", "level"],
      ["framework=tt03_2018_impact&unit=01&format=pdf", "format"],
    ];
    for (const [query, field] of cases) {
      const response = await get(`/api/indicators?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe("invalid_request");
      expect(
        body.error.issues?.map((i) => i.field),
        query,
      ).toContain(field);
    }
  });

  it("answers 404 for a unit outside the scope, exactly as for one that does not exist", async () => {
    const outside = await get(`/api/indicators?framework=tt03_2018_impact&unit=${world.outside.provinceCode}`);
    const unknown = await get("/api/indicators?framework=tt03_2018_impact&unit=99999");
    expect(outside.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [(await outside.json()) as ErrorBody, (await unknown.json()) as ErrorBody];
    expect(a.error.code).toBe("not_found");
    expect(a.error.message.replace(world.outside.provinceCode, "X")).toBe(b.error.message.replace("99999", "X"));
    const national = await get(
      `/api/indicators?framework=tt03_2018_impact&unit=${world.outside.provinceCode}`,
      world.national.token,
    );
    expect(national.status).toBe(200);
    const report = (await national.json()) as Report;
    expect(report.indicators[0]).toMatchObject({ n: 5, positive: 5 });
  });

  it("returns the report as XLSX, readable by exceljs, and writes the export to the audit log", async () => {
    const response = await get("/api/indicators?framework=tt03_2018_impact&unit=01&format=xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="chi-so-tt03_2018_impact-01-\d{4}-01-01-\d{4}-12-31\.xlsx"$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Chỉ số", "Đơn vị con"]);

    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const cells = (row: unknown[]) => row.slice(1);
    expect(cells(rows[0]!)[0]).toContain("Báo cáo chỉ số");
    expect(rows.some((r) => cells(r)[0] === "Đơn vị" && String(cells(r)[1]).includes("Thành phố Hà Nội"))).toBe(true);
    const headerIndex = rows.findIndex((r) => cells(r)[0] === "Mã chỉ số");
    expect(cells(rows[headerIndex]!).slice(0, 5)).toEqual([
      "Mã chỉ số",
      "Chỉ số",
      "Số phiếu (n)",
      "Số tích cực",
      "Tỷ lệ",
    ]);
    const selfLearning = cells(rows[headerIndex + 1]!);
    expect(selfLearning.slice(0, 5)).toEqual(["self_learning", expect.stringContaining("tự học tập"), 100, 90, 0.9]);
    expect(selfLearning[7]).toBe(4); // points
    const knows = cells(rows[headerIndex + 2]!);
    expect(knows[0]).toBe("knows");
    expect(knows[7] ?? null).toBeNull();
    expect(String(knows.at(-1))).toContain("chưa có thang điểm");
    expect(sheet.getColumn(5).numFmt).toBe("0.0%");

    const ranking = workbook.worksheets[1]!;
    const header = cells(ranking.getRow(1).values as unknown[]);
    expect(header.slice(0, 4)).toEqual(["Hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm"]);
    const first = cells(ranking.getRow(2).values as unknown[]);
    expect(first.slice(0, 5)).toEqual([1, world.inside.communeCode, "Phường Ba Đình", 4, 100]);
    expect(ranking.rowCount).toBe(1 + 126); // the header and every current commune of Hà Nội

    const audit = (await (await get("/api/audit?action=scoring.report_export")).json()) as {
      entries: Array<{ action: string; targetId: string; unitCode: string; details: Record<string, unknown> }>;
    };
    expect(audit.entries[0]).toMatchObject({
      action: "scoring.report_export",
      targetId: "tt03_2018_impact",
      unitCode: "01",
      details: { format: "xlsx", level: "commune" },
    });
  });

  it("writes a quiz report with its awareness columns, and a commune's report with an empty ranking", async () => {
    const response = await get(
      `/api/indicators?framework=law_day_awareness&unit=${world.inside.communeCode}&format=xlsx`,
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const header = rows.find((r) => r[1] === "Mã chỉ số")!;
    expect(header).toEqual(expect.arrayContaining(["Điểm trung bình", "Số người có cả đợt trước và sau"]));
    const quiz = rows[rows.indexOf(header) + 1]!;
    expect(quiz.slice(1, 4)).toEqual(["quiz_pass", expect.any(String), 0]);
    expect(workbook.worksheets[1]!.rowCount).toBe(1);
  });

  it("answers 401 without a token", async () => {
    expect((await apiCall(app, null, "GET", "/api/indicators?framework=tt03_2018_impact&unit=01")).status).toBe(401);
    expect((await apiCall(app, null, "GET", "/api/frameworks")).status).toBe(401);
  });
});

// GET /api/exports/responses on answers given through the real web chat: CSV (BOM, codes and labels, wide and
// long) read back with csv-parse, XLSX with exceljs (data and codebook), JSONL; filters; scope; de-identification
// (no platform id in any format); empty exports; 400s naming the field; the audit entry.
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { auditLog, contacts } from "../../../db/schema/index";
import { OUT_OF_SCOPE_MARKER, type OfficerWorld, openOfficerWorld } from "../../support/officer-fixtures";
import { apiCall, createTestApp, say } from "../../support/test-app";
import { testDriver } from "../../support/test-db";
import {
  BOM,
  bodyText,
  parseCsv,
  parseJsonl,
  readXlsx,
  sheetRecords,
  satisfactionAnswers,
  takeSurvey,
  takeWithFirstOptions,
} from "../../exports/export-fixtures";

const SUGGESTION = '=HYPERLINK("http://x.test"), thêm buổi "tối"; cuối tuần';

describe(`survey exports (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;
  const users = ["hn-a", "hn-b", "hcm-c", "la-d", "quiz-e", "fb-in", "fb-out"];

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
    const baDinh = "phường Ba Đình, Hà Nội";
    // Hà Nội: every question, two channels ticked.
    await takeSurvey(app, "hn-a", "pbgdpl_satisfaction", satisfactionAnswers.full(baDinh));
    // Hà Nội: skipped questions (not shown, or skipped), then consent withdrawn keeping the answers anonymous.
    await takeSurvey(app, "hn-b", "pbgdpl_satisfaction", satisfactionAnswers.unreached(baDinh));
    await say(app, "hn-b", "rút đồng ý");
    await say(app, "hn-b", "erase:keep");
    // Hồ Chí Minh City: outside the Hà Nội officers' scope (national wave, respondent's commune outside).
    await takeSurvey(app, "hcm-c", "pbgdpl_satisfaction", satisfactionAnswers.unsure("phường Bến Thành, Hồ Chí Minh"));
    await takeSurvey(app, "la-d", "legal_access_satisfaction", [baDinh, "a:4", "a:yes", "a:3", "a:dk", SUGGESTION]);
    await takeWithFirstOptions(app, "quiz-e", "law_day_quiz");
    for (const [user, waveId] of [
      ["fb-in", world.inside.waveId],
      ["fb-out", world.outside.waveId],
    ] as const) {
      await say(app, user, `survey:answer_feedback:w${waveId}`);
      await say(app, user, "age:adult");
      await say(app, user, "c:yes");
      await say(app, user, "a:yes");
    }
  }, 240_000);
  afterAll(async () => handle?.close());

  const exportAs = (token: string, query: string) => apiCall(app, token, "GET", `/api/exports/responses?${query}`);
  const text = async (token: string, query: string) => {
    const response = await exportAs(token, query);
    expect(response.status, await response.clone().text()).toBe(200);
    return bodyText(response);
  };
  const pseudonymOf = async (user: string) =>
    (await handle.db.select().from(contacts).where(eq(contacts.platformId, user)))[0]?.pseudonymousId;

  it("CSV wide: BOM, one header row, one row per response in scope, codes and labels, Vietnamese intact", async () => {
    const response = await exportAs(world.tokens.viewer, "survey=pbgdpl_satisfaction&format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="pbgdpl_satisfaction-wide-\d{8}\.csv"$/,
    );
    const { header, records } = parseCsv(await bodyText(response));
    expect(header.slice(0, 12)).toEqual([
      "respondent_id",
      "response_id",
      "survey_version",
      "wave_id",
      "wave_name",
      "wave_unit_code",
      "unit_code",
      "unit_name",
      "channel",
      "status",
      "started_at",
      "completed_at",
    ]);
    expect(header).toEqual(
      expect.arrayContaining(["heard", "heard_label", "channel__zalo", "satisfaction", "satisfaction_label"]),
    );
    // Hà Nội's two respondents, not Hồ Chí Minh City's.
    expect(records).toHaveLength(2);
    const [a, b] = records;
    expect(a).toMatchObject({
      respondent_id: await pseudonymOf("hn-a"),
      survey_version: "2",
      wave_name: "Khảo sát thường xuyên năm 2026",
      wave_unit_code: "VN",
      unit_code: "00004",
      unit_name: expect.stringContaining("Ba Đình"),
      status: "completed",
      heard: "yes",
      heard_label: "Có",
      channel__zalo: "1",
      channel__meeting: "1",
      channel__loudspeaker: "0",
      self_learning: "often",
      self_learning_label: "Thường xuyên tìm hiểu",
      understands_law_label: "Hiểu rõ, làm theo được",
      satisfaction: "5",
      satisfaction_label: "Rất hài lòng",
      age_band: "18_30",
      gender_label: "Nữ",
      commune: "00004",
    });
    expect(a!.channel!.split(";").sort()).toEqual(["meeting", "zalo"]);
    expect(a!.channel_label!.split("; ").sort()).toEqual(["Họp tổ dân phố, thôn", "Zalo, mạng xã hội"]);
    expect(a!.started_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // Questions not shown or skipped are empty (not 0); the de-identified response has no respondent id.
    expect(b).toMatchObject({
      respondent_id: "",
      heard: "no",
      channel: "",
      channel__zalo: "",
      understands_law: "",
      satisfaction: "2",
      satisfaction_label: "Không hài lòng",
      age_band: "",
    });
  });

  it("CSV long: one row per answer with the question text and the label", async () => {
    const { header, records } = parseCsv(
      await text(world.tokens.viewer, "survey=pbgdpl_satisfaction&format=csv&layout=long"),
    );
    expect(header.slice(12)).toEqual(["question_id", "question_text", "value", "label", "correct", "answered_at"]);
    const satisfaction = records.filter((r) => r.question_id === "satisfaction");
    expect(satisfaction.map((r) => [r.value, r.label])).toEqual([
      ["5", "Rất hài lòng"],
      ["2", "Không hài lòng"],
    ]);
    expect(satisfaction[0]!.question_text).toBe(
      "Nhìn chung, bạn hài lòng thế nào với chất lượng hoạt động phổ biến pháp luật ở địa phương?",
    );
    // hn-a answered all 9 questions, hn-b 5 (two not shown, two skipped).
    expect(records).toHaveLength(9 + 5);
  });

  it("keeps a citizen's free text as text: commas, quotes, and a formula neutralised", async () => {
    const { records } = parseCsv(await text(world.tokens.viewer, "survey=legal_access_satisfaction&format=csv"));
    expect(records).toHaveLength(1);
    expect(records[0]!.suggestion).toBe(`'${SUGGESTION}`);
    expect(records[0]).toMatchObject({ commune_label: expect.stringContaining("Ba Đình"), info_access: "4" });
    const [line] = parseJsonl(await text(world.tokens.viewer, "survey=legal_access_satisfaction&format=jsonl"));
    expect((line!.answers as Record<string, unknown>).suggestion).toEqual({ kind: "text", value: SUGGESTION });
  });

  it("XLSX: the data sheet with codes and labels, the codebook with question text, options and version", async () => {
    const response = await exportAs(world.tokens.viewer, "survey=pbgdpl_satisfaction&format=xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const sheets = await readXlsx(await response.arrayBuffer());
    expect(sheets.map((s) => s.name)).toEqual(["Dữ liệu", "Từ điển dữ liệu"]);
    const data = sheetRecords(sheets[0]!);
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({
      respondent_id: await pseudonymOf("hn-a"),
      unit_code: "00004",
      satisfaction: 5,
      satisfaction_label: "Rất hài lòng",
      channel__zalo: 1,
      gender_label: "Nữ",
    });
    expect(data[0]!.started_at).toBeInstanceOf(Date);
    expect(data[1]).toMatchObject({ respondent_id: null, channel__zalo: null, satisfaction: 2 });

    const [codebookHeader, ...codebook] = sheets[1]!.rows;
    expect(codebookHeader).toEqual([
      "Phiên bản",
      "Mã câu hỏi",
      "Nội dung câu hỏi",
      "Loại câu hỏi",
      "Mã lựa chọn",
      "Nhãn lựa chọn",
      "Ghi chú (đáp án đúng, lựa chọn tích cực)",
    ]);
    expect(codebook).toContainEqual([
      2,
      "satisfaction",
      "Nhìn chung, bạn hài lòng thế nào với chất lượng hoạt động phổ biến pháp luật ở địa phương?",
      "likert5",
      "5",
      "Rất hài lòng",
      "tích cực",
    ]);
    expect(codebook).toContainEqual([2, "channel", expect.any(String), "multi", "zalo", "Zalo, mạng xã hội"]);
  });

  it("XLSX long layout, and quiz answers with right/wrong and a score", async () => {
    const sheets = await readXlsx(
      await (await exportAs(world.national.token, "survey=law_day_quiz&format=xlsx&layout=long")).arrayBuffer(),
    );
    const answers = sheetRecords(sheets[0]!);
    expect(answers).toHaveLength(10);
    expect(answers.every((a) => a.correct === 0 || a.correct === 1)).toBe(true);
    expect(answers[0]).toMatchObject({ question_id: "q1_marriage_age", value: "a", label: "Nam đủ 18, nữ đủ 18" });
    const codebook = sheets[1]!.rows;
    expect(codebook).toContainEqual([
      3,
      "q1_marriage_age",
      expect.any(String),
      "quiz",
      "b",
      "Nam đủ 20, nữ đủ 18",
      "đáp án đúng",
    ]);

    const { records } = parseCsv(await text(world.national.token, "survey=law_day_quiz&format=csv"));
    expect(records).toHaveLength(1);
    const correct = Object.entries(records[0]!).filter(([k, v]) => k.endsWith("_correct") && v === "1").length;
    expect(records[0]!.q1_marriage_age_correct).toBe("0");
    expect(Number(records[0]!.score)).toBe(correct);
  });

  it("JSONL: one response per line with codes, labels and a pseudonymous id (null once de-identified)", async () => {
    const response = await exportAs(world.tokens.viewer, "survey=pbgdpl_satisfaction&format=jsonl");
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const lines = parseJsonl(await response.text());
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      respondent_id: await pseudonymOf("hn-a"),
      survey: "pbgdpl_satisfaction",
      survey_version: 2,
      wave: { name: "Khảo sát thường xuyên năm 2026", unit_code: "VN" },
      unit: { code: "00004" },
      channel: "web",
      status: "completed",
      answers: {
        satisfaction: { kind: "options", codes: ["5"], labels: ["Rất hài lòng"] },
        commune: { kind: "unit", code: "00004" },
      },
    });
    expect(lines[0]!.started_at).toMatch(/Z$/);
    expect(lines[1]!.respondent_id).toBeNull();
  });

  it("never writes a platform id, in any format, for any survey", async () => {
    const platformIds = (await handle.db.select({ id: contacts.platformId }).from(contacts)).map((c) => c.id);
    expect(platformIds).toEqual(expect.arrayContaining(["hn-a", "hcm-c", "quiz-e"]));
    for (const survey of ["pbgdpl_satisfaction", "legal_access_satisfaction", "law_day_quiz", "answer_feedback"]) {
      for (const [format, layout] of [
        ["csv", "wide"],
        ["csv", "long"],
        ["jsonl", "wide"],
        ["xlsx", "wide"],
        ["xlsx", "long"],
      ]) {
        const response = await exportAs(world.national.token, `survey=${survey}&format=${format}&layout=${layout}`);
        expect(response.status).toBe(200);
        let content: string;
        if (format === "xlsx") {
          const sheets = await readXlsx(await response.arrayBuffer());
          content = JSON.stringify(sheets);
        } else content = await bodyText(response);
        for (const id of [...platformIds, ...users]) expect(content, `${survey} ${format} ${layout}`).not.toContain(id);
        expect(content).not.toContain("platform_id");
      }
    }
  });

  it("scope: a wave's unit or the respondent's unit in the caller's subtree", async () => {
    const national = parseCsv(await text(world.national.token, "survey=pbgdpl_satisfaction&format=csv")).records;
    expect(national.map((r) => r.unit_code).sort()).toEqual(["00004", "00004", expect.any(String)]);
    // The answer_feedback wave outside Hà Nội is not the Hà Nội viewer's; its own wave is.
    const feedback = parseCsv(await text(world.tokens.viewer, "survey=answer_feedback&format=csv")).records;
    expect(feedback.map((r) => Number(r.wave_id))).toEqual([world.inside.waveId]);
    expect(JSON.stringify(feedback)).not.toContain(OUT_OF_SCOPE_MARKER);
  });

  it("filters: unit, wave, version, status, period", async () => {
    const records = async (token: string, query: string) => parseCsv(await text(token, query)).records;
    const hcm = await records(world.national.token, "survey=pbgdpl_satisfaction&format=csv&unit=79");
    expect(hcm).toHaveLength(1);
    expect(hcm[0]!.unit_name).toContain("Bến Thành");
    expect(await records(world.tokens.viewer, "survey=pbgdpl_satisfaction&format=csv&unit=00004")).toHaveLength(2);
    const wave = await records(world.national.token, `survey=answer_feedback&format=csv&wave=${world.outside.waveId}`);
    expect(wave.map((r) => Number(r.wave_id))).toEqual([world.outside.waveId]);
    expect(await records(world.tokens.viewer, "survey=pbgdpl_satisfaction&format=csv&version=2")).toHaveLength(2);
    // Withdrawing consent after finishing leaves the response completed (only unfinished ones stop).
    expect(await records(world.tokens.viewer, "survey=pbgdpl_satisfaction&format=csv&status=completed")).toHaveLength(
      2,
    );
    expect(await records(world.tokens.viewer, "survey=pbgdpl_satisfaction&format=csv&status=stopped")).toHaveLength(0);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(
      await records(world.tokens.viewer, `survey=pbgdpl_satisfaction&format=csv&from=2026-01-01&to=${today}`),
    ).toHaveLength(2);
    expect(await records(world.tokens.viewer, "survey=pbgdpl_satisfaction&format=csv&to=2026-01-01")).toHaveLength(0);
    const instant = new Date(Date.now() - 3600_000).toISOString();
    expect(
      await records(world.tokens.viewer, `survey=pbgdpl_satisfaction&format=csv&from=${encodeURIComponent(instant)}`),
    ).toHaveLength(2);
  });

  it("an export of nothing is a valid file with its header (and codebook)", async () => {
    const empty = "survey=pbgdpl_satisfaction&to=2026-01-01";
    const csv = await text(world.tokens.viewer, `${empty}&format=csv`);
    expect(csv.startsWith(`${BOM}respondent_id,response_id,`)).toBe(true);
    expect(parseCsv(csv).records).toEqual([]);
    expect(parseCsv(await text(world.tokens.viewer, `${empty}&format=csv&layout=long`)).header).toContain(
      "question_text",
    );
    expect(await text(world.tokens.viewer, `${empty}&format=jsonl`)).toBe("");
    const sheets = await readXlsx(await (await exportAs(world.tokens.viewer, `${empty}&format=xlsx`)).arrayBuffer());
    expect(sheets[0]!.rows).toHaveLength(1);
    expect(sheets[0]!.rows[0]![0]).toBe("respondent_id");
    expect(sheets[1]!.rows.length).toBeGreaterThan(20);
  });

  it("answers 400 naming the field for bad filters, 404 for a unit outside the scope", async () => {
    const fieldOf = async (query: string, status = 400) => {
      const response = await exportAs(world.tokens.viewer, query);
      const body = (await response.json()) as { error: { message: string; issues?: Array<{ field: string }> } };
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(body.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
      return body.error.issues?.map((i) => i.field);
    };
    const ok = "survey=pbgdpl_satisfaction";
    expect(await fieldOf(`${ok}&format=pdf`)).toEqual(["format"]);
    expect(await fieldOf(ok)).toEqual(["format"]);
    expect(await fieldOf(`${ok}&format=csv&layout=tall`)).toEqual(["layout"]);
    expect(await fieldOf(`${ok}&format=csv&from=2026-13-01`)).toEqual(["from"]);
    expect(await fieldOf(`${ok}&format=csv&to=hôm-qua`)).toEqual(["to"]);
    expect(await fieldOf(`${ok}&format=csv&from=2026-11-09&to=2026-11-01`)).toEqual(["to"]);
    expect(await fieldOf(`${ok}&format=csv&status=done`)).toEqual(["status"]);
    expect(await fieldOf("survey=khong_co&format=csv")).toEqual(["survey"]);
    expect(await fieldOf("survey=Bad-Key&format=csv")).toEqual(["survey"]);
    expect(await fieldOf(`${ok}&format=csv&version=9`)).toEqual(["version"]);
    expect(await fieldOf(`${ok}&format=csv&version=abc`)).toEqual(["version"]);
    expect(await fieldOf(`${ok}&format=csv&wave=999999`)).toEqual(["wave"]);
    // A wave of another survey is not a wave of this one.
    expect(await fieldOf(`${ok}&format=csv&wave=${world.inside.waveId}`)).toEqual(["wave"]);
    expect(await fieldOf(`${ok}&format=csv&unit=79`, 404)).toEqual(["unit"]);
    expect(await fieldOf(`${ok}&format=csv&unit=99999`, 404)).toEqual(["unit"]);
  });

  it("writes every export to the audit log: who, the filters, how many responses", async () => {
    await text(world.tokens.viewer, "survey=pbgdpl_satisfaction&format=csv&layout=long&unit=00004&from=2026-01-01");
    const [entry] = await handle.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({
      action: "survey.export",
      officerId: world.principals.viewer.officerId,
      targetType: "survey",
      targetId: "pbgdpl_satisfaction",
      details: {
        via: "api",
        format: "csv",
        layout: "long",
        filters: { unit: "00004", from: "2026-01-01", to: null, wave: null, version: null, status: null },
        responses: 2,
      },
    });
  });

  it("documents the route in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, { get?: { parameters?: Array<{ name: string }>; responses: Record<string, unknown> } }>;
    };
    const route = doc.paths["/api/exports/responses"]!.get!;
    expect(route.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(["survey", "format", "layout", "version", "wave", "unit", "from", "to"]),
    );
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(["200", "400", "404"]));
  });
});

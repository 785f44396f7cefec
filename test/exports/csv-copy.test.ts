// The CSV a server database writes itself (COPY) against the CSV the service writes from rows: read back by a real
// CSV parser, the two must hold the same records, cell for cell, for both layouts and under every filter. The data
// is made to be awkward: two versions whose labels differ, a question only the old version asks, free text with
// quotes, commas, line breaks and formula starts, labels that start like formulas, negative and decimal numbers,
// unit answers, a code no version defines, an empty multiple choice, quiz answers, de-identified responses.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { contacts, surveyAnswers, surveyResponses, surveyVersions, surveyWaves, units } from "../../db/schema/index";
import type { AnswerValue, Question, SurveyDefinition } from "../../surveys/schema";
import { csvCopyQuery, inlineSql, stringLiteral } from "../../src/exports/csv-copy-query";
import { CsvRecordCounter } from "../../src/exports/csv-record-counter";
import { startExport } from "../../src/exports/export-responses";
import type { ExportRequest } from "../../src/exports/export-request";
import { sql } from "drizzle-orm";
import { createTestDb, testDriver } from "../support/test-db";
import { bodyText, parseCsv } from "./export-fixtures";

const KEY = "copy_check";

function definition(version: number, questions: Question[]): SurveyDefinition {
  return {
    key: KEY,
    version,
    title: "Kiểm tra xuất CSV",
    purpose: "Kiểm tra rằng hai cách xuất cho cùng một tệp.",
    collects: ["ý kiến"],
    intro: "Xin chào.",
    outro: "Cảm ơn bạn.",
    minors: "anonymous",
    questions,
  } as SurveyDefinition;
}

const base = { required: true } as const;
const v1Questions: Question[] = [
  {
    ...base,
    id: "mood",
    type: "single",
    text: "=Tâm trạng",
    options: [
      { code: "good", label: "Tốt" },
      { code: "bad", label: "-Không tốt" },
    ],
  },
  { ...base, id: "old_only", type: "text", text: "Câu chỉ có ở bản 1", maxLength: 500 },
  { ...base, id: "sat", type: "likert5", text: "Hài lòng?" },
  {
    ...base,
    id: "ways",
    type: "multi",
    text: "Qua kênh nào?",
    options: [
      { code: "zalo", label: "Zalo" },
      { code: "loa", label: 'Loa, "đài" xã' },
      { code: "meet", label: "+Họp thôn" },
    ],
  },
];
const v2Questions: Question[] = [
  {
    ...base,
    id: "mood",
    type: "single",
    text: "Tâm trạng của bạn?",
    options: [
      { code: "good", label: "Rất tốt, vui" },
      { code: "bad", label: "Không tốt" },
      { code: "mid", label: "@Bình thường" },
    ],
  },
  { ...base, id: "sat", type: "likert5", text: "Bạn hài lòng đến mức nào?" },
  {
    ...base,
    id: "ways",
    type: "multi",
    text: "Qua những kênh nào?",
    options: [
      { code: "zalo", label: "Zalo" },
      { code: "web", label: "Trang web" },
      { code: "loa", label: "Loa xã" },
    ],
  },
  { ...base, id: "age", type: "number", text: "Tuổi?", min: -10, max: 200 },
  { ...base, id: "note", type: "text", text: "Góp ý", maxLength: 2000 },
  { ...base, id: "place", type: "unit", text: "Xã nào?", level: "commune" },
  {
    ...base,
    id: "q_law",
    type: "quiz",
    text: "Ngày Pháp luật là ngày nào?",
    options: [
      { code: "a", label: "9/11" },
      { code: "b", label: "2/9" },
    ],
    correct: ["a"],
    explanation: "Ngày 9/11 hằng năm.",
    citation: { document: "Luật Phổ biến, giáo dục pháp luật", article: "8" },
  },
];

const texts = [
  "bình thường",
  '=HYPERLINK("http://x")',
  "+84 912 345 678",
  "-giảm",
  "@mention",
  "\tthụt lề",
  'có "ngoặc kép", và dấu phẩy',
  "hai\ndòng\r\nvà CRLF",
  "",
  "Tiếng Việt: ắ ằ ẳ ẵ ặ ỹ đ Đ",
  "\\ dấu gạch chéo ngược \\n",
  "'đã có nháy",
];

describe.runIf(testDriver === "postgres")("CSV written by Postgres (COPY) = CSV written from rows", () => {
  let handle: DbHandle;
  let communeCodes: string[];

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    const db = handle.db;
    const communes = await db
      .select({ id: units.id, code: units.code, fullName: units.fullName })
      .from(units)
      .where(eq(units.kind, "commune"))
      .limit(3);
    communeCodes = communes.map((c) => c.code);
    const [province] = await db.select({ id: units.id }).from(units).where(eq(units.kind, "province")).limit(1);
    const versions = await db
      .insert(surveyVersions)
      .values(
        [definition(1, v1Questions), definition(2, v2Questions)].map((d) => ({
          key: KEY,
          version: d.version,
          title: d.title,
          definition: d,
          definitionHash: `hash-${d.version}`,
        })),
      )
      .returning({ id: surveyVersions.id, version: surveyVersions.version });
    const waves = await db
      .insert(surveyWaves)
      .values([
        { surveyKey: KEY, name: 'Đợt 1, "thử"', unitId: province!.id, controller: "Sở Tư pháp", startsAt: new Date() },
        { surveyKey: KEY, name: "-Đợt 2", unitId: communes[0]!.id, controller: "Sở Tư pháp", startsAt: new Date() },
      ])
      .returning({ id: surveyWaves.id });

    const start = Date.parse("2026-11-01T16:59:58.250Z");
    for (let i = 0; i < 60; i++) {
      const version = versions[i % 3 === 0 ? 0 : 1]!;
      const [contact] = await db
        .insert(contacts)
        .values({ channel: "web", platformId: `copy-${i}` })
        .returning({ id: contacts.id });
      const [response] = await db
        .insert(surveyResponses)
        .values({
          contactId: i % 7 === 3 ? null : contact!.id,
          deidentified: i % 7 === 3,
          surveyVersionId: version.id,
          surveyKey: KEY,
          surveyVersion: version.version,
          waveId: waves[i % 2]!.id,
          channel: i % 2 ? "telegram" : "web",
          status: i % 5 === 0 ? "in_progress" : "completed",
          unitId: i % 4 === 0 ? null : communes[i % communes.length]!.id,
          // Microseconds, and instants either side of midnight in Vietnam.
          startedAt: new Date(start + i * 1_000 + (i % 3) * 0.4),
          completedAt: i % 5 === 0 ? null : new Date(start + i * 1_000 + 999.9),
        })
        .returning({ id: surveyResponses.id });
      const answer = (questionId: string, value: AnswerValue, correct: boolean | null = null) => ({
        responseId: response!.id,
        questionId,
        value,
        correct,
        answeredAt: new Date(start + i * 1_000 + 500),
      });
      const rows = [];
      if (i % 6 !== 5) rows.push(answer("mood", { kind: "options", codes: [["good", "bad", "mid", "gone"][i % 4]!] }));
      if (i % 4 !== 2) rows.push(answer("sat", { kind: "options", codes: [String((i % 5) + 1)] }));
      const ways = [[], ["zalo"], ["loa", "zalo"], ["meet", "web", "zalo"], ["unknown_code"]][i % 5]!;
      if (i % 3 !== 1) rows.push(answer("ways", { kind: "options", codes: ways }));
      if (version.version === 1) rows.push(answer("old_only", { kind: "text", value: texts[i % texts.length]! }));
      else {
        rows.push(answer("age", { kind: "number", value: [35, -3, 2.5, 0, 120][i % 5]! }));
        rows.push(answer("note", { kind: "text", value: texts[(i * 5) % texts.length]! }));
        const unit = communes[i % communes.length]!;
        rows.push(
          answer("place", { kind: "unit", code: unit.code, name: i % 9 === 0 ? `-${unit.fullName}` : unit.fullName }),
        );
        if (i % 4 !== 3) rows.push(answer("q_law", { kind: "options", codes: [i % 2 ? "a" : "b"] }, i % 2 === 1));
      }
      await db.insert(surveyAnswers).values(rows);
    }
  });

  afterAll(async () => {
    await handle?.close();
  });

  async function exportText(request: Partial<ExportRequest>, serverCsv: boolean): Promise<string> {
    const file = await startExport(
      handle.db,
      "all",
      { survey: KEY, format: "csv", layout: "wide", ...request } as ExportRequest,
      { actor: null, via: "cli", serverCsv, pageSize: 7 },
    );
    return bodyText(new Response(file.body));
  }

  const filters: Array<[string, Partial<ExportRequest>]> = [
    ["everything", {}],
    ["version 1", { version: 1 }],
    ["completed only", { status: "completed" }],
  ];

  for (const layout of ["wide", "long"] as const) {
    for (const [name, filter] of filters) {
      it(`${layout}, ${name}: the same records`, async () => {
        const fromRows = parseCsv(await exportText({ ...filter, layout }, false));
        const fromCopy = parseCsv(await exportText({ ...filter, layout }, true));
        expect(fromCopy.header).toEqual(fromRows.header);
        expect(fromRows.records.length).toBeGreaterThan(layout === "wide" ? 10 : 40);
        expect(fromCopy.records).toEqual(fromRows.records);
      });
    }
  }

  it("the same records for a unit, a wave and a period, and none at all", async () => {
    const [wave] = await handle.db
      .select({ id: surveyWaves.id })
      .from(surveyWaves)
      .where(eq(surveyWaves.surveyKey, KEY));
    const cases: Array<Partial<ExportRequest>> = [
      { unit: communeCodes[1]! },
      { wave: wave!.id },
      { from: "2026-11-02", to: "2026-11-03" } as Partial<ExportRequest>,
      { to: "2020-01-01" } as Partial<ExportRequest>,
    ];
    for (const filter of cases) {
      const fromRows = parseCsv(await exportText(filter, false));
      const fromCopy = parseCsv(await exportText(filter, true));
      expect(fromCopy.records, JSON.stringify(filter)).toEqual(fromRows.records);
    }
  });

  it("writes the awkward cells as the rows path does: guarded formulas, line breaks, labels by version", async () => {
    const { records } = parseCsv(await exportText({}, true));
    const v1 = records.filter((r) => r.survey_version === "1");
    const v2 = records.filter((r) => r.survey_version === "2");
    expect(v1.some((r) => r.mood_label === "'-Không tốt")).toBe(true);
    expect(v2.some((r) => r.mood_label === "Không tốt")).toBe(true);
    expect(records.some((r) => r.note === `'=HYPERLINK("http://x")`)).toBe(true);
    expect(records.some((r) => r.note === "hai\ndòng\r\nvà CRLF")).toBe(true);
    expect(records.some((r) => r.age === "-3")).toBe(true);
    expect(records.some((r) => r.wave_name === "'-Đợt 2")).toBe(true);
    expect(records.filter((r) => r.respondent_id === "").length).toBeGreaterThan(0);
  });

  it("reports progress in responses as Postgres's bytes pass, up to the total, for both layouts", async () => {
    for (const layout of ["wide", "long"] as const) {
      const seen: Array<[number, number]> = [];
      const file = await startExport(handle.db, "all", { survey: KEY, format: "csv", layout } as ExportRequest, {
        actor: null,
        via: "cli",
        onProgress: (done, total) => seen.push([done, total]),
      });
      const { records } = parseCsv(await bodyText(new Response(file.body)));
      const responses = new Set(records.map((r) => r.response_id)).size;
      expect(seen.at(-1), layout).toEqual([file.total, file.total]);
      expect(responses).toBe(file.total);
      expect(seen.every(([done], i) => i === 0 || done >= seen[i - 1]![0])).toBe(true);
    }
  });

  it("names its columns as the rows path does, for both layouts", async () => {
    const file = await startExport(handle.db, "all", { survey: KEY, format: "csv", layout: "long" } as ExportRequest, {
      actor: null,
      via: "cli",
    });
    await file.body.cancel();
    // csvCopyQuery throws when its columns differ from the rows path's; building it for a real plan is the check.
    const { planExport } = await import("../../src/exports/export-plan");
    for (const layout of ["wide", "long"] as const) {
      const plan = await planExport(handle.db, "all", { survey: KEY, format: "csv", layout } as ExportRequest);
      expect(csvCopyQuery(plan, layout).text).toMatch(/^copy \(select .* to stdout with \(format csv\)$/s);
    }
  });
});

describe("COPY statement building", () => {
  it("takes filter values as literals, never as SQL", () => {
    const hostile = "x'); drop table contacts; --\\";
    expect(stringLiteral(hostile)).toBe("E'x''); drop table contacts; --\\\\'");
    expect(inlineSql(sql`${"a'b"} = ${3} and ${new Date("2026-01-01T00:00:00Z")} is not null`)).toBe(
      "E'a''b' = 3 and E'2026-01-01T00:00:00.000Z' is not null",
    );
    expect(() => inlineSql(sql`${Number.NaN}`)).toThrow();
  });

  it("counts responses in CSV bytes however the chunks fall: quoted line breaks, long runs of answers", () => {
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
    const lines = [
      `${id(90)},${id(1)},2,"tên ""lạ"",\nhai dòng",x`,
      `,${id(1)},2,"a\r\nb",y`,
      `,${id(2)},1,,z`,
      `${id(91)},${id(3)},1,"""",z`,
      `${id(91)},${id(3)},1,"\n\n",z`,
      `${id(92)},${id(4)},1,plain,z`,
    ];
    const bytes = new TextEncoder().encode(`${lines.join("\n")}\n`);
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const counter = new CsvRecordCounter();
      for (let at = 0; at < bytes.length; at += size) counter.push(bytes.subarray(at, at + size));
      expect(counter.responses, `chunks of ${size}`).toBe(4);
    }
  });
});

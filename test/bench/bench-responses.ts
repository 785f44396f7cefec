// Survey responses for benchmarks, made by Postgres itself (insert … select generate_series): contacts spread over
// every commune, one completed response each in one wave, and answers for every question of the definition that
// would be shown (showIf conditions are followed), by question type. Any published definition works: the exports
// bench uses BENCH_SURVEY (12 questions, no conditions: 12 answers a response); the indicators bench can pass
// pbgdpl_satisfaction. Runs on PGlite too (small counts, for tests).
import { sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { ensureSurveyVersion } from "../../src/surveys/apply-effects";
import { pbgdplSatisfaction } from "../../surveys/pbgdpl-satisfaction";
import {
  questionOptions,
  surveyDefinitionSchema,
  type Condition,
  type Question,
  type SurveyDefinition,
} from "../../surveys/schema";

/** A question's options in the seeded satisfaction survey: the bench survey asks the same choices. */
function satisfactionOptions(id: string) {
  const question = pbgdplSatisfaction.questions.find((q) => q.id === id);
  if (!question || !("options" in question)) throw new Error(`pbgdpl_satisfaction has no options for ${id}`);
  return question.options;
}

/** Twelve questions of every kind an export writes: single, multi, Likert, yes/no, number, text, unit. */
export const BENCH_SURVEY: SurveyDefinition = surveyDefinitionSchema.parse({
  key: "bench_export",
  version: 1,
  title: "Khảo sát dùng cho đo hiệu năng xuất dữ liệu",
  purpose: "Đo hiệu năng; không dùng cho người thật.",
  collects: ["câu trả lời thử"],
  intro: "Khảo sát thử.",
  outro: "Cảm ơn.",
  minors: "excluded",
  questions: [
    { id: "heard", type: "yes_no_dk", text: "Bạn có được nghe phổ biến pháp luật không?" },
    {
      id: "channel",
      type: "multi",
      text: "Qua những kênh nào?",
      options: satisfactionOptions("channel"),
    },
    {
      id: "self_learning",
      type: "single",
      text: "Bạn có chủ động tìm hiểu pháp luật không?",
      indicator: "self_learning",
      positive: ["often", "sometimes"],
      options: satisfactionOptions("self_learning"),
    },
    { id: "knows_law", type: "yes_no_dk", text: "Bạn có biết quy định được phổ biến không?" },
    {
      id: "understands_law",
      type: "single",
      text: "Bạn hiểu đến mức nào?",
      options: satisfactionOptions("understands_law"),
    },
    { id: "satisfaction", type: "likert5", text: "Bạn hài lòng thế nào?", positive: ["5", "4"] },
    { id: "info_access", type: "likert5", text: "Việc cung cấp thông tin pháp luật?" },
    { id: "mediation", type: "yes_no_dk", text: "Bạn có biết tổ hoà giải ở cơ sở không?" },
    {
      id: "age_band",
      type: "single",
      text: "Nhóm tuổi?",
      options: [
        { code: "18_30", label: "18–30" },
        { code: "31_45", label: "31–45" },
        { code: "46_60", label: "46–60" },
        { code: "o60", label: "Trên 60" },
      ],
    },
    { id: "years_here", type: "number", text: "Bạn sống ở đây bao nhiêu năm?", min: 0, max: 99 },
    { id: "suggestion", type: "text", maxLength: 500, text: "Góp ý thêm?" },
    { id: "commune", type: "unit", level: "commune", text: "Bạn sống ở xã, phường nào?" },
  ],
});

export interface GenerateOptions {
  responses: number;
  definition?: SurveyDefinition;
  /** Spread over this many communes (all of them by default). */
  communes?: number;
  /** When the first response started; each next one a few seconds later. */
  from?: Date;
}

export interface Generated {
  surveyKey: string;
  version: number;
  waveId: number;
  responses: number;
  answers: number;
  communes: number;
}

const text = (value: string) => `'${value.replaceAll("'", "''")}'`;
const textArray = (values: string[]) => `array[${values.map(text).join(",")}]::text[]`;

/** SQL (over alias r, a response) true when the condition holds on answers already inserted. */
function conditionSql(condition: Condition): string {
  if ("question" in condition) {
    return (
      "exists (select 1 from survey_answers p where p.response_id = r.id " +
      `and p.question_id = ${text(condition.question)} and p.value->'codes' ?| ${textArray(condition.in)})`
    );
  }
  const parts = ("all" in condition ? condition.all : condition.any).map(conditionSql);
  return `(${parts.join("all" in condition ? " and " : " or ")})`;
}

/** The answer value (jsonb) and correctness for one question, as SQL over r (response) and u (its unit). */
function answerSql(question: Question): { value: string; correct: string } {
  const options = questionOptions(question) ?? [];
  const codes = textArray(options.map((o) => o.code));
  const pick = `(${codes})[1 + floor(random() * ${options.length})::int]`;
  switch (question.type) {
    case "multi":
      // A random non-empty subset: each option with probability 0.4, the first one when none came up.
      return {
        value:
          `jsonb_build_object('kind', 'options', 'codes', coalesce((select jsonb_agg(c) from unnest(${codes}) c ` +
          // "r.id is not null" ties the subquery to the row, so Postgres draws again for every response.
          `where random() < 0.4 and r.id is not null), jsonb_build_array(${text(options[0]!.code)})))`,
        correct: "null",
      };
    case "quiz":
      return {
        value: `jsonb_build_object('kind', 'options', 'codes', jsonb_build_array(${pick}))`,
        correct: `(${pick}) = any(${textArray(question.correct)})`,
      };
    case "number":
      return {
        value: `jsonb_build_object('kind', 'number', 'value', ${question.min} + floor(random() * ${
          question.max - question.min + 1
        })::int)`,
        correct: "null",
      };
    case "text":
      return {
        value: `jsonb_build_object('kind', 'text', 'value', 'Góp ý, "thêm" buổi tối số ' || left(r.id::text, 8))`,
        correct: "null",
      };
    case "unit":
      return { value: `jsonb_build_object('kind', 'unit', 'code', u.code, 'name', u.full_name)`, correct: "null" };
    default:
      return { value: `jsonb_build_object('kind', 'options', 'codes', jsonb_build_array(${pick}))`, correct: "null" };
  }
}

/** Rows of a raw statement: postgres.js answers an array, PGlite an object with rows. */
async function rows<Row>(db: Db, statement: string): Promise<Row[]> {
  const result = (await db.execute(sql.raw(statement))) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * Inserts `responses` completed responses of the definition (published first if it is not yet), each from its own
 * contact in a commune, in one national wave made for the run. Expects the units to be seeded.
 */
export async function generateResponses(db: Db, options: GenerateOptions): Promise<Generated> {
  const definition = options.definition ?? BENCH_SURVEY;
  const versionId = await ensureSurveyVersion(db, definition);
  const from = text((options.from ?? new Date("2026-11-01T00:00:00+07:00")).toISOString());
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const [wave] = await rows<{ id: number }>(
    db,
    `insert into survey_waves (survey_key, name, unit_id, controller, starts_at) select ${text(definition.key)}, ` +
      `'Đợt đo hiệu năng ${run}', id, 'Sở Tư pháp (đo hiệu năng)', ${from}::timestamptz ` +
      "from units where kind = 'country' limit 1 returning id",
  );
  const waveId = Number(wave!.id);
  const communeList =
    "select (row_number() over (order by code) - 1)::int as n, id from units " +
    `where kind = 'commune' and valid_to is null order by code ${options.communes ? `limit ${options.communes}` : ""}`;
  const [{ n: communes } = { n: 0 }] = await rows<{ n: number }>(
    db,
    `select count(*)::int as n from (${communeList}) c`,
  );
  await db.execute(
    sql.raw(
      `with communes as (${communeList}) ` +
        "insert into contacts (channel, platform_id, unit_id) " +
        `select 'web', 'bench-${run}-' || i, c.id from generate_series(0, ${options.responses - 1}) i ` +
        `join communes c on c.n = i % ${communes}`,
    ),
  );
  // One response every 3 seconds from `from`, each completed two minutes after it started.
  await db.execute(
    sql.raw(
      "insert into survey_responses (contact_id, survey_version_id, survey_key, survey_version, wave_id, channel, " +
        "status, unit_id, started_at, last_activity_at, completed_at) " +
        `select c.id, ${versionId}, ${text(definition.key)}, ${definition.version}, ${waveId}, 'web', 'completed', ` +
        "c.unit_id, t.at, t.at + interval '2 minutes', t.at + interval '2 minutes' from contacts c " +
        `cross join lateral (select ${from}::timestamptz + ` +
        "split_part(c.platform_id, '-', 3)::int * interval '3 seconds' as at) t " +
        `where c.platform_id like 'bench-${run}-%'`,
    ),
  );
  for (const question of definition.questions) {
    const { value, correct } = answerSql(question);
    const shown = question.showIf ? ` and ${conditionSql(question.showIf)}` : "";
    await db.execute(
      sql.raw(
        "insert into survey_answers (response_id, question_id, value, correct, answered_at) " +
          `select r.id, ${text(question.id)}, ${value}, ${correct}, r.started_at + interval '1 minute' ` +
          `from survey_responses r left join units u on u.id = r.unit_id where r.wave_id = ${waveId}${shown}`,
      ),
    );
  }
  const [{ n: answers } = { n: 0 }] = await rows<{ n: number }>(
    db,
    "select count(*)::int as n from survey_answers a join survey_responses r on r.id = a.response_id " +
      `where r.wave_id = ${waveId}`,
  );
  for (const table of ["contacts", "survey_responses", "survey_answers"]) await db.execute(sql.raw(`analyze ${table}`));
  return {
    surveyKey: definition.key,
    version: definition.version,
    waveId,
    responses: options.responses,
    answers: Number(answers),
    communes: Number(communes),
  };
}

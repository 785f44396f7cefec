// The CSV export as one `COPY (SELECT …) TO STDOUT WITH (FORMAT csv)` for a server database: Postgres writes the
// rows itself, so the service only passes bytes on. Reading pages into JavaScript objects and writing them out
// again cost about twice the database's own time; COPY is the floor the export is measured against.
//
// The statement says exactly what the JavaScript path (export-columns.ts, csvChunks) writes, cell for cell:
// the same columns in the same order, labels from the definition of the version each person answered, Likert
// codes as numbers, quiz correctness as 0/1, one 0/1 column per multiple-choice option (empty when not asked),
// Vietnamese wall time, and the formula guard on text. A test compares the two outputs record by record.
//
// COPY takes no bind parameters, so the filters (exportConditions, the same SQL the pages use) are rendered with
// their values written as escaped literals; only strings, finite numbers, booleans and dates are accepted.
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { questionOptions, type SurveyDefinition } from "../../surveys/schema";
import { hasQuiz, mergedQuestions, multiCodes, rowShape } from "./export-columns";
import { exportConditions, type ExportPlan } from "./export-plan";
import type { ExportLayout } from "./export-request";

export interface CsvCopyQuery {
  /** Column keys, in the order the statement writes them (the header row). */
  columns: string[];
  /** The COPY statement. */
  text: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A string as a Postgres literal that reads the same whatever standard_conforming_strings says. */
export function stringLiteral(value: string): string {
  if (value.includes("\0")) throw new Error("a NUL character cannot be written in a statement");
  return `E'${value.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

function valueLiteral(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return stringLiteral(value.toISOString());
  throw new Error(`cannot write a ${typeof value} as a literal`);
}

const dialect = new PgDialect();

/** A drizzle SQL fragment as plain text with its parameters written in place. */
export function inlineSql(fragment: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(fragment);
  return text.replace(/\$(\d+)/g, (_match, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`no parameter $${n}`);
    return valueLiteral(params[index]);
  });
}

/** A text cell guarded as csvCell does: a leading = + - @ tab or CR gets a quote, so the cell stays text. */
const guarded = (expression: string) =>
  // Parenthesised: || and ->> share a precedence, so `'' || v->>'k'` would read as `('' || v)->>'k'`.
  `(case when left((${expression}), 1) in ('=', '+', '-', '@', E'\\t', E'\\r') then '''' || (${expression}) ` +
  `else (${expression}) end)`;

/** A constant text cell, guarded when the statement is built. */
const guardedLiteral = (value: string) => stringLiteral(FORMULA_START.test(value) ? `'${value}` : value);

/** "YYYY-MM-DD HH:MM:SS" in Vietnamese time, cut (not rounded) to the second, like vietnamTime(). */
const vietnamTime = (expression: string) =>
  `to_char(date_trunc('second', ${expression} at time zone 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD HH24:MI:SS')`;

const metaColumns: Array<[string, string]> = [
  [
    "respondent_id",
    "case when survey_responses.deidentified then null else " +
      "(select c.pseudonymous_id::text from contacts c where c.id = survey_responses.contact_id) end",
  ],
  ["response_id", "survey_responses.id::text"],
  ["survey_version", "survey_responses.survey_version"],
  ["wave_id", "survey_responses.wave_id"],
  ["wave_name", guarded("w.name")],
  ["wave_unit_code", guarded("wu.code")],
  ["unit_code", guarded("ru.code")],
  ["unit_name", guarded("ru.full_name")],
  ["channel", guarded("survey_responses.channel")],
  ["status", guarded("survey_responses.status")],
  ["started_at", vietnamTime("survey_responses.started_at")],
  ["completed_at", vietnamTime("survey_responses.completed_at")],
];

/** The codes of an options value joined as answerCode() joins them, in their stored order. */
const joinedCodes = (value: string) =>
  `(select string_agg(e.code, ';' order by e.n) from jsonb_array_elements_text(${value}->'codes') ` +
  "with ordinality e(code, n))";

/** What answerCode() writes for a stored value of any kind; text is guarded, numbers are not. */
function codeCell(value: string, optionsMayNeedGuard: boolean): string {
  const options =
    `case when jsonb_array_length(${value}->'codes') = 1 then ${value}->'codes'->>0 ` +
    `else ${joinedCodes(value)} end`;
  return (
    `(case ${value}->>'kind' when 'options' then ${optionsMayNeedGuard ? guarded(options) : options} ` +
    `when 'number' then ${value}->>'value' when 'text' then ${guarded(`${value}->>'value'`)} ` +
    `when 'unit' then ${guarded(`${value}->>'code'`)} end)`
  );
}

/**
 * An option code's label under the definition of the response's version (answerLabels): a code a version does not
 * define stands for itself. `code` is a text expression; the labels are guarded only when `guardEach` (a single
 * code fills the cell alone, while joined labels are guarded as a whole).
 */
function labelOf(versions: ExportPlan["versions"], questionId: string, code: string, guardEach: boolean): string {
  const branches: string[] = [];
  for (const { version, definition } of versions) {
    const question = definition.questions.find((q) => q.id === questionId);
    const options = question ? questionOptions(question) : null;
    if (!options?.length) continue;
    const cases = options
      .map((o) => `when ${stringLiteral(o.code)} then ${guardEach ? guardedLiteral(o.label) : stringLiteral(o.label)}`)
      .join(" ");
    branches.push(`when ${version} then case ${code} ${cases} else ${guardEach ? guarded(code) : code} end`);
  }
  const fallback = guardEach ? guarded(code) : code;
  return branches.length
    ? `(case survey_responses.survey_version ${branches.join(" ")} else ${fallback} end)`
    : fallback;
}

/** Whether any code or label of the question, in any version, starts like a formula. */
function optionsMayNeedGuard(versions: ExportPlan["versions"], questionId: string): boolean {
  return versions.some(({ definition }) => {
    const question = definition.questions.find((q) => q.id === questionId);
    return ((question && questionOptions(question)) ?? []).some(
      (o) => FORMULA_START.test(o.code) || FORMULA_START.test(o.label),
    );
  });
}

/** The label cell of a stored value: option labels joined with "; ", or a unit's name. */
function labelCell(versions: ExportPlan["versions"], questionId: string, value: string): string {
  const single = labelOf(versions, questionId, `${value}->'codes'->>0`, true);
  const joined = guarded(
    `(select string_agg(${labelOf(versions, questionId, "e.code", false)}, '; ' order by e.n) ` +
      `from jsonb_array_elements_text(${value}->'codes') with ordinality e(code, n))`,
  );
  return (
    `(case ${value}->>'kind' when 'options' then (case when jsonb_array_length(${value}->'codes') = 1 ` +
    `then ${single} else ${joined} end) when 'unit' then ${guarded(`${value}->>'name'`)} end)`
  );
}

function wideColumns(plan: ExportPlan): { columns: Array<[string, string]>; answers: string } {
  const quiz = hasQuiz(plan);
  const columns: Array<[string, string]> = [...metaColumns];
  for (const question of mergedQuestions(plan)) {
    const id = question.id;
    const value = `(x.a->${stringLiteral(id)})`;
    const mayNeedGuard = optionsMayNeedGuard(plan.versions, id);
    if (question.type === "likert5")
      columns.push([
        id,
        `(case when ${value}->>'kind' = 'options' and jsonb_array_length(${value}->'codes') = 1 ` +
          `then ${value}->'codes'->>0 end)`,
      ]);
    else columns.push([id, codeCell(value, mayNeedGuard)]);
    if (questionOptions(question) !== null || question.type === "unit")
      columns.push([`${id}_label`, labelCell(plan.versions, id, value)]);
    if (question.type === "quiz") columns.push([`${id}_correct`, `(x.c->>${stringLiteral(id)})::boolean::int`]);
    if (question.type === "multi")
      for (const code of multiCodes(plan, id))
        columns.push([
          `${id}__${code}`,
          `(case when ${value}->>'kind' = 'options' then (${value}->'codes' ? ${stringLiteral(code)})::int end)`,
        ]);
  }
  if (quiz) columns.push(["score", "x.score"]);
  const answers =
    "cross join lateral (select jsonb_object_agg(sa.question_id, sa.value) as a" +
    (quiz
      ? ", jsonb_object_agg(sa.question_id, sa.correct) filter (where sa.correct is not null) as c, " +
        "count(*) filter (where sa.correct) as score"
      : "") +
    " from survey_answers sa where sa.response_id = survey_responses.id) x";
  return { columns, answers };
}

/** The question's text under the response's version (null when that version does not ask it). */
function questionTextCell(plan: ExportPlan): string {
  const branches = plan.versions.map(({ version, definition }: { version: number; definition: SurveyDefinition }) => {
    const cases = definition.questions
      .map((q) => `when ${stringLiteral(q.id)} then ${guardedLiteral(q.text)}`)
      .join(" ");
    return `when ${version} then case sa.question_id ${cases} end`;
  });
  return `(case survey_responses.survey_version ${branches.join(" ")} end)`;
}

function longColumns(plan: ExportPlan): Array<[string, string]> {
  const ids = [...new Set(plan.versions.flatMap((v) => v.definition.questions.map((q) => q.id)))];
  // The label of an answer depends on its question: one branch per question id, each with its own labels.
  const labelBranches = ids
    .map((id) => `when ${stringLiteral(id)} then ${labelCell(plan.versions, id, "sa.value")}`)
    .join(" ");
  const anyGuard = ids.some((id) => optionsMayNeedGuard(plan.versions, id));
  const fallbackLabel = labelCell([], "", "sa.value");
  return [
    ...metaColumns,
    ["question_id", guarded("sa.question_id")],
    ["question_text", questionTextCell(plan)],
    ["value", codeCell("sa.value", anyGuard)],
    ["label", ids.length ? `(case sa.question_id ${labelBranches} else ${fallbackLabel} end)` : fallbackLabel],
    ["correct", "sa.correct::int"],
    ["answered_at", vietnamTime("sa.answered_at")],
  ];
}

export function csvCopyQuery(plan: ExportPlan, layout: ExportLayout): CsvCopyQuery {
  const joins =
    "from survey_responses join survey_waves w on w.id = survey_responses.wave_id " +
    "join units wu on wu.id = w.unit_id left join units ru on ru.id = survey_responses.unit_id";
  const where = `where ${inlineSql(exportConditions(plan))}`;
  let columns: Array<[string, string]>;
  let body: string;
  if (layout === "wide") {
    const wide = wideColumns(plan);
    columns = wide.columns;
    body = `${joins} ${wide.answers} ${where} order by survey_responses.started_at, survey_responses.id`;
  } else {
    columns = longColumns(plan);
    body =
      `${joins} join survey_answers sa on sa.response_id = survey_responses.id ${where} ` +
      "order by survey_responses.started_at, survey_responses.id, sa.id";
  }
  // The JavaScript path's columns are the contract: a difference here is a bug in this file.
  const expected = rowShape(plan, layout).columns.map((c) => c.key);
  const keys = columns.map(([key]) => key);
  if (expected.join("\n") !== keys.join("\n"))
    throw new Error(`COPY columns differ from the export's: ${keys.join(",")} vs ${expected.join(",")}`);
  const select = columns.map(([, expression]) => expression).join(", ");
  return { columns: keys, text: `copy (select ${select} ${body}) to stdout with (format csv)` };
}

// The counts behind a framework's indicators, aggregated in SQL: one statement for every share indicator of the
// framework, one per quiz indicator and one for its before/after pairs, each giving the unit's total and, when asked,
// one row per sub-unit at a chosen depth of the unit tree. Responses are never read row by row into JS: a country of
// 3,321 communes and 100,000 responses comes back as 3,322 rows.
//
// What counts: completed responses only (de-identified ones too: they keep their unit and answers), completed within
// the period, whose unit (the one the respondent named, else the wave's) lies in the unit's subtree.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/db";
import type { QuizIndicator, ShareIndicator } from "../../surveys/frameworks/schema";
import { conditionQuestions, type Condition, type SurveyDefinition } from "../../surveys/schema";

export interface CountScope {
  /** The unit's materialised path ("/1/2/"): its subtree is every path starting with it. */
  path: string;
  start: Date;
  end: Date;
  /** Break down by the ancestor at this depth of the tree (1 province, 2 commune), or not at all. */
  groupDepth: number | null;
}

export interface ShareCount {
  n: number;
  positive: number;
}

export interface QuizCount {
  n: number;
  passed: number;
  scoreSum: number;
  /** Items of the quiz (the best possible score). */
  items: number;
  paired: { n: number; beforeSum: number; afterSum: number };
}

export interface UnitCounts {
  share: Map<string, ShareCount>;
  quiz: Map<string, QuizCount>;
}

export interface CountResult {
  total: UnitCounts;
  /** Per sub-unit id (at the scope's group depth). */
  groups: Map<number, UnitCounts>;
}

export interface QuizWaves {
  before: number[];
  after: number[];
}

/** Codes and ids come from validated definitions; this refuses anything else before it reaches SQL text. */
function literal(value: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(value)) throw new Error(`unexpected identifier in a scoring query: ${value}`);
  return `'${value}'`;
}
const list = (values: readonly string[]) => values.map(literal).join(", ");
const codesAny = (codes: readonly string[]) => `a.value -> 'codes' ?| array[${list(codes)}]::text[]`;

/**
 * The responses that count, `r`, with their unit `u`: completed, in the period, in the subtree. `answers` joins
 * their answers `a` first (the answers then drive the join).
 */
function countedResponses(surveyKeys: string[], extra = "", answers = false): string {
  const from = answers
    ? "survey_answers a\n      join survey_responses r on r.id = a.response_id"
    : "survey_responses r";
  return `${from}
      join survey_waves w on w.id = r.wave_id
      join units u on u.id = coalesce(r.unit_id, w.unit_id)
      where r.status = 'completed' and r.survey_key in (${list(surveyKeys)})
        and r.completed_at >= $2::timestamptz and r.completed_at < $3::timestamptz
        and u.path like $1${extra}`;
}

/** The sub-unit a response counts for: the id at the breakdown depth of its unit's path ('' for none). */
const groupOf = (grouped: boolean) => (grouped ? "split_part(u.path, '/', $4::int)" : "''");

/**
 * Sums branches (each `select grp, <columns>` grouped by grp) into one row per sub-unit plus the total row
 * (is_total = 1). Branches are plain aggregates over the tables rather than one shared per-response CTE: Postgres
 * runs each in parallel and never spills a per-response intermediate to disk (a shared CTE made the statement 3×
 * slower than the same aggregate written by hand).
 */
function sumBranches(columns: string[], branches: string[]): string {
  return `select grp, grouping(grp)::int as is_total, ${columns.map((c) => `sum(${c})::float8 as ${c}`).join(", ")}
  from (
    ${branches.join("\n    union all\n    ")}
  ) as branches
  group by grouping sets ((), (grp))`;
}

/** A branch's select list: its own expressions for some columns, 0 for the rest. */
const selectColumns = (columns: string[], own: Map<string, string>) =>
  columns.map((c) => `${own.get(c) ?? "0"} as ${c}`).join(", ");

const params = (scope: CountScope) => {
  const values: unknown[] = [`${scope.path}%`, scope.start.toISOString(), scope.end.toISOString()];
  // split_part counts from 1 and the path starts with "/": depth d is field d + 2.
  if (scope.groupDepth !== null) values.push(String(scope.groupDepth + 2));
  return values;
};

/**
 * Runs a statement written with $1… placeholders as an unnamed (unprepared) statement, so Postgres plans it for the
 * unit and period at hand every time. A prepared one switches to a generic plan after five runs, and the generic
 * plan of `path like $1` guesses a small subtree: the country's breakdown went from 1.5 s to 4.8 s on the sixth call.
 */
async function runAggregate(db: Db, text: string, values: unknown[]): Promise<Row[]> {
  const parts = text.split(/\$(\d+)/);
  const query: SQL = sql.join(
    parts.map((part, i) => (i % 2 === 1 ? sql`${values[Number(part) - 1]}` : sql.raw(part))),
    sql.raw(""),
  );
  const result = (await db.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

interface Row {
  grp: string | null;
  is_total: number;
  [column: string]: unknown;
}

/** Adds a row's counts to the result: the total row, or a sub-unit's row. */
function place(result: CountResult, row: Row, fill: (counts: UnitCounts) => void): void {
  if (row.is_total === 1) {
    fill(result.total);
    return;
  }
  const id = Number(row.grp);
  if (!Number.isInteger(id) || id <= 0) return; // responses attached above the breakdown level: in the total only
  let counts = result.groups.get(id);
  if (!counts) {
    counts = { share: new Map(), quiz: new Map() };
    result.groups.set(id, counts);
  }
  fill(counts);
}

/**
 * One statement for all share indicators, summing up to three branches:
 * - respondents per survey (n of every source counted over all respondents, or shown a question with no condition);
 * - positive answers (k): an answer row matching the source's question and codes; a response has at most one answer
 *   per question (a unique key) and one survey, so each respondent counts at most once per indicator;
 * - only when a source counts those shown a conditional question: per response, whether it answered or its condition
 *   held, from flags over its answers.
 */
export function shareStatement(
  indicators: ShareIndicator[],
  surveys: Map<string, SurveyDefinition>,
  grouped: boolean,
): string {
  const group = groupOf(grouped);
  const columns = indicators.flatMap((_, i) => [`n${i}`, `k${i}`]);
  const respondents = new Map<string, string>();
  const positives = new Map<string, string>();
  const shown = new Map<string, string>();
  const answerQuestions = new Set<string>();
  const shownSurveys = new Set<string>();
  const shownQuestions = new Set<string>();
  const flags = new Map<string, string>(); // flag expression over one response's answers → column name
  const flag = (expression: string) => {
    if (!flags.has(expression)) flags.set(expression, `f${flags.size}`);
    return `p.${flags.get(expression)}`;
  };
  const conditionSql = (condition: Condition): string => {
    if ("question" in condition)
      return flag(`bool_or(a.question_id = ${literal(condition.question)} and ${codesAny(condition.in)})`);
    const parts = ("all" in condition ? condition.all : condition.any).map(conditionSql);
    return `(${parts.join("all" in condition ? " and " : " or ")})`;
  };

  indicators.forEach((indicator, i) => {
    const everyone: string[] = [];
    const conditional: string[] = [];
    const positive: string[] = [];
    for (const source of indicator.sources) {
      const question = surveys.get(source.survey)?.questions.find((q) => q.id === source.question);
      if (!question) throw new Error(`framework source ${source.survey}.${source.question} is not in the catalog`);
      const codes = source.positive ?? question.positive ?? [];
      answerQuestions.add(question.id);
      positive.push(
        `(r.survey_key = ${literal(source.survey)} and a.question_id = ${literal(question.id)} and ${codesAny(codes)})`,
      );
      if (indicator.denominator === "shown" && question.showIf) {
        // Shown: the condition held, or the person answered (an answer proves the question was shown).
        shownSurveys.add(source.survey);
        shownQuestions.add(question.id);
        for (const q of conditionQuestions(question.showIf)) shownQuestions.add(q);
        const answered = flag(`bool_or(a.question_id = ${literal(question.id)})`);
        conditional.push(
          `(p.survey_key = ${literal(source.survey)} and (${answered} or ${conditionSql(question.showIf)}))`,
        );
      } else {
        everyone.push(source.survey);
      }
    }
    if (everyone.length > 0) respondents.set(`n${i}`, `count(*) filter (where r.survey_key in (${list(everyone)}))`);
    if (conditional.length > 0) shown.set(`n${i}`, `count(*) filter (where ${conditional.join(" or ")})`);
    positives.set(`k${i}`, `count(*) filter (where ${positive.join(" or ")})`);
  });

  const surveyKeys = [...new Set(indicators.flatMap((i) => i.sources.map((s) => s.survey)))];
  const branches = [
    `select ${group} as grp, ${selectColumns(columns, respondents)}
      from ${countedResponses(surveyKeys)}
      group by 1`,
    `select ${group} as grp, ${selectColumns(columns, positives)}
      from ${countedResponses(surveyKeys, ` and a.question_id in (${list([...answerQuestions])})`, true)}
      group by 1`,
  ];
  if (shown.size > 0) {
    const flagColumns = [...flags].map(([expression, name]) => `${expression} as ${name}`).join(", ");
    branches.push(`select p.grp, ${selectColumns(columns, shown)}
      from (
        select r.id, r.survey_key, ${group} as grp, ${flagColumns}
        from ${countedResponses([...shownSurveys], ` and a.question_id in (${list([...shownQuestions])})`, true)}
        group by r.id, r.survey_key, 3
      ) as p
      group by 1`);
  }
  return sumBranches(columns, branches);
}

export async function countShares(
  db: Db,
  indicators: ShareIndicator[],
  surveys: Map<string, SurveyDefinition>,
  scope: CountScope,
  into: CountResult,
): Promise<void> {
  if (indicators.length === 0) return;
  const grouped = scope.groupDepth !== null;
  const rows = await runAggregate(db, shareStatement(indicators, surveys, grouped), params(scope));
  for (const row of rows)
    place(into, row, (counts) =>
      indicators.forEach((indicator, index) =>
        counts.share.set(indicator.key, { n: Number(row[`n${index}`]), positive: Number(row[`k${index}`]) }),
      ),
    );
}

/** A response's quiz score: its correct answers among the quiz items of the current definition. */
const scoreOf = (items: string[]) =>
  `coalesce((select count(*) filter (where a.correct) from survey_answers a
      where a.response_id = r.id and a.question_id in (${list(items)})), 0)`;

export async function countQuiz(
  db: Db,
  indicator: QuizIndicator,
  survey: SurveyDefinition,
  waves: QuizWaves,
  scope: CountScope,
  into: CountResult,
): Promise<void> {
  const items = survey.questions.filter((q) => q.type === "quiz").map((q) => q.id);
  const group = groupOf(scope.groupDepth !== null);
  // Passing: score / items ≥ passPercent %, compared without division.
  const pass = `score * 100 >= ${Number(indicator.passPercent.value)} * ${items.length}`;
  const statement = sumBranches(
    ["n", "passed", "score_sum"],
    [
      `select grp, count(*) as n, count(*) filter (where ${pass}) as passed, sum(score) as score_sum
      from (
        select ${group} as grp, ${scoreOf(items)} as score
        from ${countedResponses([indicator.survey])}
      ) as scored
      group by 1`,
    ],
  );
  const rows = await runAggregate(db, statement, params(scope));
  const empty = { n: 0, beforeSum: 0, afterSum: 0 };
  for (const row of rows)
    place(into, row, (counts) =>
      counts.quiz.set(indicator.key, {
        n: Number(row.n),
        passed: Number(row.passed),
        scoreSum: Number(row.score_sum),
        items: items.length,
        paired: empty,
      }),
    );
  if (waves.before.length === 0 || waves.after.length === 0) return;

  // Pairs: a person's first "before" response and their last "after" response completed later, both in the period
  // and the subtree; the pair belongs to the unit of the "after" response. De-identified responses have no person.
  const ids = (values: number[]) => values.map((v) => String(Math.trunc(v))).join(", ");
  const paired = `with scored as (
    select r.contact_id, r.wave_id, r.completed_at, ${group} as grp, ${scoreOf(items)} as score
    from ${countedResponses(
      [indicator.survey],
      ` and r.contact_id is not null and r.wave_id in (${ids([...waves.before, ...waves.after])})`,
    )}
  ),
  firsts as (
    select distinct on (contact_id) contact_id, score, completed_at from scored
    where wave_id in (${ids(waves.before)}) order by contact_id, completed_at asc
  ),
  lasts as (
    select distinct on (contact_id) contact_id, score, completed_at, grp from scored
    where wave_id in (${ids(waves.after)}) order by contact_id, completed_at desc
  )
  ${sumBranches(
    ["n", "before_sum", "after_sum"],
    [
      `select p.grp, count(*) as n, sum(b.score) as before_sum, sum(p.score) as after_sum
      from lasts p
      join firsts b on b.contact_id = p.contact_id and b.completed_at < p.completed_at
      group by 1`,
    ],
  )}`;
  for (const row of await runAggregate(db, paired, params(scope)))
    place(into, row, (counts) => {
      const quiz = counts.quiz.get(indicator.key);
      const pair = { n: Number(row.n), beforeSum: Number(row.before_sum), afterSum: Number(row.after_sum) };
      if (quiz) quiz.paired = pair;
    });
}

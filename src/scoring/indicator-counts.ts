// The counts behind a framework's indicators, aggregated in SQL: one statement for every share indicator of the
// framework, one per quiz indicator and one for its before/after pairs, each giving the unit's total and, when asked,
// one row per sub-unit at a chosen depth of the unit tree. Responses are never read row by row into JS: a country of
// 3,321 communes and 100,000 responses comes back as 3,322 rows.
//
// What counts: completed responses only (de-identified ones too: they keep their unit and answers), completed within
// the period, whose unit (the one the respondent named, else the wave's) lies in the unit's subtree.
import { runStatement, type Db } from "../../db/db";
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

function responsesCte(surveyKeys: string[], grouped: boolean, extra = ""): string {
  const group = grouped ? "split_part(u.path, '/', $4::int)" : "''";
  return `resp as (
    select r.id, r.survey_key, r.contact_id, r.wave_id, r.completed_at, ${group} as grp
    from survey_responses r
    join survey_waves w on w.id = r.wave_id
    join units u on u.id = coalesce(r.unit_id, w.unit_id)
    where r.status = 'completed' and r.survey_key in (${list(surveyKeys)})
      and r.completed_at >= $2::timestamptz and r.completed_at < $3::timestamptz
      and u.path like $1${extra}
  )`;
}

/** The select list's first columns and the grouping: the total row (is_total = 1) and, if grouped, one per group. */
const grouping = (grouped: boolean, alias = "resp") =>
  grouped
    ? {
        head: `${alias}.grp, grouping(${alias}.grp)::int as is_total`,
        tail: `group by grouping sets ((), (${alias}.grp))`,
      }
    : { head: "null::text as grp, 1 as is_total", tail: "" };

const params = (scope: CountScope) => {
  const values: unknown[] = [`${scope.path}%`, scope.start.toISOString(), scope.end.toISOString()];
  // split_part counts from 1 and the path starts with "/": depth d is field d + 2.
  if (scope.groupDepth !== null) values.push(scope.groupDepth + 2);
  return values;
};

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
 * One statement for all share indicators: per response, a flag per (question, positive codes) and per condition
 * atom; then per unit, for each indicator, how many respondents count (n) and how many are positive.
 */
export function shareStatement(
  indicators: ShareIndicator[],
  surveys: Map<string, SurveyDefinition>,
  grouped: boolean,
): string {
  const flags = new Map<string, string>(); // SQL expression → column name
  const flag = (expression: string) => {
    let name = flags.get(expression);
    if (!name) {
      name = `f${flags.size}`;
      flags.set(expression, name);
    }
    return `coalesce(f.${name}, false)`;
  };
  const questions = new Set<string>();
  const conditionSql = (condition: Condition): string => {
    if ("question" in condition) {
      questions.add(condition.question);
      return flag(`bool_or(a.question_id = ${literal(condition.question)} and ${codesAny(condition.in)})`);
    }
    const parts = ("all" in condition ? condition.all : condition.any).map(conditionSql);
    return `(${parts.join("all" in condition ? " and " : " or ")})`;
  };
  const columns = indicators.map((indicator, index) => {
    const counted: string[] = [];
    const positive: string[] = [];
    for (const source of indicator.sources) {
      const question = surveys.get(source.survey)?.questions.find((q) => q.id === source.question);
      if (!question) throw new Error(`framework source ${source.survey}.${source.question} is not in the catalog`);
      questions.add(question.id);
      const codes = source.positive ?? question.positive ?? [];
      const ofSurvey = `resp.survey_key = ${literal(source.survey)}`;
      // Shown: the condition held (or there is none), or the person answered (an answer proves it was shown).
      const shown =
        indicator.denominator === "shown" && question.showIf
          ? ` and (${flag(`bool_or(a.question_id = ${literal(question.id)})`)} or ${conditionSql(question.showIf)})`
          : "";
      counted.push(`(${ofSurvey}${shown})`);
      positive.push(
        `(${ofSurvey} and ${flag(`bool_or(a.question_id = ${literal(question.id)} and ${codesAny(codes)})`)})`,
      );
    }
    return (
      `count(*) filter (where ${counted.join(" or ")})::int as n${index}, ` +
      `count(*) filter (where ${positive.join(" or ")})::int as k${index}`
    );
  });
  for (const indicator of indicators)
    for (const source of indicator.sources) {
      const showIf = surveys.get(source.survey)?.questions.find((q) => q.id === source.question)?.showIf;
      if (showIf) for (const q of conditionQuestions(showIf)) questions.add(q);
    }
  const surveyKeys = [...new Set(indicators.flatMap((i) => i.sources.map((s) => s.survey)))];
  const flagColumns = [...flags].map(([expression, name]) => `${expression} as ${name}`).join(",\n      ");
  return `with ${responsesCte(surveyKeys, grouped)},
  flags as (
    select a.response_id,
      ${flagColumns}
    from survey_answers a
    join resp on resp.id = a.response_id
    where a.question_id in (${list([...questions])})
    group by a.response_id
  )
  select ${grouping(grouped).head}, ${columns.join(",\n    ")}
  from resp
  left join flags f on f.response_id = resp.id
  ${grouping(grouped).tail}`;
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
  const rows = await runStatement<Row>(db, shareStatement(indicators, surveys, grouped), params(scope));
  for (const row of rows)
    place(into, row, (counts) =>
      indicators.forEach((indicator, index) =>
        counts.share.set(indicator.key, { n: Number(row[`n${index}`]), positive: Number(row[`k${index}`]) }),
      ),
    );
}

/** A response's quiz score: its correct answers among the quiz items of the current definition. */
function scoresCte(items: string[]): string {
  return `scores as (
    select a.response_id, count(*) filter (where a.correct)::int as score
    from survey_answers a
    join resp on resp.id = a.response_id
    where a.question_id in (${list(items)})
    group by a.response_id
  )`;
}

export async function countQuiz(
  db: Db,
  indicator: QuizIndicator,
  survey: SurveyDefinition,
  waves: QuizWaves,
  scope: CountScope,
  into: CountResult,
): Promise<void> {
  const items = survey.questions.filter((q) => q.type === "quiz").map((q) => q.id);
  const grouped = scope.groupDepth !== null;
  // Passing: score / items ≥ passPercent %, compared without division.
  const pass = Number(indicator.passPercent.value);
  const statement = `with ${responsesCte([indicator.survey], grouped)}, ${scoresCte(items)}
  select ${grouping(grouped).head}, count(*)::int as n,
    count(*) filter (where coalesce(s.score, 0) * 100 >= ${pass} * ${items.length})::int as passed,
    coalesce(sum(s.score), 0)::float8 as score_sum
  from resp
  left join scores s on s.response_id = resp.id
  ${grouping(grouped).tail}`;
  const rows = await runStatement<Row>(db, statement, params(scope));
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
  const paired = `with ${responsesCte([indicator.survey], grouped, " and r.contact_id is not null")},
  ${scoresCte(items)},
  scored as (select resp.*, coalesce(s.score, 0) as score from resp left join scores s on s.response_id = resp.id),
  firsts as (
    select distinct on (contact_id) contact_id, score, completed_at from scored
    where wave_id in (${ids(waves.before)}) order by contact_id, completed_at asc
  ),
  lasts as (
    select distinct on (contact_id) contact_id, score, completed_at, grp from scored
    where wave_id in (${ids(waves.after)}) order by contact_id, completed_at desc
  )
  select ${grouping(grouped, "p").head}, count(*)::int as n,
    coalesce(sum(b.score), 0)::float8 as before_sum, coalesce(sum(p.score), 0)::float8 as after_sum
  from lasts p
  join firsts b on b.contact_id = p.contact_id and b.completed_at < p.completed_at
  ${grouping(grouped, "p").tail}`;
  for (const row of await runStatement<Row>(db, paired, params(scope)))
    place(into, row, (counts) => {
      const quiz = counts.quiz.get(indicator.key);
      const pair = { n: Number(row.n), beforeSum: Number(row.before_sum), afterSum: Number(row.after_sum) };
      if (quiz) quiz.paired = pair;
    });
}

// A survey's results as officers read them: per question, how many people answered and how often each option was
// chosen (labels from the definition of the version each person answered), the share of right answers of a quiz
// item, the mean of a number, and the latest few free-text answers. Only completed responses count, and exactly the
// responses an export with the same filters would hold (planExport + exportConditions: the officer's scope, the
// wave, the unit, the period on started_at), so the numbers on screen and in the downloaded file agree.
import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/db";
import { surveyResponses, surveyWaves, units } from "../../db/schema/index";
import { questionOptions, type Question } from "../../surveys/schema";
import { ApiError } from "../errors";
import { mergedQuestions } from "../exports/export-columns";
import { exportConditions, planExport, type ExportPlan } from "../exports/export-plan";
import { exportRequestSchema } from "../exports/export-request";
import { inScope, type Principal } from "../officers/principal";
import { responsesInScope } from "../surveys/responses-in-scope";
import { surveyCatalog } from "../surveys/survey-repository";

export interface ResultsRequest {
  surveyKey: string;
  waveId?: number | undefined;
  /** YYYY-MM-DD (Vietnamese day) or an ISO instant, as the exports take them. */
  from?: string | undefined;
  to?: string | undefined;
  unitCode?: string | undefined;
}

export interface OptionResult {
  code: string;
  label: string;
  count: number;
  /** count / answered of the question (0..1); null when nobody answered. */
  share: number | null;
  /** Quiz items: whether this option is a right answer. */
  correct?: boolean;
}

export interface QuestionResult {
  id: string;
  type: Question["type"];
  text: string;
  /** People who answered this question (a question shown only to some, or skipped, has fewer than n). */
  answered: number;
  /** Choice questions (and the communes named, for a unit question, most named first). */
  options: OptionResult[] | null;
  /** Quiz items: answers that were right. */
  correct: { count: number; share: number | null } | null;
  /** Number questions. */
  number: { mean: number | null } | null;
  /** Text questions: the latest few answers, newest first. */
  latest: Array<{ text: string; answeredAt: Date }> | null;
}

export interface SurveyResults {
  survey: { key: string; title: string };
  wave: { id: number; name: string } | null;
  unit: { code: string; name: string } | null;
  from: string | null;
  to: string | null;
  /** Completed responses matching the filters. */
  n: number;
  questions: QuestionResult[];
}

/** Free-text answers shown per question. */
export const LATEST_TEXTS = 5;
/** Communes shown for a unit question (the rest are summed as "Khác"). */
const TOP_UNITS = 12;

async function rows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

/** The results of one survey for the officer, or null when the survey does not exist. */
export async function surveyResults(
  db: Db,
  principal: Pick<Principal, "unitPath">,
  request: ResultsRequest,
): Promise<SurveyResults | null> {
  if (!surveyCatalog().has(request.surveyKey)) return null;
  const parsed = exportRequestSchema.safeParse({
    survey: request.surveyKey,
    format: "csv",
    wave: request.waveId,
    unit: request.unitCode,
    from: request.from,
    to: request.to,
    status: "completed",
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = { wave: "waveId", unit: "unitCode" }[String(issue.path[0])] ?? String(issue.path[0]);
    throw new ApiError("invalid_request", `${field}: ${issue.message}`, field);
  }
  let plan: ExportPlan;
  try {
    plan = await planExport(db, { unitPath: principal.unitPath }, parsed.data);
  } catch (error) {
    // The plan names the export's fields; this API names its own.
    if (error instanceof ApiError && (error.field === "wave" || error.field === "unit"))
      throw new ApiError(error.code, error.message, error.field === "wave" ? "waveId" : "unitCode");
    throw error;
  }
  const where = exportConditions(plan);
  const [total] = await db.select({ n: count() }).from(surveyResponses).where(where);

  // One pass over the answers, grouped by version, question and answer. A choice answer is one row per chosen code
  // (the lateral unnest), numbered from 1, so an answer is counted once where its first code is (or where it has
  // none); the other kinds are one row each. Unit answers group by the commune's code.
  type Row = {
    version: number;
    question: string;
    kind: string;
    code: string | null;
    name: string | null;
    correct: boolean | null;
    answers: number;
    chosen: number;
    total: number | null;
  };
  // Both passes in one transaction with JIT off: over a few hundred thousand answers the planner's estimate crosses
  // jit_above_cost, and compiling costs more than it saves (bench:console, 100,000 responses: 2.5 s → 2.0 s).
  const { counted, texts } = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    const counted = await rows<Row>(
      tx,
      sql`select survey_responses.survey_version as version, a.question_id as question, a.value->>'kind' as kind,
          coalesce(c.code, a.value->>'code') as code, max(a.value->>'name') as name, a.correct as correct,
          (count(*) filter (where c.ord is null or c.ord = 1))::int as answers, count(c.code)::int as chosen,
          sum(case when a.value->>'kind' = 'number' then (a.value->>'value')::float8 end)::float8 as total
        from survey_answers a
        join survey_responses on survey_responses.id = a.response_id
        left join lateral jsonb_array_elements_text(
          case when a.value->>'kind' = 'options' then a.value->'codes' else '[]'::jsonb end
        ) with ordinality as c(code, ord) on true
        where ${where}
        group by 1, 2, 3, 4, 6`,
    );
    const texts = await rows<{ question: string; text: string; answered_at: string }>(
      tx,
      sql`select question, text, answered_at from (
          select a.question_id as question, a.value->>'value' as text, a.answered_at::text as answered_at,
            row_number() over (partition by a.question_id order by a.answered_at desc, a.id desc) as position
          from survey_answers a
          join survey_responses on survey_responses.id = a.response_id
          where ${where} and a.value->>'kind' = 'text'
        ) latest
        where position <= ${LATEST_TEXTS}
        order by question, position`,
    );
    return { counted, texts };
  });

  const definitions = [...plan.versions].reverse().map((v) => v.definition);
  const questions = mergedQuestions(plan).map((question): QuestionResult => {
    const mine = counted.filter((r) => r.question === question.id);
    const answered = mine.reduce((sum, r) => sum + Number(r.answers), 0);
    const share = (part: number) => (answered > 0 ? part / answered : null);
    const result: QuestionResult = {
      id: question.id,
      type: question.type,
      text: question.text,
      answered,
      options: null,
      correct: null,
      number: null,
      latest: null,
    };
    const options = questionOptions(question);
    if (options) {
      // Codes of every version, newest first; a code only an older version had keeps that version's label.
      const labels = new Map<string, string>();
      for (const definition of definitions) {
        const asked = definition.questions.find((q) => q.id === question.id);
        for (const option of (asked && questionOptions(asked)) ?? [])
          if (!labels.has(option.code)) labels.set(option.code, option.label);
      }
      for (const row of mine) if (row.code !== null && !labels.has(row.code)) labels.set(row.code, row.code);
      result.options = [...labels].map(([code, label]) => {
        const chosen = mine.filter((r) => r.code === code).reduce((sum, r) => sum + Number(r.chosen), 0);
        return {
          code,
          label,
          count: chosen,
          share: share(chosen),
          ...(question.type === "quiz" ? { correct: question.correct.includes(code) } : {}),
        };
      });
      if (question.type === "quiz") {
        const right = mine.filter((r) => r.correct === true).reduce((sum, r) => sum + Number(r.answers), 0);
        result.correct = { count: right, share: share(right) };
      }
    } else if (question.type === "unit") {
      const named = new Map<string, { label: string; count: number }>();
      for (const row of mine) {
        if (row.code === null) continue;
        const entry = named.get(row.code) ?? { label: row.name ?? row.code, count: 0 };
        entry.count += Number(row.answers);
        named.set(row.code, entry);
      }
      const sorted = [...named].sort((a, b) => b[1].count - a[1].count || a[1].label.localeCompare(b[1].label));
      const top = sorted.slice(0, TOP_UNITS).map(([code, e]) => ({ code, label: e.label, count: e.count }));
      const rest = sorted.slice(TOP_UNITS).reduce((sum, [, e]) => sum + e.count, 0);
      if (rest > 0) top.push({ code: "", label: "Các xã, phường khác", count: rest });
      result.options = top.map((o) => ({ ...o, share: share(o.count) }));
    } else if (question.type === "number") {
      const sum = mine.reduce((s, r) => s + Number(r.total ?? 0), 0);
      result.number = { mean: answered > 0 ? sum / answered : null };
    } else if (question.type === "text") {
      result.latest = texts
        .filter((t) => t.question === question.id)
        .map((t) => ({ text: t.text, answeredAt: new Date(t.answered_at) }));
    }
    return result;
  });

  return {
    survey: { key: plan.surveyKey, title: plan.title },
    wave: plan.wave,
    unit: plan.unit ? { code: plan.unit.code, name: plan.unit.name } : null,
    from: request.from ?? null,
    to: request.to ?? null,
    n: Number(total?.n ?? 0),
    questions,
  };
}

export interface WaveOverview {
  id: number;
  name: string;
  unitName: string;
  startsAt: Date;
  endsAt: Date | null;
  /** Completed responses of the wave in the officer's scope. */
  responses: number;
}

export interface SurveyOverview {
  key: string;
  title: string;
  responses: number;
  waves: WaveOverview[];
}

/**
 * Every survey of the catalog with the waves the officer sees: waves of a unit in their scope, and waves elsewhere
 * (a national wave) that hold responses in their scope; each with its completed responses in scope.
 */
export async function surveyResultsOverview(db: Db, principal: Pick<Principal, "unitPath">): Promise<SurveyOverview[]> {
  const responses = sql<number>`count(${surveyResponses.id})::int`;
  const waves = await db
    .select({
      id: surveyWaves.id,
      surveyKey: surveyWaves.surveyKey,
      name: surveyWaves.name,
      unitName: units.fullName,
      startsAt: surveyWaves.startsAt,
      endsAt: surveyWaves.endsAt,
      waveInScope: sql<boolean>`bool_or(${inScope(principal, surveyWaves.unitId)})`,
      responses,
    })
    .from(surveyWaves)
    .innerJoin(units, eq(units.id, surveyWaves.unitId))
    .leftJoin(
      surveyResponses,
      and(
        eq(surveyResponses.waveId, surveyWaves.id),
        eq(surveyResponses.status, "completed"),
        responsesInScope(principal),
      ),
    )
    .groupBy(surveyWaves.id, units.fullName)
    .orderBy(desc(surveyWaves.startsAt), desc(surveyWaves.id));
  const visible = waves.filter((w) => w.waveInScope || Number(w.responses) > 0);
  return [...surveyCatalog().values()].map((survey) => {
    const mine = visible
      .filter((w) => w.surveyKey === survey.key)
      .map((w) => ({
        id: w.id,
        name: w.name,
        unitName: w.unitName,
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        responses: Number(w.responses),
      }));
    return {
      key: survey.key,
      title: survey.title,
      responses: mine.reduce((sum, w) => sum + w.responses, 0),
      waves: mine,
    };
  });
}

// The responses of an export read in pages with keyset pagination on (started_at, id), so memory stays bounded
// whatever the size and every page is one index range (survey_responses_key_started_idx), never an OFFSET scan.
// Only the pseudonymous id of a respondent is ever selected: no platform id, name or phone leaves the database.
import { and, asc, count, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/db";
import { contacts, surveyAnswers, surveyResponses, surveyWaves, units } from "../../db/schema/index";
import type { AnswerValue, ResponseStatus } from "../../surveys/schema";
import { exportConditions, type ExportPlan } from "./export-plan";

export const PAGE_SIZE = 1000;

export interface ExportAnswer {
  questionId: string;
  value: AnswerValue;
  correct: boolean | null;
  answeredAt: Date;
}

export interface ExportResponse {
  id: string;
  /** contacts.pseudonymous_id; null once the person withdrew and the answers were de-identified. */
  respondentId: string | null;
  surveyVersion: number;
  waveId: number;
  waveName: string;
  waveUnitCode: string;
  unitCode: string | null;
  unitName: string | null;
  channel: string;
  status: ResponseStatus;
  startedAt: Date;
  completedAt: Date | null;
  answers: ExportAnswer[];
}

const waveUnits = alias(units, "wave_units");
const respondentUnits = alias(units, "respondent_units");

export async function countResponses(db: Db, plan: ExportPlan): Promise<number> {
  const [row] = await db.select({ n: count() }).from(surveyResponses).where(exportConditions(plan));
  return Number(row?.n ?? 0);
}

type Cursor = { at: string; id: string };

/** One page; async so that calling it starts the query (a drizzle builder waits to be awaited). */
async function fetchPage(db: Db, plan: ExportPlan, after: Cursor | null, pageSize: number) {
  // The cursor keeps started_at as Postgres's own text: a JS Date would drop the microseconds and repeat rows.
  const keyset = after
    ? sql`(${surveyResponses.startedAt}, ${surveyResponses.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`
    : undefined;
  // The page is chosen first, from survey_responses alone (an index range on (survey_key, started_at, id)), and
  // only its rows are joined: the planner never sorts the whole survey to find the next thousand.
  const page = db
    .select({
      id: surveyResponses.id,
      cursorAt: sql<string>`${surveyResponses.startedAt}::text`.as("cursor_at"),
      surveyKey: surveyResponses.surveyKey,
      contactId: surveyResponses.contactId,
      deidentified: surveyResponses.deidentified,
      surveyVersion: surveyResponses.surveyVersion,
      waveId: surveyResponses.waveId,
      unitId: surveyResponses.unitId,
      channel: surveyResponses.channel,
      status: surveyResponses.status,
      startedAt: surveyResponses.startedAt,
      completedAt: surveyResponses.completedAt,
    })
    .from(surveyResponses)
    .where(and(exportConditions(plan), keyset))
    .orderBy(asc(surveyResponses.surveyKey), asc(surveyResponses.startedAt), asc(surveyResponses.id))
    .limit(pageSize)
    .as("page");
  return await db
    .select({
      id: page.id,
      cursorAt: page.cursorAt,
      // De-identified responses keep no contact; the flag is checked too, in case a contact is still linked.
      respondentId: sql<
        string | null
      >`case when ${page.deidentified} then null else ${contacts.pseudonymousId}::text end`,
      surveyVersion: page.surveyVersion,
      waveId: page.waveId,
      waveName: surveyWaves.name,
      waveUnitCode: waveUnits.code,
      unitCode: respondentUnits.code,
      unitName: respondentUnits.fullName,
      channel: page.channel,
      status: page.status,
      startedAt: page.startedAt,
      completedAt: page.completedAt,
      // The answers as one JSON text per response: one row per response instead of twelve keeps the driver's
      // per-row work (and a second round trip) off the hot path.
      answers: sql<string>`(select coalesce(json_agg(json_build_array(${surveyAnswers.questionId}, ${
        surveyAnswers.value
      }, ${surveyAnswers.correct}, ${surveyAnswers.answeredAt}) order by ${surveyAnswers.id})::text, '[]') from ${
        surveyAnswers
      } where ${surveyAnswers.responseId} = ${page.id})`,
    })
    .from(page)
    .innerJoin(surveyWaves, eq(surveyWaves.id, page.waveId))
    .innerJoin(waveUnits, eq(waveUnits.id, surveyWaves.unitId))
    .leftJoin(respondentUnits, eq(respondentUnits.id, page.unitId))
    .leftJoin(contacts, eq(contacts.id, page.contactId))
    .orderBy(asc(page.startedAt), asc(page.id));
}

type StoredAnswer = [questionId: string, value: AnswerValue, correct: boolean | null, answeredAt: string];

/**
 * The responses of the plan, oldest first, `pageSize` at a time, each with its answers in the order given. The next
 * page is asked for as soon as the current one arrives, so the database works while the caller writes this one
 * (two pages at most in memory).
 */
export async function* responsePages(db: Db, plan: ExportPlan, pageSize = PAGE_SIZE): AsyncGenerator<ExportResponse[]> {
  type Page = Awaited<ReturnType<typeof fetchPage>>;
  let next: Promise<Page> | null = fetchPage(db, plan, null, pageSize);
  try {
    while (next) {
      const rows: Page = await next;
      next = null;
      if (rows.length === 0) return;
      if (rows.length === pageSize) {
        const last = rows.at(-1)!;
        next = fetchPage(db, plan, { at: last.cursorAt, id: last.id }, pageSize);
      }
      yield rows.map(({ cursorAt: _cursor, answers, ...row }) => ({
        ...row,
        answers: (JSON.parse(answers) as StoredAnswer[]).map(([questionId, value, correct, answeredAt]) => ({
          questionId,
          value,
          correct,
          answeredAt: new Date(answeredAt),
        })),
      }));
    }
  } finally {
    // Stopped early (the reader went away): the page already asked for is not wanted, nor is its failure.
    next?.catch(() => {});
  }
}

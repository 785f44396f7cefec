// The responses of an export read in pages with keyset pagination on (started_at, id), so memory stays bounded
// whatever the size and every page is one index range (survey_responses_key_started_idx), never an OFFSET scan.
// Only the pseudonymous id of a respondent is ever selected: no platform id, name or phone leaves the database.
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
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
  const [row] = await db
    .select({ n: count() })
    .from(surveyResponses)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyResponses.waveId))
    .where(exportConditions(plan));
  return Number(row?.n ?? 0);
}

type Cursor = { at: string; id: string };

function fetchPage(db: Db, plan: ExportPlan, after: Cursor | null, pageSize: number) {
  // The cursor keeps started_at as Postgres's own text: a JS Date would drop the microseconds and repeat rows.
  const keyset = after
    ? sql`(${surveyResponses.startedAt}, ${surveyResponses.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`
    : undefined;
  return db
    .select({
      id: surveyResponses.id,
      cursorAt: sql<string>`${surveyResponses.startedAt}::text`,
      // De-identified responses keep no contact; the flag is checked too, in case a contact is still linked.
      respondentId: sql<
        string | null
      >`case when ${surveyResponses.deidentified} then null else ${contacts.pseudonymousId}::text end`,
      surveyVersion: surveyResponses.surveyVersion,
      waveId: surveyResponses.waveId,
      waveName: surveyWaves.name,
      waveUnitCode: waveUnits.code,
      unitCode: respondentUnits.code,
      unitName: respondentUnits.fullName,
      channel: surveyResponses.channel,
      status: surveyResponses.status,
      startedAt: surveyResponses.startedAt,
      completedAt: surveyResponses.completedAt,
    })
    .from(surveyResponses)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyResponses.waveId))
    .innerJoin(waveUnits, eq(waveUnits.id, surveyWaves.unitId))
    .leftJoin(respondentUnits, eq(respondentUnits.id, surveyResponses.unitId))
    .leftJoin(contacts, eq(contacts.id, surveyResponses.contactId))
    .where(and(exportConditions(plan), keyset))
    .orderBy(asc(surveyResponses.surveyKey), asc(surveyResponses.startedAt), asc(surveyResponses.id))
    .limit(pageSize);
}

async function answersOf(db: Db, ids: string[]): Promise<Map<string, ExportAnswer[]>> {
  const answers = await db
    .select({
      responseId: surveyAnswers.responseId,
      questionId: surveyAnswers.questionId,
      value: surveyAnswers.value,
      correct: surveyAnswers.correct,
      answeredAt: surveyAnswers.answeredAt,
    })
    .from(surveyAnswers)
    .where(inArray(surveyAnswers.responseId, ids))
    .orderBy(asc(surveyAnswers.id));
  const byResponse = new Map<string, ExportAnswer[]>();
  for (const { responseId, ...answer } of answers) {
    const list = byResponse.get(responseId);
    if (list) list.push(answer);
    else byResponse.set(responseId, [answer]);
  }
  return byResponse;
}

/** The responses of the plan, oldest first, `pageSize` at a time, each with its answers in the order given. */
export async function* responsePages(db: Db, plan: ExportPlan, pageSize = PAGE_SIZE): AsyncGenerator<ExportResponse[]> {
  let after: Cursor | null = null;
  for (;;) {
    const rows = await fetchPage(db, plan, after, pageSize);
    if (rows.length === 0) return;
    const answers = await answersOf(
      db,
      rows.map((r) => r.id),
    );
    yield rows.map(({ cursorAt: _cursor, ...row }) => ({ ...row, answers: answers.get(row.id) ?? [] }));
    const last = rows.at(-1)!;
    after = { at: last.cursorAt, id: last.id };
    if (rows.length < pageSize) return;
  }
}

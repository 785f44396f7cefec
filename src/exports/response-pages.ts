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
  /** Postgres's JSON text of the instant ("2026-11-09T08:30:00.123+00:00"): a Date is made only where it is written. */
  answeredAt: string;
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

/** Answers of the plan's responses: the data rows of a long file (one per answer). */
export async function countAnswers(db: Db, plan: ExportPlan): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .where(exportConditions(plan));
  return Number(row?.n ?? 0);
}

type Cursor = { at: string; id: string };

/** The rows of one page: after `after` (exclusive) up to `through` (inclusive; none for the last page). */
interface PageBounds {
  after: Cursor | null;
  through: Cursor | null;
}

/** Pages whose bounds one boundary query finds: a few index pages of survey_responses, read ahead of the data. */
const BOUNDS_PER_QUERY = 16;

// The cursor keeps started_at as Postgres's own text: a JS Date would drop the microseconds and repeat rows.
const keyAfter = (cursor: Cursor) =>
  sql`(${surveyResponses.startedAt}, ${surveyResponses.id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
const keyThrough = (cursor: Cursor) =>
  sql`(${surveyResponses.startedAt}, ${surveyResponses.id}) <= (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;

/**
 * The bounds of the next pages after `after`: the key of every `pageSize`-th row among the next
 * BOUNDS_PER_QUERY pages (an index-only range on (survey_key, started_at, id)), and whether the rows end there.
 * Knowing where a page ends before its data arrives lets the next page be asked for while this one is still being
 * read and written out, instead of after its last row has been parsed.
 */
async function nextBounds(
  db: Db,
  plan: ExportPlan,
  after: Cursor | null,
  pageSize: number,
): Promise<{ bounds: PageBounds[]; last: boolean }> {
  const window = db
    .select({
      at: sql<string>`${surveyResponses.startedAt}::text`.as("at"),
      id: surveyResponses.id,
      position: sql<number>`row_number() over (order by ${surveyResponses.startedAt}, ${surveyResponses.id})`.as(
        "position",
      ),
    })
    .from(surveyResponses)
    .where(and(exportConditions(plan), after ? keyAfter(after) : undefined))
    .orderBy(asc(surveyResponses.surveyKey), asc(surveyResponses.startedAt), asc(surveyResponses.id))
    .limit(pageSize * BOUNDS_PER_QUERY)
    .as("window");
  const ends = await db
    .select({ at: window.at, id: window.id, position: window.position })
    .from(window)
    .where(sql`${window.position} % ${pageSize} = 0`)
    .orderBy(asc(window.position));
  const bounds: PageBounds[] = [];
  let from = after;
  for (const end of ends) {
    const through = { at: end.at, id: end.id };
    bounds.push({ after: from, through });
    from = through;
  }
  const full = ends.length === BOUNDS_PER_QUERY;
  // Fewer full pages than asked for: what is left after the last of them (maybe nothing) is the final page.
  if (!full) bounds.push({ after: from, through: null });
  return { bounds, last: !full };
}

/** One page; async so that calling it starts the query (a drizzle builder waits to be awaited). */
async function fetchPage(db: Db, plan: ExportPlan, bounds: PageBounds, pageSize: number) {
  // The page is chosen first, from survey_responses alone (an index range on (survey_key, started_at, id)), and
  // only its rows are joined: the planner never sorts the whole survey to find the next thousand.
  const page = db
    .select({
      id: surveyResponses.id,
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
    .where(
      and(
        exportConditions(plan),
        bounds.after ? keyAfter(bounds.after) : undefined,
        bounds.through ? keyThrough(bounds.through) : undefined,
      ),
    )
    .orderBy(asc(surveyResponses.surveyKey), asc(surveyResponses.startedAt), asc(surveyResponses.id))
    .limit(pageSize)
    .as("page");
  return await db
    .select({
      id: page.id,
      // De-identified responses keep no contact; the flag is checked too, in case a contact is still linked. A
      // subquery per row (a primary-key lookup) rather than a join: joined, the planner hashes every contact for
      // each page of a thousand.
      respondentId: sql<string | null>`case when ${page.deidentified} then null else (select ${
        contacts.pseudonymousId
      }::text from ${contacts} where ${contacts.id} = ${page.contactId}) end`,
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
      // The answers as one JSON text per response, already in ExportAnswer's shape: one row per response instead
      // of twelve keeps the driver's per-row work (and a second round trip) off the hot path, and JSON.parse builds
      // the objects directly.
      answers: sql<string>`(select coalesce(json_agg(json_build_object('questionId', ${
        surveyAnswers.questionId
      }, 'value', ${surveyAnswers.value}, 'correct', ${surveyAnswers.correct}, 'answeredAt', ${
        surveyAnswers.answeredAt
      }) order by ${surveyAnswers.id})::text, '[]') from ${surveyAnswers} where ${surveyAnswers.responseId} = ${
        page.id
      })`,
    })
    .from(page)
    .innerJoin(surveyWaves, eq(surveyWaves.id, page.waveId))
    .innerJoin(waveUnits, eq(waveUnits.id, surveyWaves.unitId))
    .leftJoin(respondentUnits, eq(respondentUnits.id, page.unitId))
    .orderBy(asc(page.startedAt), asc(page.id));
}

/** Pages asked for ahead of the one being written out: the database works on them meanwhile. */
const PAGES_AHEAD = 2;

/**
 * The responses of the plan, oldest first, `pageSize` at a time, each with its answers in the order given. Page
 * bounds are found ahead (nextBounds), so up to PAGES_AHEAD further pages are already asked for while the caller
 * writes this one (postgres.js pipelines them on the export's one connection): at most PAGES_AHEAD + 1 pages are in
 * memory, and neither the database nor this process waits for the other.
 */
export async function* responsePages(db: Db, plan: ExportPlan, pageSize = PAGE_SIZE): AsyncGenerator<ExportResponse[]> {
  type Page = Awaited<ReturnType<typeof fetchPage>>;
  const queued: PageBounds[] = [];
  const ahead: Array<Promise<Page>> = [];
  let boundsAfter: Cursor | null = null;
  let boundsDone = false;
  let boundsPending: Promise<void> | null = null;
  // The next bounds are asked for before they are needed and awaited only when no page is left to read, so the
  // small bounds query never holds up a page of data queued before it.
  const requestBounds = () => {
    if (boundsPending || boundsDone) return;
    const pending = nextBounds(db, plan, boundsAfter, pageSize).then((found) => {
      queued.push(...found.bounds);
      boundsDone = found.last;
      boundsAfter = found.bounds.at(-1)?.through ?? boundsAfter;
      boundsPending = null;
    });
    pending.catch(() => {});
    boundsPending = pending;
  };
  const topUp = () => {
    while (ahead.length <= PAGES_AHEAD && queued.length > 0) {
      const page = fetchPage(db, plan, queued.shift()!, pageSize);
      // Failures surface when the page's turn comes; until then they are not unhandled.
      page.catch(() => {});
      ahead.push(page);
    }
    if (queued.length <= PAGES_AHEAD) requestBounds();
  };
  try {
    while (true) {
      topUp();
      if (ahead.length === 0) {
        if (!boundsPending) return;
        await boundsPending;
        continue;
      }
      const rows: Page = await ahead.shift()!;
      topUp();
      if (rows.length === 0) continue;
      // The rows are this generator's own: each becomes its ExportResponse in place, with no copy per row.
      for (const row of rows as unknown as Array<Omit<(typeof rows)[number], "answers"> & { answers: unknown }>)
        row.answers = JSON.parse(row.answers as string) as ExportAnswer[];
      yield rows as unknown as ExportResponse[];
    }
  } finally {
    // Stopped early (the reader went away): the pages already asked for are not wanted, nor are their failures.
    for (const page of ahead) page.catch(() => {});
  }
}

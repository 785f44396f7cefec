// How many survey responses an officer's scope completed, per Vietnamese day, for the console's dashboard: one
// grouped count over the responses in scope (responsesInScope, as the exports and results), with the days that had
// none filled in as zero so a chart shows the gaps.
import { and, count, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { surveyResponses } from "../../db/schema/index";
import type { Principal } from "../officers/principal";
import { responsesInScope } from "./responses-in-scope";

const VIETNAM_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The Vietnamese day (YYYY-MM-DD) of an instant. */
export const vietnamDay = (at: Date) => new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** The instant a Vietnamese day starts. */
export const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - VIETNAM_OFFSET_MS);

/**
 * Completed responses in scope per Vietnamese day of completion: the `days` days up to and including `last`
 * (YYYY-MM-DD; default today).
 */
export async function responsesPerDay(
  db: Db,
  principal: Pick<Principal, "unitPath">,
  options: { days: number; last?: string; now?: Date },
): Promise<Array<{ day: string; count: number }>> {
  const today = options.last ?? vietnamDay(options.now ?? new Date());
  const first = new Date(dayStart(today).getTime() - (options.days - 1) * DAY_MS);
  const end = new Date(dayStart(today).getTime() + DAY_MS);
  const day = sql<string>`to_char(${surveyResponses.completedAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;
  const counted = await db
    .select({ day, n: count() })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.status, "completed"),
        gte(surveyResponses.completedAt, first),
        lt(surveyResponses.completedAt, end),
        responsesInScope(principal),
      ),
    )
    .groupBy(day);
  const byDay = new Map(counted.map((r) => [r.day, Number(r.n)]));
  return Array.from({ length: options.days }, (_, i) => {
    const at = vietnamDay(new Date(first.getTime() + i * DAY_MS));
    return { day: at, count: byDay.get(at) ?? 0 };
  });
}

/** Completed responses in scope completed within [start, end). */
export async function completedResponses(
  db: Db,
  principal: Pick<Principal, "unitPath">,
  start: Date,
  end: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.status, "completed"),
        gte(surveyResponses.completedAt, start),
        lt(surveyResponses.completedAt, end),
        responsesInScope(principal),
      ),
    );
  return Number(row?.n ?? 0);
}

// Abandoned responses expire: a response with no answer for RESPONSE_EXPIRY_MS stops counting as in progress.
// The chat also expires one lazily when its person returns; this sweep keeps officers' counts honest meanwhile.
// Declared as a job in src/jobs.ts (hourly, on Node timers and the Worker's cron alike).
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/db";
import { surveyResponses } from "../../db/schema/index";
import { RESPONSE_EXPIRY_MS } from "../engine/survey-runner";

export async function expireAbandonedResponses(db: Db, now = new Date()): Promise<number> {
  const expired = await db
    .update(surveyResponses)
    .set({ status: "expired" })
    .where(
      and(
        eq(surveyResponses.status, "in_progress"),
        lt(surveyResponses.lastActivityAt, new Date(now.getTime() - RESPONSE_EXPIRY_MS)),
      ),
    )
    .returning({ id: surveyResponses.id });
  return expired.length;
}

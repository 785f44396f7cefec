// The embedded demo's citizen activity: completed survey responses from communes of Hà Nội spread over the last
// 30 days, and four questions escalated to officers (one overdue), all made through the web chat as people would.
import { and, count, gte, isNotNull, lt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { questions, surveyAnswers, surveyResponses } from "../../db/schema/index";
import { seedDemoActivity } from "../../src/entry/demo-activity";
import { createTestApp } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";
import { parseConfig } from "../../src/config";
import { createLogger } from "../../src/log";

describe(`demo activity (${testDriver})`, () => {
  let handle: DbHandle;
  const now = new Date("2026-11-20T03:00:00Z");

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
  });
  afterAll(() => handle?.close());

  it("answers surveys over 30 days and escalates four questions, one overdue", async () => {
    const services = { db: handle.db, config: parseConfig({}), log: createLogger("error", () => {}), channels: {} };
    const app = createTestApp(handle.db);
    const made = await seedDemoActivity(app, services, { citizens: 10, now });
    expect(made.questions).toBe(4);
    const [completed] = await handle.db
      .select({ n: count(), days: sql<number>`count(distinct date_trunc('day', ${surveyResponses.completedAt}))` })
      .from(surveyResponses)
      .where(
        and(
          isNotNull(surveyResponses.completedAt),
          gte(surveyResponses.startedAt, new Date(now.getTime() - 31 * 86400_000)),
        ),
      );
    expect(completed!.n).toBe(10);
    expect(Number(completed!.days)).toBeGreaterThan(3);
    const [answers] = await handle.db.select({ n: count() }).from(surveyAnswers);
    expect(answers!.n).toBeGreaterThanOrEqual(10 * 6);
    const [overdue] = await handle.db.select({ n: count() }).from(questions).where(lt(questions.dueAt, now));
    expect(overdue!.n).toBe(1);
    const [flagged] = await handle.db.select({ n: count() }).from(questions).where(isNotNull(questions.overdueAt));
    expect(flagged!.n).toBe(1);
  }, 120_000);
});

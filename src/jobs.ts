// Periodic work, declared once. The Node server runs each job on its own timer (startJobTimers); the Worker runs
// the jobs that are due at each cron tick (runDueJobs from scheduled()). Campaign ticks and Q&A deadlines join
// this list as jobs of their own.
import type { Db } from "../db/db";
import type { DeliveryReport } from "./conversations/delivery";
import { describeError, type Logger } from "./log";
import type { ChannelRuntimes } from "./services";
import { flagOverdueQuestions } from "./qa/question-service";
import { expireAbandonedResponses } from "./surveys/expire-responses";
import { lawCheck } from "./content/law-check";

export interface JobContext {
  db: Db;
  log: Logger;
  channels: ChannelRuntimes;
}

export interface Job {
  name: string;
  /** How often it runs. On Workers a job runs at every cron tick when this is shorter than the tick. */
  everyMs: number;
  /** Counts of what was done, for the log (nothing is logged when all are zero). */
  run(context: JobContext): Promise<Record<string, number>>;
}

/** The Worker's cron interval: keep in step with `[triggers] crons` in wrangler.toml (a test checks). */
export const CRON_TICK_MS = 60_000;

export const jobs: Job[] = [
  {
    name: "surveys.expire",
    everyMs: 60 * 60 * 1000,
    run: async ({ db }) => ({ expired: await expireAbandonedResponses(db) }),
  },
  {
    // Escalated questions still unanswered at their due time are flagged once (the count is logged); officers list
    // them with ?status=overdue.
    name: "questions.overdue",
    everyMs: 10 * 60 * 1000,
    run: async ({ db }) => ({ flagged: await flagOverdueQuestions(db, new Date()) }),
  },
  {
    // Replies a platform could not take yet (429, 5xx), and anything queued while no one was delivering.
    name: "outbox.deliver",
    everyMs: 5_000,
    run: async ({ channels }) => {
      const total: DeliveryReport = { delivered: 0, deferred: 0, failed: 0, lost: 0, waiting: 0 };
      for (const runtime of Object.values(channels)) {
        const report = await runtime.deliver();
        for (const key of Object.keys(total) as Array<keyof DeliveryReport>) total[key] += report[key];
      }
      return { ...total };
    },
  },
  {
    // A statute's status can change by date alone (a law passed earlier takes effect today): the content-health
    // report is computed on read, this logs what needs fixing once a day.
    name: "content.law_check",
    everyMs: 24 * 60 * 60 * 1000,
    run: async ({ db }) => lawCheck(db, new Date()),
  },
  {
    name: "channels.maintain",
    everyMs: 60 * 60 * 1000,
    run: async ({ channels }) => {
      const total: Record<string, number> = {};
      for (const runtime of Object.values(channels)) {
        for (const [key, n] of Object.entries((await runtime.maintain?.()) ?? {})) total[key] = (total[key] ?? 0) + n;
      }
      return total;
    },
  },
];

/** Runs one job, logging what it did or why it failed; never throws. */
export async function runJob(job: Job, context: JobContext): Promise<void> {
  try {
    const counts = await job.run(context);
    if (Object.values(counts).some((n) => n > 0)) context.log.info(`job.${job.name}`, counts);
  } catch (error) {
    context.log.warn("job.failed", { job: job.name, ...describeError(error) });
  }
}

/** Node: each job on its own timer; a run still going when the next is due is not started twice. */
export function startJobTimers(context: JobContext, list: Job[] = jobs): () => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const timers = list.map((job) => {
    const timer = setInterval(() => {
      if (running.has(job.name)) return;
      const run = runJob(job, context).finally(() => running.delete(job.name));
      running.set(job.name, run);
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.allSettled([...running.values()]);
  };
}

/** Which jobs are due at a cron tick: short ones every tick, longer ones when the tick crosses their period. */
export function dueJobs(scheduledTime: number, tickMs: number = CRON_TICK_MS, list: Job[] = jobs): Job[] {
  return list.filter(
    (job) =>
      job.everyMs <= tickMs ||
      Math.floor(scheduledTime / job.everyMs) !== Math.floor((scheduledTime - tickMs) / job.everyMs),
  );
}

/** Workers: the jobs due at this tick, side by side. */
export async function runDueJobs(context: JobContext, scheduledTime: number, tickMs: number = CRON_TICK_MS) {
  await Promise.all(dueJobs(scheduledTime, tickMs).map((job) => runJob(job, context)));
}

// Periodic work declared once: which jobs run at a Worker cron tick, that the tick matches wrangler.toml, and that
// the Node timers and the Worker run the same job list.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CRON_TICK_MS, dueJobs, jobs } from "../src/jobs";

const HOUR = 60 * 60 * 1000;

describe("jobs", () => {
  it("declares the hourly and 10-minute sweeps, and outbox delivery every few seconds", () => {
    expect(Object.fromEntries(jobs.map((j) => [j.name, j.everyMs]))).toEqual({
      "surveys.expire": HOUR,
      "questions.overdue": 10 * 60_000,
      "outbox.deliver": 5_000,
      "channels.maintain": HOUR,
      "content.law_check": 24 * HOUR,
    });
  });

  it("runs each channel's upkeep and adds up what it did", async () => {
    const maintain = jobs.find((j) => j.name === "channels.maintain")!;
    const idle = async () => ({ delivered: 0, deferred: 0, failed: 0, lost: 0, waiting: 0 });
    const counts = await maintain.run({
      db: undefined as never,
      log: undefined as never,
      channels: {
        zalo_oa: { deliver: idle, maintain: async () => ({ tokensRefreshed: 1 }) },
        telegram: { deliver: idle },
      },
    });
    expect(counts).toEqual({ tokensRefreshed: 1 });
  });

  it("runs outbox delivery at every cron tick and the hourly sweep once an hour", () => {
    const start = Date.UTC(2026, 0, 1, 8, 0, 0);
    const ticks = Array.from({ length: 120 }, (_, i) => start + i * CRON_TICK_MS);
    const runs = (name: string) => ticks.filter((t) => dueJobs(t).some((j) => j.name === name)).length;
    expect(runs("outbox.deliver")).toBe(120);
    expect(runs("surveys.expire")).toBe(2);
  });

  it("has the tick of wrangler.toml's cron trigger", async () => {
    const toml = await readFile(new URL("../wrangler.toml", import.meta.url), "utf8");
    const crons = /crons\s*=\s*\[([^\]]*)\]/.exec(toml)?.[1];
    expect(crons?.trim()).toBe(CRON_TICK_MS === 60_000 ? '"* * * * *"' : "unexpected tick");
  });
});

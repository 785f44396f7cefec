// Planning benchmark: writes the ledger of a campaign whose audience is BENCH_CONTACTS (100,000) subscribers spread
// over every commune and all four channels, on PGlite (in memory) and on Postgres (a fresh database on
// BENCH_DATABASE_URL, default the local `test` server; skipped when it does not answer). The contacts and their
// subscriptions are generated in SQL; the time measured is planCampaign alone (one INSERT … SELECT … ON CONFLICT DO
// NOTHING when re-planning, with spreading), then a second planning that must add nothing (what a resume costs),
// then the floor: as many rows into the ledger by the plainest INSERT … SELECT from contacts (the table's indexes
// and foreign keys cost the same to any planner). Goal (issue 12): under 5 s for 100,000 contacts on both drivers.
//
// `npm run bench:campaigns` (the dispatch benchmark) calls benchCampaignPlan(); run alone with
// `npx tsx test/bench/campaigns-plan.ts`.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { createPgliteDb } from "../../db/client-pglite";
import { createPostgresDb } from "../../db/client-postgres";
import type { DbHandle } from "../../db/db";
import { migrateEmbedded, migrateServer } from "../../db/migrate";
import { campaigns, units } from "../../db/schema/index";
import { seedDatabase } from "../../db/seed/seed-database";
import { planCampaign } from "../../src/campaigns/plan-campaign";

export interface PlanBenchResult {
  driver: "pglite" | "postgres";
  contacts: number;
  planned: number;
  /** planCampaign on an empty ledger. */
  planMs: number;
  /** planCampaign again: nothing to add. */
  replanMs: number;
  replanAdded: number;
  /** The floor: the same number of rows into the ledger by the plainest INSERT … SELECT (no audience, no spread). */
  floorMs: number;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function openDatabase(driver: "pglite" | "postgres", adminUrl: string): Promise<DbHandle> {
  if (driver === "pglite") {
    const handle = await createPgliteDb();
    await migrateEmbedded(handle);
    return handle;
  }
  const name = `loa_bench_plan_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateServer(url.toString());
  const handle = createPostgresDb(url.toString(), { max: 2 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** Plans a campaign of `contacts` subscribers on one driver and returns the times. */
export async function benchCampaignPlan(
  driver: "pglite" | "postgres",
  options: { contacts?: number; adminUrl?: string } = {},
): Promise<PlanBenchResult> {
  const contacts = options.contacts ?? Number(process.env.BENCH_CONTACTS ?? 100_000);
  const adminUrl = options.adminUrl ?? process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const handle = await openDatabase(driver, adminUrl);
  const db = handle.db;
  try {
    await seedDatabase(db, { laws: [] });
    // Subscribers over every commune (a multiplicative hash spreads consecutive numbers) and the four channels.
    await db.execute(sql`
      with c as (select array_agg(id order by id) as ids from units where kind = 'commune' and valid_to is null)
      insert into contacts (channel, platform_id, unit_id)
      select (array['telegram', 'web', 'zalo_oa', 'zalo'])[1 + g % 4], 'bench-' || g,
             c.ids[1 + (g::bigint * 7919) % array_length(c.ids, 1)]
      from c, generate_series(1, ${contacts}::int) as g`);
    await db.execute(sql`insert into subscriptions (contact_id, topic) select id, 'news' from contacts`);
    await db.execute(sql`analyze`);
    const [country] = await db.select({ id: units.id, path: units.path }).from(units).where(eq(units.code, "VN"));
    const [campaign] = await db
      .insert(campaigns)
      .values({
        unitId: country!.id,
        name: "Ngày Pháp luật (bench)",
        channels: ["web", "telegram", "zalo_oa", "zalo"],
        audience: { unitCodes: ["VN"] },
        messages: [{ text: "Tin" }],
        startAt: new Date(),
        spreadHours: 8,
      })
      .returning({ id: campaigns.id });
    let started = performance.now();
    const first = await db.transaction((tx) => planCampaign(tx, campaign!.id, { scopePath: country!.path }));
    const planMs = performance.now() - started;
    started = performance.now();
    const again = await db.transaction((tx) => planCampaign(tx, campaign!.id, { scopePath: country!.path }));
    const replanMs = performance.now() - started;
    const [other] = await db
      .insert(campaigns)
      .values({ unitId: country!.id, name: "sàn", channels: [], audience: {}, messages: [], startAt: new Date() })
      .returning({ id: campaigns.id });
    started = performance.now();
    await db.execute(sql`insert into campaign_deliveries (campaign_id, contact_id, channel, due_at)
      select ${other!.id}::int, id, channel, now() from contacts`);
    const floorMs = performance.now() - started;
    return { driver, contacts, planned: first.targeted, planMs, replanMs, replanAdded: again.added, floorMs };
  } finally {
    await handle.close();
  }
}

async function postgresAnswers(adminUrl: string): Promise<boolean> {
  const client = postgres(adminUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await client`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await client.end({ timeout: 1 });
  }
}

/** Both drivers (Postgres when it answers), as a table on stdout. */
export async function runCampaignPlanBench(): Promise<PlanBenchResult[]> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const results: PlanBenchResult[] = [];
  for (const driver of ["pglite", "postgres"] as const) {
    if (driver === "postgres" && !(await postgresAnswers(adminUrl))) {
      log("postgres: not reachable, skipped");
      continue;
    }
    log(`${driver}: generating subscribers and planning…`);
    results.push(await benchCampaignPlan(driver, { adminUrl }));
  }
  process.stdout.write(
    "| driver | contacts | planned | plan | plan again (adds 0) | floor: plain insert | goal |\n" +
      "| --- | --- | --- | --- | --- | --- | --- |\n",
  );
  for (const r of results) {
    const ok = r.planMs < 5000 && r.planned === r.contacts && r.replanAdded === 0;
    process.stdout.write(
      `| ${r.driver} | ${r.contacts} | ${r.planned} | ${(r.planMs / 1000).toFixed(2)} s | ` +
        `${(r.replanMs / 1000).toFixed(2)} s (${r.replanAdded}) | ${(r.floorMs / 1000).toFixed(2)} s | ` +
        `${ok ? "< 5 s ✓" : "✗"} |\n`,
    );
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCampaignPlanBench();
}

// npm run bench:campaigns: a Law Day campaign to CONTACTS (default 100,000) Telegram subscribers on Postgres, sent
// by the real sender (src/campaigns/campaign-sender.ts, the real telegraf bot) to a local fake Bot API that enforces
// RATE messages a second (default 100, four times Telegram's 25, so the run stays short; 429 with retry_after past
// it). Measured:
// - planning: the INSERT … SELECT that writes one ledger row per subscriber (goal < 5 s); the send then goes to the
//   first RATE × DISPATCH_SECONDS (default 100) of them, planned the same way, so the run stays short;
// - dispatch efficiency: messages the API accepted a second ÷ RATE over EFFICIENCY_SECONDS of the first sender's
//   run, after a 5 s warm-up (goal ≥ 0.95);
// - crash: the first sender (a child process) is killed with SIGKILL mid-run, a second one started; when the
//   campaign is done, duplicates (people the API accepted the message from twice) and losses (people it never
//   accepted one for) are counted (goal: both 0).
// The database `loa_bench_campaigns` is created and dropped (BENCH_KEEP=1 keeps it). `--sender` runs the child.
import { type ChildProcess, spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import postgres from "postgres";
import { createTelegramBot } from "../../bots/telegram/telegram-bot";
import { createPostgresDb } from "../../db/client-postgres";
import { migrateServer } from "../../db/migrate";
import { DEFAULT_CAMPAIGN_RATES } from "../../src/campaigns/campaign-dispatch";
import { startCampaignSender } from "../../src/campaigns/campaign-sender";
import { planCampaign } from "../../src/campaigns/plan-campaign";
import { createLogger } from "../../src/log";
import { FakeRateLimitedBotApi } from "./fake-rate-limited-bot-api";

const CONTACTS = Number(process.env.CONTACTS ?? 100_000);
const RATE = Number(process.env.RATE ?? 100);
const EFFICIENCY_SECONDS = Number(process.env.EFFICIENCY_SECONDS ?? 40);
const SENDERS = Number(process.env.SENDERS ?? 3);
/** How long the send should take at RATE: it goes to this many seconds' worth of the audience (at most all). */
const DISPATCH_SECONDS = Number(process.env.DISPATCH_SECONDS ?? 100);
const DISPATCH = Math.min(CONTACTS, Math.round(RATE * DISPATCH_SECONDS));
const WARM_UP_MS = 5_000;
/** The senders' lease (campaign hand-offs and outbox claims): how long a killed sender's rows wait for a takeover. */
const LEASE_MS = 5_000;
const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = "loa_bench_campaigns";

/** The child: one Node instance's campaign sender, until it is killed (or told to stop). */
async function runSender() {
  const url = process.env.BENCH_DATABASE_URL!;
  const handle = createPostgresDb(url, { max: SENDERS + 3 });
  const log = createLogger("warn");
  const telegram = createTelegramBot({
    token: process.env.BENCH_TOKEN!,
    apiRoot: process.env.BENCH_API_ROOT!,
    username: "loa_bench_bot",
    db: handle.db,
    log,
    pacing: { perSecond: RATE, perChatPerSecond: 1, perChatBurst: 3 },
    leaseMs: LEASE_MS,
  });
  const sender = startCampaignSender({
    db: handle.db,
    log,
    channels: { telegram },
    rates: { ...DEFAULT_CAMPAIGN_RATES, telegram: RATE },
    senders: SENDERS,
    leaseMs: LEASE_MS,
    tickMs: 1_000,
    idleMs: 100,
  });
  process.once("SIGTERM", () => void sender.stop().then(() => handle.close().then(() => process.exit(0))));
}

function startChild(url: string, api: FakeRateLimitedBotApi): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "test/bench/campaigns.ts", "--sender"], {
    env: { ...process.env, BENCH_DATABASE_URL: url, BENCH_API_ROOT: api.url, BENCH_TOKEN: api.token },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
  await admin.unsafe(`create database ${DATABASE}`);
  if (process.env.BENCH_ASYNC_COMMIT) await admin.unsafe(`alter database ${DATABASE} set synchronous_commit = off`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  const children: ChildProcess[] = [];
  const api = await new FakeRateLimitedBotApi({ perSecond: RATE }).start();
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  try {
    await migrateServer(url.toString());
    console.log(`cpus ${cpus().length}, load ${loadavg()[0]!.toFixed(2)}; ${CONTACTS} contacts, rate ${RATE}/s`);
    await sql.unsafe(`insert into units (code, kind, name, full_name, name_folded, path, valid_from)
                      values ('VN', 'country', 'Việt Nam', 'Việt Nam', 'viet nam', '/', '2025-07-01')`);
    // Audiences take only people who named their unit: every bench subscriber is in the country unit.
    await sql.unsafe(`insert into contacts (channel, platform_id, unit_id)
                      select 'telegram', (1000000 + g)::text, (select id from units where code = 'VN')
                        from generate_series(1, ${CONTACTS}) g`);
    await sql.unsafe(`insert into subscriptions (contact_id, topic) select id, 'news' from contacts`);
    const newCampaign = async () => {
      const [campaign] = await sql.unsafe<Array<{ id: number }>>(
        `insert into campaigns (unit_id, name, state, channels, audience, messages, start_at, window_from_minute,
                              window_to_minute)
       select id, 'Ngày Pháp luật Việt Nam 2026', 'running', '["telegram"]', '{"unitCodes":["VN"]}',
              '[{"text":"Hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam 9/11"}]',
              now() - interval '1 minute', 0, 1440
         from units limit 1
       returning id`,
      );
      return campaign!.id;
    };

    // Planning with the product's own planCampaign (what POST /api/campaigns/{id}/schedule runs): one ledger row
    // per subscribed, reachable contact in the audience units on the campaign's channels, due times spread.
    const whole = await newCampaign();
    const planner = createPostgresDb(url.toString(), { max: 1 });
    const planStarted = performance.now();
    let planned: number;
    try {
      planned = (await planCampaign(planner.db, whole, { scopePath: "/" })).added;
    } finally {
      await planner.close();
    }
    if (planned !== CONTACTS) throw new Error(`planning wrote ${planned} rows for ${CONTACTS} subscribers`);
    const planSeconds = (performance.now() - planStarted) / 1000;
    // The send is timed on the first DISPATCH of them (all when the rate sends them in DISPATCH_SECONDS): the
    // whole audience is set aside, and a campaign with those people is planned the same way and sent.
    await sql.unsafe(`update campaigns set state = 'cancelled' where id = $1`, [whole]);
    const id = await newCampaign();
    await sql.unsafe(
      `with planned as (
         insert into campaign_deliveries (campaign_id, contact_id, channel, due_at)
         select $1, c.id, c.channel, now() from contacts c order by c.platform_id limit $2
         returning 1
       )
       update campaigns set targeted = (select count(*) from planned), planned_at = now() where id = $1`,
      [id, DISPATCH],
    );

    // Dispatch efficiency, then the kill.
    const runStarted = performance.now();
    children.push(startChild(url.toString(), api));
    while (api.acceptedAt.length === 0) {
      if (performance.now() - runStarted > 60_000) throw new Error("the sender sent nothing in 60 s");
      await sleep(50);
    }
    const first = api.acceptedAt[0]!;
    await sleep(Math.max(0, first + EFFICIENCY_SECONDS * 1000 - performance.now()));
    const windowMs = EFFICIENCY_SECONDS * 1000 - WARM_UP_MS;
    const achieved = (api.acceptedBetween(first + WARM_UP_MS, first + EFFICIENCY_SECONDS * 1000) * 1000) / windowMs;
    children[0]!.kill("SIGKILL");
    await new Promise((r) => children[0]!.once("exit", r));
    const killedAt = performance.now();
    const beforeKill = api.acceptedAt.length;

    // The restart: takes over what the killed sender held (after the lease) and finishes the campaign.
    children.push(startChild(url.toString(), api));
    for (;;) {
      const [left] = await sql.unsafe<Array<{ n: number }>>(
        `select count(*)::int as n from campaign_deliveries
          where campaign_id = $1 and state in ('queued', 'sending', 'waiting')`,
        [id],
      );
      if (left!.n === 0) break;
      if (performance.now() - killedAt > 10 * 60_000) throw new Error(`${left!.n} rows left after 10 minutes`);
      await sleep(500);
    }
    const finished = performance.now();
    const restartRate = ((api.acceptedAt.length - beforeKill) * 1000) / (finished - killedAt);
    await sleep(1_000);

    const states = await sql.unsafe<Array<{ state: string; n: number }>>(
      `select state, count(*)::int as n from campaign_deliveries where campaign_id = $1 group by state order by 1`,
      [id],
    );
    const [{ uncertain } = { uncertain: 0 }] = await sql.unsafe<Array<{ uncertain: number }>>(
      `select count(*)::int as uncertain from campaign_deliveries where campaign_id = $1 and last_error = 'uncertain'`,
      [id],
    );
    const duplicates = [...api.received.values()].filter((n) => n > 1).length;
    let losses = 0;
    for (let g = 1; g <= DISPATCH; g++) if (!api.received.has(String(1_000_000 + g))) losses++;
    const table = [
      ["planning", `${CONTACTS} ledger rows`, `${planSeconds.toFixed(2)} s`, "< 5 s", planSeconds < 5],
      [
        "dispatch efficiency",
        `${achieved.toFixed(1)}/s of ${RATE}/s over ${windowMs / 1000} s`,
        (achieved / RATE).toFixed(3),
        "≥ 0.95",
        achieved / RATE >= 0.95,
      ],
      ["sent to", `${DISPATCH} people`, "", "", true],
      ["sent before kill -9", `${beforeKill}`, "", "", true],
      ["after restart", `${api.acceptedAt.length - beforeKill} at ${restartRate.toFixed(1)}/s`, "", "", true],
      ["429 answers", `${api.refused}`, "", "", true],
      ["duplicates", `${duplicates}`, "", "0", duplicates === 0],
      ["uncertain (in flight at the kill, not resent)", `${uncertain}`, "", "", true],
      ["losses", `${losses}`, "", "0", losses === 0],
      ["ledger", states.map((s) => `${s.state} ${s.n}`).join(", "), "", "", true],
      ["total run", `${((finished - runStarted) / 1000).toFixed(1)} s`, "", "", true],
    ];
    console.log("\n| measure | value | ratio/time | goal | met |\n| --- | --- | --- | --- | --- |");
    for (const row of table) console.log(`| ${row.slice(0, 4).join(" | ")} | ${row[4] ? "yes" : "NO"} |`);
  } finally {
    const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
    for (const child of running) child.kill("SIGTERM");
    await Promise.all(running.map((c) => new Promise((r) => c.once("exit", r))));
    await sql.end({ timeout: 5 });
    await api.stop();
    if (!process.env.BENCH_KEEP) await admin.unsafe(`drop database if exists ${DATABASE} with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
}

if (process.argv.includes("--sender")) void runSender();
else
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });

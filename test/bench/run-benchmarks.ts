// npm run bench: web chat throughput and latency on the real Node server, with PGlite and with Postgres, beside a
// static JSON route on the same server (the floor), and the time from `npm start` to healthy. With Postgres, the
// reference peer (../shared/bench/peer-minimal-chat.mjs: the least work a correct chat message needs, on bare Hono
// + postgres.js) runs in the same run against the same database server, so the ratios compare like with like.
// Load goes only to 127.0.0.1; every run is bounded (BENCH_SECONDS, default 10 s, 50 connections).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { webIdentity } from "../../bots/web/web-identity";
import type { Db } from "../../db/db";
import { BotApiEmulator } from "../support/bot-api-emulator";
import { FakeZaloOa, signedZaloEvent, userText } from "../support/fake-zalo-oa";
import { freePort, startServer, type RunningServer } from "../support/node-server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const USERS = 500;
const PEER_SCRIPT = process.env.BENCH_PEER ?? "../shared/bench/peer-minimal-chat.mjs";

// The server under test signs web chat ids with this key, so the bench can sign them the same way up front.
const SESSION_SECRET = "bench-session-secret-0123456789abcdefghij";
const signedUsers = await Promise.all(
  Array.from({ length: USERS }, (_, n) =>
    webIdentity.sign({ db: undefined as unknown as Db, config: { SESSION_SECRET } }, `bench-${n}`),
  ),
);

/** The signed web chat user id of the n-th simulated person: the one place the bench makes user ids. */
function benchUser(n: number): string {
  return signedUsers[n % USERS]!;
}

// A mix of what people do: open the menu, browse lists and articles, search with and without diacritics.
const MESSAGES = [
  "menu",
  "topics",
  "1",
  "2",
  "lessons",
  "ly hon",
  "đăng ký tạm trú",
  "kết hôn",
  "quyền tiếp cận thông tin",
  "art:1197",
  "doc:2:p3",
  "3",
];

interface Row {
  driver: string;
  route: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, kind: "chat" | "floor", chatPath = "/web/messages", floorPath = "/api/version") {
  let n = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests:
      kind === "floor"
        ? [{ method: "GET", path: floorPath }]
        : [
            {
              method: "POST",
              path: chatPath,
              headers: { "content-type": "application/json" },
              setupRequest: (request) => {
                n++;
                const user = benchUser(n);
                const text = MESSAGES[(n * 7) % MESSAGES.length]!;
                return { ...request, body: JSON.stringify({ user, text }) };
              },
            },
          ],
  });
}

/** The reference peer on the same database server: /msg (5 round trips), /msg2 (2), /floor. */
async function benchPeer(databaseUrl: string): Promise<Row[]> {
  if (!existsSync(PEER_SCRIPT)) {
    console.error(`peer not found at ${PEER_SCRIPT} (BENCH_PEER): skipped`);
    return [];
  }
  const port = await freePort();
  const child = spawn(process.execPath, [PEER_SCRIPT], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`peer not ready:\n${output}`)), 30_000);
      child.stdout!.on("data", (chunk) => {
        output += chunk;
        if (output.includes("peer ready")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.on("data", (chunk) => (output += chunk));
      child.once("exit", (code) => reject(new Error(`peer exited with ${code}:\n${output}`)));
    });
    const url = `http://127.0.0.1:${port}`;
    const msg = await load(url, "chat", "/msg");
    const msg2 = await load(url, "chat", "/msg2");
    const floor = await load(url, "floor", "/msg", "/floor");
    return [
      row("peer", "POST /msg (5 round trips)", msg),
      row("peer", "POST /msg2 (2 round trips, cached topics)", msg2),
      row("peer", "GET /floor (floor)", floor),
    ];
  } finally {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

function row(driver: string, route: string, result: autocannon.Result): Row {
  return {
    driver,
    route,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function benchDriver(
  driver: "pglite" | "postgres",
): Promise<{ rows: Row[]; peerRows: Row[]; coldStartMs: number; warmStartMs: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), "loa-bench-"));
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  let env: Record<string, string>;
  if (driver === "postgres") {
    await admin.unsafe("drop database if exists loa_bench with (force)");
    await admin.unsafe("create database loa_bench");
    const url = new URL(ADMIN_URL);
    url.pathname = "/loa_bench";
    env = { DATABASE_URL: url.toString(), LOG_LEVEL: "warn", SESSION_SECRET };
  } else {
    env = { PGLITE_DATA_DIR: join(dataDir, "pglite"), LOG_LEVEL: "warn", SESSION_SECRET };
  }
  let server: RunningServer | undefined;
  try {
    // Cold: empty database (PGlite copies the seeded template; Postgres migrates and seeds). Then warm: data kept.
    server = await startServer(env, 120_000, ["npm", "start", "--silent"]);
    const coldStartMs = server.startupMs;
    await server.stop();
    server = await startServer(env, 120_000, ["npm", "start", "--silent"]);
    const warmStartMs = server.startupMs;

    const chat = await load(server.url, "chat");
    const floor = await load(server.url, "floor");
    await server.stop();
    server = undefined;
    const peerRows = driver === "postgres" ? await benchPeer(env.DATABASE_URL!) : [];
    return {
      rows: [row(driver, "POST /web/messages (mix)", chat), row(driver, "GET /api/version (floor)", floor)],
      peerRows,
      coldStartMs,
      warmStartMs,
    };
  } finally {
    await server?.stop();
    if (driver === "postgres")
      await admin.unsafe("drop database if exists loa_bench with (force)").catch(() => undefined);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A new, empty database of that name on the benchmark's Postgres server, and how to drop it afterwards. */
async function scratchDatabase(name: string): Promise<{ url: URL; drop: () => Promise<void> }> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.end();
    },
  };
}

/** Telegram webhook updates on the Node server with Postgres; the local Bot API emulator takes the replies. */
async function benchTelegramWebhook(): Promise<{
  row: Row;
  repliesSent: number;
  updates: number;
  queue: { delivered: number; pending: number; processed: number };
}> {
  const api = await new BotApiEmulator().start();
  const { url, drop } = await scratchDatabase("loa_bench_tg");
  const secret = "bench-webhook-secret-0123456789";
  let server: RunningServer | undefined;
  try {
    server = await startServer(
      {
        DATABASE_URL: url.toString(),
        LOG_LEVEL: "warn",
        TELEGRAM_BOT_TOKEN: api.token,
        TELEGRAM_WEBHOOK_SECRET: secret,
        TELEGRAM_API_ROOT: api.url,
        TELEGRAM_MODE: "webhook",
      },
      120_000,
    );
    let updateId = 1;
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: "POST",
          path: "/telegram/webhook",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
          setupRequest: (request) => {
            const id = updateId++;
            const chat = 1_000_000 + (id % USERS);
            const text = MESSAGES[(id * 7) % MESSAGES.length]!;
            const update = {
              update_id: id,
              message: {
                message_id: id,
                date: 0,
                chat: { id: chat, type: "private" },
                from: { id: chat, is_bot: false, first_name: "B" },
                text,
              },
            };
            return { ...request, body: JSON.stringify(update) };
          },
        },
      ],
    });
    // Let the replies queued during the run drain before counting what Telegram received and what is still queued.
    await new Promise((r) => setTimeout(r, 3000));
    const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const [queue] = await db<Array<{ delivered: number; pending: number; processed: number }>>`
      select count(*) filter (where delivered_at is not null)::int as delivered,
             count(*) filter (where delivered_at is null and failed_at is null)::int as pending,
             (select count(*)::int from processed_updates where channel = 'telegram') as processed
      from outbox_messages where channel = 'telegram'`;
    await db.end();
    return {
      row: row("postgres", "POST /telegram/webhook (mix)", result),
      repliesSent: api.sent().length,
      updates: updateId - 1,
      queue: queue!,
    };
  } finally {
    await server?.stop();
    await api.stop();
    await drop();
  }
}

/**
 * Zalo OA webhook events on the Node server with Postgres: signed like Zalo's, answered at once and processed
 * after. Counts how many were processed once the run is over, and how many replies the fake OA API received (the
 * OA sends at its configured pace, so most replies are still queued when the run ends: that is the pacing).
 */
async function benchZaloWebhook(): Promise<{
  row: Row;
  events: number;
  processed: number;
  drainMs: number;
  repliesSent: number;
  rssMb: number;
}> {
  const api = await new FakeZaloOa().start();
  const { url, drop } = await scratchDatabase("loa_bench_zalo");
  let server: RunningServer | undefined;
  try {
    server = await startServer(
      {
        DATABASE_URL: url.toString(),
        LOG_LEVEL: "warn",
        ...api.env(),
        ZALO_OA_MESSAGES_PER_SECOND: "50",
      },
      120_000,
    );
    let eventId = 1;
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: "POST",
          path: "/zalo/webhook",
          setupRequest: (request) => {
            const id = eventId++;
            const user = String(2_000_000 + (id % USERS));
            const event = userText(user, MESSAGES[(id * 7) % MESSAGES.length]!, `bench-${id}`);
            const { rawBody, signature } = signedZaloEvent(event);
            return {
              ...request,
              headers: { "content-type": "application/json", "x-zevent-signature": signature },
              body: rawBody,
            };
          },
        },
      ],
    });
    const events = eventId - 1;
    // The events acknowledged during the run are still being handled: wait until every one is.
    const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const ended = performance.now();
    let processed = 0;
    for (let i = 0; i < 600; i++) {
      const [row] = await db<Array<{ n: number }>>`
        select count(*)::int as n from processed_updates where channel = 'zalo_oa'`;
      processed = row!.n;
      if (processed >= result.requests.total) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const drainMs = performance.now() - ended;
    await db.end();
    const rssMb = await serverRssMb(server);
    return {
      row: row("postgres", "POST /zalo/webhook (mix)", result),
      events,
      processed,
      drainMs,
      repliesSent: api.sent.length,
      rssMb,
    };
  } finally {
    await server?.stop();
    await api.stop();
    await drop();
  }
}

/** The server process's resident memory, from /proc (Linux), in MB. */
async function serverRssMb(server: RunningServer): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${server.process.pid}/status`, "utf8").catch(() => "");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const drivers = (process.env.BENCH_DRIVERS ?? "pglite,postgres")
  .split(",")
  .filter((d) => d === "pglite" || d === "postgres") as Array<"pglite" | "postgres">;
const loadBefore = loadavg()
  .map((l) => l.toFixed(2))
  .join(", ");
const rows: Row[] = [];
const starts: string[] = [];
let telegramNote = "";
for (const driver of drivers) {
  console.error(`benchmarking ${driver}…`);
  const result = await benchDriver(driver);
  rows.push(...result.rows, ...result.peerRows);
  starts.push(
    `| ${driver} | ${(result.coldStartMs / 1000).toFixed(1)} s | ${(result.warmStartMs / 1000).toFixed(1)} s |`,
  );
}

if (process.env.BENCH_TELEGRAM !== "0") {
  console.error("benchmarking the Telegram webhook…");
  const telegram = await benchTelegramWebhook();
  rows.push(telegram.row);
  console.error(
    `telegram: ${telegram.updates} updates sent, ${telegram.repliesSent} replies received by the local Bot API server`,
  );
  telegramNote =
    `Telegram webhook: ${telegram.updates} updates posted, ${telegram.queue.processed} processed, ` +
    `${telegram.queue.delivered} replies delivered (${telegram.repliesSent} messages received by the local Bot API ` +
    `server), ${telegram.queue.pending} still queued 3 s after the run.`;
}

let zaloNote = "";
if (process.env.BENCH_ZALO !== "0") {
  console.error("benchmarking the Zalo OA webhook…");
  const zalo = await benchZaloWebhook();
  rows.push(zalo.row);
  zaloNote =
    `Zalo OA webhook: ${zalo.events} events posted, ${zalo.row.requestsPerSecond} acknowledged a second, ` +
    `${zalo.processed} processed (the last ${Math.round(zalo.drainMs)} ms after the run), ${zalo.repliesSent} ` +
    `replies received by the fake OA API at 50 a second; server RSS afterwards ${zalo.rssMb} MB.`;
}

console.log(
  `\n## Web chat (${SECONDS} s, ${CONNECTIONS} connections, 127.0.0.1, ` +
    `${process.platform} ${process.arch}, Node ${process.version})\n`,
);
console.log(
  `Load average before: ${loadBefore}; after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}\n`,
);
console.log("| driver | route | req/s | of floor | p50 ms | p99 ms | errors | non-2xx |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  // Each server's routes against its own floor route, measured in this run.
  const floor = rows.find((f) => f.driver === r.driver && f.route.includes("(floor)"));
  const ratio = floor && floor !== r ? (r.requestsPerSecond / floor.requestsPerSecond).toFixed(3) : "";
  console.log(
    `| ${r.driver} | ${r.route} | ${r.requestsPerSecond} | ${ratio} | ${r.p50} | ${r.p99} ` +
      `| ${r.errors} | ${r.non2xx} |`,
  );
}
if (telegramNote) console.log(`\n${telegramNote}`);
if (zaloNote) console.log(`\n${zaloNote}`);
console.log("\n## `npm start` to healthy\n");
console.log("| driver | empty database (template copy / migrate + seed) | restart (data kept) |");
console.log("|---|---:|---:|");
for (const line of starts) console.log(line);

// npm run bench:round-trips: SQL statements and round trips per message kind, on the driver this run uses
// (PGlite by default, Postgres with DATABASE_URL). Not a timed test: it counts, it does not measure speed.
//
// Definitions (the same for every kind):
// - a statement is one ReadyForQuery from the server (one Sync or simple Query: BEGIN and COMMIT count);
// - a round trip is one wait on the database: on Postgres, each time the client sends after the server has answered
//   (statements pipelined in one write count once), observed by a TCP proxy between postgres.js and the server;
//   PGlite has no pipelining (every statement is one awaited call into the embedded engine), so there a round trip
//   is one statement.
// Each kind runs twice in a row as a warm server would see it (prepared statements known, caches filled by an
// earlier identical message); the table shows the second run (warm) and the first (cold) for the Telegram path.
import { createServer, connect, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { asc, eq } from "drizzle-orm";
import { createPostgresDb } from "../../db/client-postgres";
import type { Db, DbHandle } from "../../db/db";
import { articles, legalDocuments } from "../../db/schema/index";
import { processInbound, type InboundMessage } from "../../src/conversations/process-inbound";
import type { Reply } from "../../src/engine/replies";
import { createTestDb, testDriver } from "../support/test-db";

interface Counter {
  statements: number;
  roundTrips: number;
}

const counter: Counter = { statements: 0, roundTrips: 0 };

/** A TCP proxy to Postgres that counts ReadyForQuery messages and client turns. */
async function startCountingProxy(target: URL): Promise<{ server: Server; port: number }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let serverSpokeLast = true;
    let pending = Buffer.alloc(0);
    client.on("data", (chunk) => {
      if (serverSpokeLast) counter.roundTrips++;
      serverSpokeLast = false;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      serverSpokeLast = true;
      // Server messages: a type byte and a 4-byte length (which includes itself). Count 'Z' (ReadyForQuery).
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 5) {
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        if (pending[0] === 0x5a) counter.statements++;
        pending = pending.subarray(1 + length);
      }
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
  });
  server.on("close", () => {
    for (const s of sockets) s.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : 0 };
}

/** PGlite: every statement ends with a Sync (extended protocol) or is one simple Query followed by a Sync. */
function countPglite(client: PGlite): void {
  const original = client.execProtocolStream.bind(client);
  client.execProtocolStream = (message, options) => {
    // Sync is the 5-byte message 'S' 0 0 0 4.
    if (message.length === 5 && message[0] === 0x53) {
      counter.statements++;
      counter.roundTrips++;
    }
    return original(message, options);
  };
}

async function measure(db: Db, message: InboundMessage): Promise<Counter & { replies: Reply[] }> {
  counter.statements = 0;
  counter.roundTrips = 0;
  const result = await processInbound(db, message);
  const measured = { statements: counter.statements, roundTrips: counter.roundTrips };
  return { ...measured, replies: result.status === "processed" ? result.replies : [] };
}

const base = await createTestDb({ seed: "quick" });
let db: Db = base.db;
let proxy: Server | undefined;
let counted: DbHandle | undefined;
if (testDriver === "postgres") {
  const url = new URL((base as DbHandle & { url: string }).url);
  const started = await startCountingProxy(new URL(url));
  proxy = started.server;
  url.hostname = "127.0.0.1";
  url.port = String(started.port);
  // One connection, so every statement of a turn goes through one counted socket, in order.
  counted = createPostgresDb(url.toString(), { max: 1 });
  db = counted.db;
} else {
  countPglite((base as DbHandle & { client: PGlite }).client);
}

// Ids of real rows, so each kind does its real work.
const [target] = await base.db
  .select({ doc: legalDocuments.id, art: articles.id })
  .from(legalDocuments)
  .innerJoin(articles, eq(articles.documentId, legalDocuments.id))
  .where(eq(legalDocuments.status, "published"))
  .orderBy(asc(legalDocuments.id), asc(articles.ordinal))
  .limit(1);
if (!target) throw new Error("the seeded database has no published article");

const kinds: Array<{ kind: string; texts: (user: string) => string[] }> = [
  { kind: "menu", texts: () => ["menu"] },
  { kind: "browse a list (articles of a statute)", texts: () => [`doc:${target.doc}`] },
  { kind: "an article", texts: () => [`art:${target.art}`] },
  { kind: "search", texts: () => ["ly hon"] },
];

const rows: string[] = [];
let userN = 0;
for (const { kind, texts } of kinds) {
  const user = `rt-${++userN}`;
  await processInbound(db, { channel: "web", platformId: user, text: "menu" });
  let cold: Counter | undefined;
  let warm: Counter | undefined;
  for (const text of texts(user)) {
    cold = await measure(db, { channel: "web", platformId: user, text });
    warm = await measure(db, { channel: "web", platformId: user, text });
  }
  const telegram = await measure(db, {
    channel: "telegram",
    platformId: `tg-${user}`,
    text: texts(user)[0]!,
    updateKey: `rt-${userN}`,
    queueReplies: true,
  });
  rows.push(
    `| ${kind} | ${warm!.statements} | ${warm!.roundTrips} | ${cold!.statements} | ${cold!.roundTrips} | ` +
      `${telegram.statements} | ${telegram.roundTrips} |`,
  );
}

// A survey answer: start a survey, consent, then answer the first question with its first option.
{
  const user = `rt-survey`;
  const say = (text: string) => measure(db, { channel: "web", platformId: user, text });
  await say("menu");
  const list = await say("khảo sát");
  const optionsOf = (turn: { replies: Reply[] }) => turn.replies.at(-1)?.options ?? [];
  const start = optionsOf(list).find((o) => o.value.startsWith("survey:"))!.value;
  await say(start);
  const question = await say("c:yes");
  const answer = await say(optionsOf(question)[0]!.value);
  const next = await say(optionsOf(answer)[0]!.value);
  rows.push(
    `| a survey answer (a choice) | ${next.statements} | ${next.roundTrips} | ${answer.statements} | ` +
      `${answer.roundTrips} | – | – |`,
  );
}

console.log(`\n## Statements and round trips per message (${testDriver})\n`);
console.log(
  "| message kind | statements | round trips | statements (content not cached yet) " +
    "| round trips (content not cached yet) " +
    "| Telegram statements | Telegram round trips |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const row of rows) console.log(row);

await counted?.close();
proxy?.close();
await base.close();

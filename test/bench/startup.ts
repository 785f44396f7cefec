// npm run bench:startup: the time from `npm start` to a healthy /health on the embedded database, first start on an
// empty data folder (migrate + seed) and restarts with the data kept; idle, then beside BUSY (default 2) CPU-bound
// processes like the ones that share this machine with it. Bounded: each busy process
// ends itself after 300 s.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../support/node-server";

const RUNS = Number(process.env.STARTUP_RUNS ?? 3);
const BUSY = Number(process.env.STARTUP_BUSY ?? 2);
const COMMAND = (process.env.STARTUP_COMMAND ?? "npm start --silent").split(" ");

async function measure(): Promise<{ first: number[]; restart: number[] }> {
  const first: number[] = [];
  const restart: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = await mkdtemp(join(tmpdir(), "loa-startup-"));
    const env = { PGLITE_DATA_DIR: join(dir, "pglite"), LOG_LEVEL: "warn" };
    try {
      let server = await startServer(env, 180_000, COMMAND);
      first.push(server.startupMs);
      await server.stop();
      server = await startServer(env, 180_000, COMMAND);
      restart.push(server.startupMs);
      await server.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return { first, restart };
}

function busy(count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    // Each one stops itself after 300 s, so a crashed bench leaves nothing spinning.
    spawn(process.execPath, ["-e", "const end = Date.now() + 300000; while (Date.now() < end);"], { stdio: "ignore" }),
  );
}

const format = (ms: number[]) => ms.map((m) => (m / 1000).toFixed(1)).join(", ");
const rows: string[] = [];
const idleLoad = loadavg()[0]!.toFixed(2);
const idle = await measure();
rows.push(`| idle (load ${idleLoad}) | ${format(idle.first)} | ${format(idle.restart)} |`);
if (BUSY > 0) {
  const hogs = busy(BUSY);
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const loaded = await measure();
    rows.push(`| beside ${BUSY} busy processes | ${format(loaded.first)} | ${format(loaded.restart)} |`);
  } finally {
    for (const hog of hogs) hog.kill("SIGKILL");
  }
}
console.log(`\n## \`${COMMAND.join(" ")}\` to healthy (seconds, ${RUNS} runs)\n`);
console.log("| machine | empty database (seeded template copied) | restart (data kept) |");
console.log("| --- | --- | --- |");
for (const row of rows) console.log(row);

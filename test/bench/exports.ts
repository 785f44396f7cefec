// npm run bench:exports: what an officer gets when exporting a large survey, on Postgres. Generates RESPONSES
// (default 100,000) responses × 12 answers across every commune (test/bench/bench-responses.ts), then downloads
// GET /api/exports/responses as CSV, JSONL and XLSX from the real Node server (a fresh server per format, so its peak
// RSS is that export's), and runs `npm run export` for CSV and XLSX. The floor: Postgres's own
// COPY (SELECT …) TO STDOUT WITH CSV of the same rows and columns (codes, labels, 0/1 per option, Vietnamese time).
// Goals: CSV within 2× of COPY; XLSX peak RSS under 300 MB. Peak RSS is sampled every 20 ms while the export runs
// (for the server: its whole process; the table shows what it held before the export too).
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { createPostgresDb } from "../../db/client-postgres";
import { migrateServer } from "../../db/migrate";
import { seedDatabase } from "../../db/seed/seed-database";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { questionOptions, type SurveyDefinition } from "../../surveys/schema";
import { startServer } from "../support/node-server";
import { BENCH_SURVEY, generateResponses } from "./bench-responses";

const RESPONSES = Number(process.env.RESPONSES ?? 100_000);
const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = "loa_bench_exports";
/** What `npm run export` runs (package.json), so the process measured is the command itself. */
const CLI = ["--max-old-space-size=128", "--import", "tsx", "src/cli/export.ts"];
/** A heap cap for the server rows that show how much of its peak is garbage not yet collected. */
const SERVER_CAP = "--max-old-space-size=160";

interface Row {
  what: string;
  seconds: number;
  megabytes: number;
  peakRssMb: number | null;
  idleRssMb?: number;
}

const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;
const vietnamTime = (column: string) => `to_char(${column} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI:SS')`;

/** The wide export's rows and columns, computed by Postgres alone. */
export function copyQuery(definition: SurveyDefinition): string {
  const columns = [
    "case when r.deidentified then null else c.pseudonymous_id::text end",
    "r.id",
    "r.survey_version",
    "r.wave_id",
    "w.name",
    "wu.code",
    "ru.code",
    "ru.full_name",
    "r.channel",
    "r.status",
    vietnamTime("r.started_at"),
    vietnamTime("r.completed_at"),
  ];
  for (const question of definition.questions) {
    const answer = `x.a->${sqlText(question.id)}`;
    const options = questionOptions(question);
    const label = (code: string) =>
      `case ${code} ${options!.map((o) => `when ${sqlText(o.code)} then ${sqlText(o.label)}`).join(" ")} end`;
    if (question.type === "multi") {
      const codes = `jsonb_array_elements_text(${answer}->'codes') v`;
      columns.push(
        `(select string_agg(v, ';') from ${codes})`,
        `(select string_agg(${label("v")}, '; ') from ${codes})`,
      );
      for (const option of options!)
        columns.push(
          `case when x.a ? ${sqlText(question.id)} then (${answer}->'codes' ? ${sqlText(option.code)})::int end`,
        );
    } else if (options) {
      columns.push(`${answer}->'codes'->>0`, label(`${answer}->'codes'->>0`));
    } else if (question.type === "unit") {
      columns.push(`${answer}->>'code'`, `${answer}->>'name'`);
    } else columns.push(`${answer}->>'value'`);
  }
  return (
    `copy (select ${columns.join(", ")} from survey_responses r join survey_waves w on w.id = r.wave_id ` +
    "join units wu on wu.id = w.unit_id left join units ru on ru.id = r.unit_id " +
    "left join contacts c on c.id = r.contact_id cross join lateral (select jsonb_object_agg(question_id, value) " +
    "as a from survey_answers where response_id = r.id) x " +
    `where r.survey_key = ${sqlText(definition.key)} order by r.survey_key, r.started_at, r.id) ` +
    "to stdout with (format csv, header true)"
  );
}

async function copyFloor(url: string, jit: boolean): Promise<Row> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Postgres compiles a plan this costly with JIT by default (about 2 s here): the floor is shown both ways.
    if (!jit) await sql.unsafe("set jit = off");
    const started = performance.now();
    let bytes = 0;
    for await (const chunk of await sql.unsafe(copyQuery(BENCH_SURVEY)).readable()) bytes += (chunk as Buffer).length;
    return {
      what: `Postgres COPY … TO STDOUT WITH CSV${jit ? "" : " (jit off)"}`,
      seconds: secondsSince(started),
      megabytes: mb(bytes),
      peakRssMb: null,
    };
  } finally {
    await sql.end();
  }
}

const secondsSince = (started: number) => (performance.now() - started) / 1000;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Resident memory of a process from /proc (kB → MB): now, and the peak so far. */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

/** Samples a process's resident memory every 20 ms until stopped; the highest value seen. */
function sampleRss(pid: number): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    memoryOf(pid).then(
      (m) => (peak = Math.max(peak, m.rss)),
      () => {},
    );
  }, 20);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

async function overHttp(url: string, token: string, format: string, nodeOptions = ""): Promise<Row> {
  const env: Record<string, string> = { DATABASE_URL: url, LOG_LEVEL: "warn" };
  if (nodeOptions) env.NODE_OPTIONS = nodeOptions;
  // What `npm start` runs (the bundle of the sources, in this process), so the RSS is the server's own, without
  // tsx compiling TypeScript in memory.
  const server = await startServer(env, 120_000, [process.execPath, "--enable-source-maps", "src/entry/start.mjs"]);
  try {
    const pid = server.process.pid!;
    const idle = await memoryOf(pid);
    const stop = sampleRss(pid);
    const started = performance.now();
    const response = await fetch(`${server.url}/api/exports/responses?survey=${BENCH_SURVEY.key}&format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200) throw new Error(`${format}: ${response.status} ${await response.text()}`);
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    const seconds = secondsSince(started);
    const peak = Math.max(stop(), (await memoryOf(pid)).rss);
    return {
      what: `GET /api/exports/responses ${format} (Node server${nodeOptions ? `, ${nodeOptions}` : ""})`,
      seconds,
      megabytes: mb(bytes),
      peakRssMb: peak,
      idleRssMb: idle.rss,
    };
  } finally {
    await server.stop();
  }
}

async function overCli(url: string, format: string, dir: string): Promise<Row> {
  const out = join(dir, `export.${format}`);
  const started = performance.now();
  const child = spawn(process.execPath, [...CLI, "--survey", BENCH_SURVEY.key, "--format", format, "--out", out], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const stop = sampleRss(child.pid!);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const peak = stop();
  if (code !== 0) throw new Error(`npm run export ${format} failed:\n${stderr}`);
  return {
    what: `npm run export -- --format ${format} (CLI, to a file)`,
    seconds: secondsSince(started),
    megabytes: mb((await stat(out)).size),
    peakRssMb: peak,
  };
}

async function main() {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
  await admin.unsafe(`create database ${DATABASE}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  const dir = await mkdtemp(join(tmpdir(), "loa-bench-exports-"));
  try {
    await migrateServer(url.toString());
    const handle = createPostgresDb(url.toString(), { max: 1 });
    let token: string;
    let generated: Awaited<ReturnType<typeof generateResponses>>;
    const seeded = performance.now();
    try {
      await seedDatabase(handle.db, { laws: [] });
      token = (
        await bootstrapOfficer(handle.db, {
          name: "Đo hiệu năng",
          email: "bench@loa.test",
          role: "admin",
          unitCode: "VN",
        })
      ).token;
      const generating = performance.now();
      generated = await generateResponses(handle.db, { responses: RESPONSES });
      console.error(
        `seeded in ${secondsSince(seeded).toFixed(1)} s; generated ${generated.responses} responses, ` +
          `${generated.answers} answers over ${generated.communes} communes ` +
          `in ${secondsSince(generating).toFixed(1)} s`,
      );
    } finally {
      await handle.close();
    }

    const rows: Row[] = [];
    const copies = [await copyFloor(url.toString(), true), await copyFloor(url.toString(), false)];
    rows.push(...copies);
    // The floor is the faster of the two.
    const floor = copies.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    if (!process.env.BENCH_ONLY_DATA) {
      // BENCH_ONLY_CSV=1: the CSV rows alone (the speed goal), for a quicker look.
      const only = (formats: string[]) => (process.env.BENCH_ONLY_CSV ? ["csv"] : formats);
      for (const format of only(["csv", "jsonl", "xlsx"])) rows.push(await overHttp(url.toString(), token, format));
      for (const format of only(["csv", "xlsx"])) rows.push(await overHttp(url.toString(), token, format, SERVER_CAP));
      for (const format of only(["csv", "xlsx"])) rows.push(await overCli(url.toString(), format, dir));
    }

    console.log(
      `\n## Exports: ${generated.responses.toLocaleString("en")} responses × ${BENCH_SURVEY.questions.length} ` +
        `answers (${generated.answers.toLocaleString("en")}), ${generated.communes.toLocaleString("en")} communes, ` +
        "Postgres\n",
    );
    console.log("| export | time (s) | × floor | size (MB) | peak RSS while exporting (MB) |");
    console.log("| --- | --- | --- | --- | --- |");
    for (const row of rows) {
      const ratio = (row.seconds / floor.seconds).toFixed(2);
      const rss =
        row.peakRssMb === null
          ? "–"
          : `${row.peakRssMb.toFixed(0)}${row.idleRssMb ? ` (idle ${row.idleRssMb.toFixed(0)})` : ""}`;
      console.log(`| ${row.what} | ${row.seconds.toFixed(2)} | ${ratio} | ${row.megabytes.toFixed(1)} | ${rss} |`);
    }
    if (process.env.BENCH_ONLY_DATA) return;
    const csv = rows.find((r) => r.what.includes("csv (Node server)"))!;
    const xlsx = rows.filter((r) => r.what.includes("xlsx ("));
    console.log(
      `\nLoad average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores. ` +
        `Goals: CSV within 2× of COPY: ${(csv.seconds / floor.seconds).toFixed(2)}× ` +
        `(${csv.seconds / floor.seconds <= 2 ? "met" : "NOT met"})` +
        (xlsx.length
          ? `; XLSX peak RSS under 300 MB: ${xlsx.map((r) => r.peakRssMb!.toFixed(0)).join(" / ")} MB ` +
            `(${xlsx.every((r) => r.peakRssMb! < 300) ? "met" : "NOT met"}).`
          : "."),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
    // BENCH_KEEP=1 keeps the database for a closer look (psql loa_bench_exports).
    if (!process.env.BENCH_KEEP) await admin.unsafe(`drop database if exists ${DATABASE} with (force)`).catch(() => {});
    await admin.end();
  }
}

await main();

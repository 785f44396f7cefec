// npm run bench:console: how long the officer console's heaviest pages take to answer, measured from outside
// (HTTP over loopback to the app on @hono/node-server, with a real session cookie), on a database holding
// BENCH_RESPONSES (100,000) completed satisfaction-survey responses spread over every commune, generated in SQL.
// Pages: the national dashboard (indicators per province, communes of a province ranked, responses per day), the
// results page of the survey (every question's counts), the same results as JSON from the API, and the question
// inbox. Each runs once to warm up, then BENCH_RUNS (5) times; the table shows median and best, and the page's size.
// Postgres by default (BENCH_DATABASE_URL, else the local `test` server); BENCH_DATABASE_URL=pglite for PGlite.
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

const target = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
if (target === "pglite") delete process.env.DATABASE_URL;
else process.env.DATABASE_URL = target;
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const { serve } = await import("@hono/node-server");
const { createTestDb } = await import("../support/test-db");
const { createTestApp } = await import("../support/test-app");
const { bootstrapOfficer } = await import("../../src/officers/bootstrap");
const { generateResponses } = await import("./bench-responses");
const { surveyCatalog } = await import("../../src/surveys/survey-repository");

const log = (message: string) => process.stderr.write(`${message}\n`);
const handle = await createTestDb({ seed: "quick" });
const server = serve({ fetch: createTestApp(handle.db).fetch, port: 0, hostname: "127.0.0.1" });
try {
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  log(`${handle.driver}: generating ${RESPONSES.toLocaleString("en")} responses…`);
  let started = performance.now();
  const generated = await generateResponses(handle.db, {
    responses: RESPONSES,
    // The published version of the catalog, so the results page reads its labels.
    definition: surveyCatalog().get("pbgdpl_satisfaction")!,
    from: new Date("2026-01-02T01:00:00Z"),
  });
  log(
    `  ${generated.responses} responses, ${generated.answers} answers in ${Math.round(performance.now() - started)} ms`,
  );

  const admin = await bootstrapOfficer(handle.db, {
    name: "Bench",
    email: "bench@loa.test",
    role: "admin",
    unitCode: "VN",
  });
  const login = await fetch(`${base}/console/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: admin.email, password: admin.password }).toString(),
    redirect: "manual",
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;

  const pages: Array<[string, string]> = [
    ["dashboard (national, 2026)", "/console?from=2026-01-01&to=2026-12-31"],
    ["survey results page", "/console/results/pbgdpl_satisfaction"],
    ["survey results API (JSON)", "/api/surveys/pbgdpl_satisfaction/results"],
    ["question inbox", "/console/questions"],
  ];
  const rows: string[] = [];
  for (const [name, path] of pages) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run <= RUNS; run++) {
      started = performance.now();
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      if (run > 0) times.push(performance.now() - started);
      bytes = body.byteLength;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    rows.push(`| ${name} | ${median.toFixed(0)} ms | ${times[0]!.toFixed(0)} ms | ${(bytes / 1024).toFixed(0)} KB |`);
  }
  console.log(`\nConsole pages, ${handle.driver}, ${RESPONSES.toLocaleString("en")} responses, ${RUNS} runs:\n`);
  console.log("| page | median | best | size |\n| --- | --- | --- | --- |");
  console.log(rows.join("\n"));
} finally {
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
}

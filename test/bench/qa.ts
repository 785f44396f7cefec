// npm run bench:qa: retrieval quality and speed of GET /api/search on the seeded statutes (17 statutes, 2,249
// articles), with the dev question sets of ../shared/data/legal (read from there, never copied): for each set hit@1,
// hit@5 and MRR@10 of Loa's ranking through GET /api/search (app.request; only articles count, a hit is a relevant
// statute title + article number), beside two baselines computed here over the same articles: (a) plain BM25 over
// syllables, (b) BM25 with syllable pairs, question words dropped and a second field (article title + statute
// name). The parameters of src/content/search-index.ts were chosen looking at odd-indexed questions only; the
// even-indexed half is reported as held out. Three more sets are reported beside them: Loa's own citizen questions
// (qa-own-questions.ts), forty written blind by someone who never saw a ranking (qa-blind-questions.ts, examined
// since) and sixty more written so (qa-blind-questions-2.ts, never examined question by question); every set
// again typed without diacritics, as many citizens write on Zalo. Every set is scored on the law its labels describe
// (LABELS_LAW_DAY) and on the law in force today. Also p50/p95 latency of GET /api/search, index build time and heap.
// Runs on the seeded PGlite template, and on Postgres too when DATABASE_URL is set or 127.0.0.1:5432 answers.
// Targets (issue 11, on the law of the labels): citizen hit@1 ≥ 0.75, hit@5 ≥ 0.90; formal hit@1 ≥ 0.90, hit@5 ≥ 0.97.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { createPgliteDb } from "../../db/client-pglite";
import { createPostgresDb } from "../../db/client-postgres";
import type { Db, DbHandle } from "../../db/db";
import { migrateServer } from "../../db/migrate";
import { searchSynonyms } from "../../db/schema/index";
import { seedDatabase } from "../../db/seed/seed-database";
import { createDataDirFromTemplate } from "../../db/seed/seed-template";
import { SearchIndex } from "../../src/content/search-index";
import { loadSearchIndex } from "../../src/content/search-index-cache";
import { foldText, tokenizeClauses } from "../../src/text/vietnamese";
import { createTestApp } from "../support/test-app";
import { blindCitizenQuestions } from "./qa-blind-questions";
import { secondBlindCitizenQuestions } from "./qa-blind-questions-2";
import { ownCitizenQuestions } from "./qa-own-questions";

const SHARED = join(import.meta.dirname, "../../../shared/data/legal");
const log = (message: string) => process.stderr.write(`${message}\n`);

interface Question {
  text: string;
  relevant_articles: Array<{ law_id: string; article_id: string | number }>;
}
const sets: Record<string, Question[]> = {
  formal: JSON.parse(readFileSync(join(SHARED, "qa-formal-dev.json"), "utf8")),
  citizen: JSON.parse(readFileSync(join(SHARED, "qa-citizen-dev.json"), "utf8")),
  // Loa's own citizen questions (test/bench/qa-own-questions.ts): a third look, not one the targets are set on.
  own: ownCitizenQuestions,
  // Written blind on 2026-11-23 (test/bench/qa-blind-questions.ts); its misses were examined the same day.
  blind: blindCitizenQuestions,
  // Sixty more written blind, looked at only as a whole (test/bench/qa-blind-questions-2.ts): the least tuned-on look.
  blind2: secondBlindCitizenQuestions,
};
const DEV_SETS = ["formal", "citizen"];
/**
 * The law the sets' labels describe: the dev questions cite articles of Luật Phòng, chống ma túy 2021 and Luật Viên
 * chức 2010, replaced on 01/7/2026, so they are scored on the law of the day before (the targets are read there), and
 * again on the law in force today, where a replaced article is rightly no longer first. BENCH_QA_IN_FORCE_ON moves it.
 */
const LABELS_LAW_DAY = process.env.BENCH_QA_IN_FORCE_ON ?? "2026-06-30";
const relevantOf = (q: Question) => new Set(q.relevant_articles.map((r) => `${r.law_id}\u0000${r.article_id}`));

// ---- Metrics -------------------------------------------------------------------------------------------------

interface Scores {
  hit1: number;
  hit5: number;
  mrr10: number;
  n: number;
}

/** `ranked(q)`: the article keys (statute title + number) best first. `half`: 0 even indices, 1 odd, else all. */
async function evaluate(
  questions: Question[],
  ranked: (q: Question) => Promise<string[]> | string[],
  half?: 0 | 1,
): Promise<Scores> {
  let hit1 = 0;
  let hit5 = 0;
  let mrr = 0;
  let n = 0;
  for (const [i, q] of questions.entries()) {
    if (half !== undefined && i % 2 !== half) continue;
    n++;
    const relevant = relevantOf(q);
    const rank = (await ranked(q)).slice(0, 10).findIndex((key) => relevant.has(key));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 5) hit5++;
    if (rank >= 0) mrr += 1 / (rank + 1);
  }
  return { hit1: hit1 / n, hit5: hit5 / n, mrr10: mrr / n, n };
}

// ---- Baselines (independent of src/content: a few dozen lines each, as the issue describes them) -------------

interface BaselineDoc {
  key: string;
  fields: string[][];
}

/** Question words the fielded baseline drops (the old search's stop list). */
const QUESTION_WORDS = new Set(
  (
    "la cua va cac nhung cho duoc trong thi khi nao gi the nay do voi mot de ve tai theo hoac nhu bi co o ra vao " +
    "phai toi minh ai sao bao nhieu hoi xin a nhe khong neu moi da se dang ma"
  ).split(" "),
);

function terms(text: string, pairs: boolean): string[] {
  const out: string[] = [];
  for (const clause of tokenizeClauses(text)) {
    out.push(...clause);
    if (pairs) for (let i = 0; i + 1 < clause.length; i++) out.push(`${clause[i]}_${clause[i + 1]}`);
  }
  return out;
}

/** BM25F with per-field weights; k1 1.2, b 0.75. */
function baseline(docs: BaselineDoc[], weights: number[]) {
  const df = new Map<string, number>();
  const tfs = docs.map((d) =>
    d.fields.map((f) => {
      const tf = new Map<string, number>();
      for (const t of f) tf.set(t, (tf.get(t) ?? 0) + 1);
      return tf;
    }),
  );
  for (const fields of tfs)
    for (const t of new Set(fields.flatMap((f) => [...f.keys()]))) df.set(t, (df.get(t) ?? 0) + 1);
  const avg = weights.map((_, k) => docs.reduce((s, d) => s + d.fields[k]!.length, 0) / docs.length || 1);
  return (query: string[]) => {
    const scored = docs.map((d, i) => {
      let score = 0;
      for (const t of new Set(query)) {
        const n = df.get(t);
        if (!n) continue;
        let tf = 0;
        weights.forEach((w, k) => {
          tf += (w * (tfs[i]![k]!.get(t) ?? 0)) / (1 - 0.75 + (0.75 * d.fields[k]!.length) / avg[k]!);
        });
        score += Math.log(1 + (docs.length - n + 0.5) / (n + 0.5)) * ((tf * 2.2) / (tf + 1.2));
      }
      return { key: d.key, score, i };
    });
    return scored
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, 10)
      .map((s) => s.key);
  };
}

async function baselines(db: Db) {
  const index = await loadSearchIndex(db);
  const articles = index.entries.filter((e) => e.type === "article");
  const plain = baseline(
    articles.map((a) => ({
      key: `${a.document}\u0000${a.number}`,
      fields: [terms(`${a.title ?? ""}\n${a.body}`, false)],
    })),
    [1],
  );
  const fielded = baseline(
    articles.map((a) => ({
      key: `${a.document}\u0000${a.number}`,
      fields: [terms(a.body, true), terms(`${a.title ?? ""}\n${a.document}`, true)],
    })),
    [1, 3],
  );
  return {
    "(a) BM25, syllables": (q: Question) => plain(terms(q.text, false)),
    "(b) BM25F, pairs, no question words": (q: Question) =>
      fielded(terms(q.text, true).filter((t) => !t.split("_").every((s) => QUESTION_WORDS.has(s)))),
  };
}

// ---- One driver ----------------------------------------------------------------------------------------------

interface DriverReport {
  driver: string;
  rows: Array<{ method: string; set: string; scores: Scores }>;
  p50: number;
  p95: number;
  buildMs: number;
  loadMs: number;
  heapMb: number;
  arraysMb: number;
  terms: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function runDriver(driver: string, handle: DbHandle): Promise<DriverReport> {
  const db = handle.db;
  const gc = (globalThis as { gc?: () => void }).gc;
  let started = performance.now();
  const index = await loadSearchIndex(db);
  const loadMs = performance.now() - started;
  // The build alone: once to warm up the code (compiled code and the syllable cache are not the index's size),
  // then timed.
  const synonyms = await db.select().from(searchSynonyms);
  new SearchIndex([...index.entries], synonyms);
  // The JS heap part: the heap's growth while three copies are built and kept, read each time after collecting twice
  // (what one collection frees can hold more that only the next frees), the median of three rounds: the driver's
  // own work (PGlite's) moves the heap meanwhile, and once made a single reading negative. Typed arrays counted
  // exactly.
  const settledHeap = () => {
    gc?.();
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  started = performance.now();
  const first = new SearchIndex([...index.entries], synonyms);
  const buildMs = performance.now() - started;
  const arraysMb = first.postingBytes / 1024 / 1024;
  const terms = first.termCount;
  const rounds: number[] = [];
  const kept: SearchIndex[] = [];
  for (let round = 0; round < 3; round++) {
    const before = settledHeap();
    for (let copy = 0; copy < 3; copy++) kept.push(new SearchIndex([...index.entries], synonyms));
    rounds.push((settledHeap() - before) / 3);
    kept.length = 0;
  }
  const heapMb = rounds.sort((a, b) => a - b)[1]! / 1024 / 1024;

  const app = createTestApp(db, undefined, {}, { SEARCH_RATE_LIMIT: "0" });
  const search = async (q: Question, limit: number, inForceOn?: string) => {
    const text = encodeURIComponent(q.text.slice(0, 1000));
    const day = inForceOn ? `&inForceOn=${inForceOn}` : "";
    const response = await app.request(`/api/search?limit=${limit}${day}&q=${text}`);
    const body = (await response.json()) as { results: Array<{ type: string; document: string; article: string }> };
    if (response.status !== 200) throw new Error(`GET /api/search → ${response.status}: ${JSON.stringify(body)}`);
    return body.results;
  };
  // Quality: 50 results, so that lessons or answers ranked among them never hide an article of the first ten.
  const viaApi = (inForceOn?: string) => async (q: Question) =>
    (await search(q, 50, inForceOn)).filter((r) => r.type === "article").map((r) => `${r.document}\u0000${r.article}`);
  await search(sets.citizen![0]!, 10); // the first request loads the index for this revision
  // Latency: every question three times with the default limit (10), as a page or the chat asks.
  const latencies: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of [...sets.formal!, ...sets.citizen!]) {
      const t = performance.now();
      await search(q, 10);
      latencies.push(performance.now() - t);
    }
  }

  const rows: DriverReport["rows"] = [];
  // Each set on the law its labels were written for, and on the law in force today, as citizens get it.
  const onLabelsDay = viaApi(LABELS_LAW_DAY);
  const today = viaApi();
  for (const [name, questions] of Object.entries(sets)) {
    // As many citizens type on Zalo: the same questions with every diacritic left out ("thu tuc ly hon").
    const typedBare = questions.map((q) => ({ ...q, text: foldText(q.text) }));
    rows.push({ method: `Loa, law of ${LABELS_LAW_DAY}`, set: name, scores: await evaluate(questions, onLabelsDay) });
    rows.push({ method: "  typed without diacritics", set: name, scores: await evaluate(typedBare, onLabelsDay) });
    if (DEV_SETS.includes(name)) {
      rows.push({ method: "  odd half (tuned on)", set: name, scores: await evaluate(questions, onLabelsDay, 1) });
      rows.push({ method: "  even half (held out)", set: name, scores: await evaluate(questions, onLabelsDay, 0) });
    }
  }
  for (const [name, questions] of Object.entries(sets)) {
    const typedBare = questions.map((q) => ({ ...q, text: foldText(q.text) }));
    rows.push({ method: "Loa, law in force today", set: name, scores: await evaluate(questions, today) });
    rows.push({ method: "  typed without diacritics, law today", set: name, scores: await evaluate(typedBare, today) });
  }
  for (const [method, ranked] of Object.entries(await baselines(db))) {
    for (const [name, questions] of Object.entries(sets)) {
      rows.push({ method, set: name, scores: await evaluate(questions, ranked) });
    }
  }
  return {
    driver,
    rows,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    buildMs,
    loadMs,
    heapMb,
    arraysMb,
    terms,
  };
}

async function openPglite(): Promise<DbHandle & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), "loa-bench-qa-"));
  const dataDir = join(dir, "pglite");
  await createDataDirFromTemplate(dataDir, { log: (event) => log(`  ${event}`) });
  const handle = await createPgliteDb({ dataDir });
  return { ...handle, dir };
}

async function openPostgres(adminUrl: string): Promise<DbHandle> {
  const name = `loa_bench_qa_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateServer(url.toString());
  const handle = createPostgresDb(url.toString(), { max: 5 });
  await seedDatabase(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

function postgresUp(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port: 5432 });
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

// ---- Run -----------------------------------------------------------------------------------------------------

const reports: DriverReport[] = [];
log("PGlite: the seeded template…");
const pglite = await openPglite();
try {
  reports.push(await runDriver("PGlite", pglite));
} finally {
  await pglite.close();
  await rm(pglite.dir, { recursive: true, force: true });
}
const adminUrl =
  process.env.DATABASE_URL ?? ((await postgresUp()) ? "postgres://postgres@127.0.0.1:5432/postgres" : undefined);
if (adminUrl) {
  log("Postgres: a fresh database, migrated and seeded…");
  const server = await openPostgres(adminUrl);
  try {
    reports.push(await runDriver("Postgres", server));
  } finally {
    await server.close();
  }
}

const f = (x: number) => x.toFixed(2);
for (const report of reports) {
  console.log(`\n${report.driver}: retrieval (hit@1 / hit@5 / MRR@10)`);
  console.log(
    `${"method".padEnd(40)} ${"formal (dev)".padEnd(26)} ${"citizen (dev)".padEnd(26)} ` +
      `${"own citizen".padEnd(26)} ${"blind citizen".padEnd(26)} blind citizen 2`,
  );
  const methods = [...new Set(report.rows.map((r) => r.method))];
  for (const method of methods) {
    const cell = (set: string) => {
      const s = report.rows.find((r) => r.method === method && r.set === set)?.scores;
      return (s ? `${f(s.hit1)} / ${f(s.hit5)} / ${f(s.mrr10)} (${s.n})` : "").padEnd(26);
    };
    const cells = ["formal", "citizen", "own", "blind", "blind2"].map(cell).join(" ");
    console.log(`${method.padEnd(40)} ${cells}`.trimEnd());
  }
  console.log(`${"targets".padEnd(40)} ${"≥0.90 / ≥0.97".padEnd(26)} ≥0.75 / ≥0.90`);
  console.log(
    `GET /api/search?limit=10 latency, ${3 * (sets.formal!.length + sets.citizen!.length)} requests: ` +
      `p50 ${report.p50.toFixed(1)} ms, p95 ${report.p95.toFixed(1)} ms (target p95 < 50 ms)`,
  );
  console.log(
    `index: load from the database ${report.loadMs.toFixed(0)} ms (build included), build alone ` +
      `${report.buildMs.toFixed(0)} ms; ${report.terms} terms, ${report.heapMb.toFixed(1)} MB of JS heap + ` +
      `${report.arraysMb.toFixed(1)} MB of typed arrays` +
      ((globalThis as { gc?: unknown }).gc ? "" : " (approximate: run with node --expose-gc)"),
  );
}

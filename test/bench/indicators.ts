// npm run bench:indicators: indicators of TT 03/2018 art. 8 for every one of the 3,321 communes, on Postgres, against
// the same aggregate written by hand as one raw SQL query (the floor). A fresh database on BENCH_DATABASE_URL
// (default the local `test` server) gets the units and surveys, then BENCH_RESPONSES (100,000) completed responses of
// pbgdpl_satisfaction spread over all communes, with eight answers each, generated in SQL (insert … select
// generate_series). Each measure runs once to warm up, then BENCH_RUNS (5) times; the table shows median and best.
// Goals (issue 10): indicators for all communes under 1 s and within 2× of the raw query.
import { performance } from "node:perf_hooks";

process.env.DATABASE_URL ??= process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PERIOD = { from: "2026-01-01", to: "2026-12-31" };

const { sql: drizzleSql } = await import("drizzle-orm");
const { createTestDb } = await import("../support/test-db");
const { computeIndicators } = await import("../../src/scoring/indicators");
const { indicatorsWorkbook } = await import("../../src/scoring/indicators-workbook");
const { bootstrapOfficer } = await import("../../src/officers/bootstrap");
const { createTestApp } = await import("../support/test-app");

const log = (message: string) => process.stderr.write(`${message}\n`);

log(`database: ${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, "//…@")}, seeding units and surveys…`);
const handle = await createTestDb({ seed: "quick" });
const db = handle.db;
/** A statement with $1… placeholders, unprepared (planned for its parameters each time), as the indicators run. */
const sql = async <Row>(text: string, params: unknown[] = []): Promise<Row[]> => {
  const parts = text.split(/\$(\d+)/);
  const query = drizzleSql.join(
    parts.map((part, i) => (i % 2 === 1 ? drizzleSql`${params[Number(part) - 1]}` : drizzleSql.raw(part))),
    drizzleSql.raw(""),
  );
  const result = (await db.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
};

try {
  let started = performance.now();
  const [survey] = await sql<{ id: number; version: number }>(
    "select id, version from survey_versions where key = 'pbgdpl_satisfaction' order by version desc limit 1",
  );
  const [wave] = await sql<{ id: number }>("select id from survey_waves where survey_key = 'pbgdpl_satisfaction'");
  // Responses over the communes (a multiplicative hash spreads consecutive numbers), completed during 2026.
  await sql(
    `with c as (
       select array_agg(id order by id) as ids from units where kind = 'commune' and valid_to is null
     )
     insert into survey_responses
       (survey_version_id, survey_key, survey_version, wave_id, channel, status, unit_id,
        started_at, last_activity_at, completed_at)
     select $1::int, 'pbgdpl_satisfaction', $2::int, $3::int, 'web', 'completed',
       c.ids[1 + (g::bigint * 7919) % array_length(c.ids, 1)], t, t, t
     from c, generate_series(1, $4::int) as g,
       lateral (
         select timestamptz '2026-01-01 08:00+07' + (g % 330) * interval '1 day' + (g % 600) * interval '1 minute'
       ) as time(t)`,
    [survey!.id, survey!.version, wave!.id, RESPONSES],
  );
  // Eight answers each; codes picked by a hash of (response, question), weighted by repeating codes.
  await sql(
    `insert into survey_answers (response_id, question_id, value, answered_at)
     select r.id, q.question_id,
       jsonb_build_object('kind', 'options', 'codes',
         jsonb_build_array(q.codes[1 + abs(hashtext(r.id::text || q.question_id)) % array_length(q.codes, 1)])),
       r.completed_at
     from survey_responses r
     cross join (values
       ('heard', array['yes', 'yes', 'no', 'dk']),
       ('channel', array['loudspeaker', 'meeting', 'zalo', 'tv_radio', 'leaflet']),
       ('self_learning', array['often', 'sometimes', 'sometimes', 'never']),
       ('knows_law', array['yes', 'yes', 'yes', 'no', 'dk']),
       ('understands_law', array['clear', 'mostly', 'little', 'none']),
       ('satisfaction', array['5', '4', '4', '3', '2', '1']),
       ('age_band', array['18_30', '31_45', '46_60', 'o60']),
       ('gender', array['female', 'male'])
     ) as q(question_id, codes)
     where r.survey_key = 'pbgdpl_satisfaction'`,
  );
  await sql("analyze survey_responses");
  await sql("analyze survey_answers");
  await sql("analyze units");
  const [counts] = await sql<{ responses: number; answers: number }>(
    "select (select count(*) from survey_responses)::int as responses, " +
      "(select count(*) from survey_answers)::int as answers",
  );
  log(`generated ${counts!.responses} responses, ${counts!.answers} answers in ${ms(performance.now() - started)}`);

  const [country] = await sql<{ path: string }>("select path from units where code = 'VN'");
  const provinces = await sql<{ code: string }>(
    "select code from units where kind = 'province' and valid_to is null order by code",
  );
  const national = { unitPath: country!.path };

  // The floor: the four indicators' counts per commune, written by hand as one query over the answers (every
  // respondent answers the required satisfaction question, which gives n).
  const RAW = `select split_part(u.path, '/', 4) as commune,
      count(*) filter (where a.question_id = 'satisfaction')::int as n,
      count(*) filter (where a.question_id = 'self_learning' and a.value -> 'codes' ?| array['often', 'sometimes'])::int
        as self_learning,
      count(*) filter (where a.question_id = 'knows_law' and a.value -> 'codes' ?| array['yes'])::int as knows,
      count(*) filter (where a.question_id = 'understands_law' and a.value -> 'codes' ?| array['clear', 'mostly'])::int
        as understands,
      count(*) filter (where a.question_id = 'satisfaction' and a.value -> 'codes' ?| array['5', '4'])::int
        as satisfied
    from survey_responses r
    join survey_waves w on w.id = r.wave_id
    join units u on u.id = coalesce(r.unit_id, w.unit_id)
    join survey_answers a on a.response_id = r.id
      and a.question_id in ('self_learning', 'knows_law', 'understands_law', 'satisfaction')
    where r.status = 'completed' and r.survey_key = 'pbgdpl_satisfaction'
      and r.completed_at >= $2::timestamptz and r.completed_at < $3::timestamptz and u.path like $1
    group by 1`;
  const rawParams = [`${country!.path}%`, "2025-12-31T17:00:00Z", "2026-12-31T17:00:00Z"];
  const allCommunes = () =>
    computeIndicators(db, national, { framework: "tt03_2018_impact", unit: "VN", level: "commune", ...PERIOD });

  // The two must agree before their times mean anything.
  const raw = await sql<Record<string, number | string>>(RAW, rawParams);
  const report = await allCommunes();
  const ids = new Map(
    (await sql<{ id: number; code: string }>("select id, code from units where kind = 'commune'")).map((u) => [
      u.code,
      String(u.id),
    ]),
  );
  const rawByCommune = new Map(raw.map((row) => [String(row.commune), row]));
  const keys = { self_learning: "self_learning", knows: "knows", understands: "understands", satisfied: "satisfied" };
  let compared = 0;
  for (const child of report.children) {
    const row = rawByCommune.get(ids.get(child.code)!);
    for (const value of child.indicators) {
      const expected = row ? { n: Number(row.n), positive: Number(row[keys[value.key as keyof typeof keys]]) } : null;
      if ((expected?.n ?? 0) !== value.n || (expected?.positive ?? 0) !== value.positive)
        throw new Error(`mismatch for ${child.code} ${value.key}: ${JSON.stringify(expected)} vs ${value.n}`);
      compared++;
    }
  }
  log(`indicators agree with the raw query: ${report.children.length} communes, ${compared} values`);

  const measure = async (run: () => Promise<unknown>) => {
    await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)]!, best: times[0]! };
  };

  started = performance.now();
  const rawTime = await measure(() => sql(RAW, rawParams));
  const communesTime = await measure(allCommunes);
  const perProvince = await measure(async () => {
    for (const p of provinces)
      await computeIndicators(db, national, { framework: "tt03_2018_impact", unit: p.code, ...PERIOD });
  });
  const workbookTime = await measure(async () => indicatorsWorkbook(await allCommunes(), new Date()));
  // The same through the API as an officer calls it: auth, validation, the JSON of 3,321 communes.
  const app = createTestApp(db);
  const { token } = await bootstrapOfficer(db, {
    name: "Quản trị đo hiệu năng",
    email: "bench@loa.test",
    role: "admin",
    unitCode: "VN",
  });
  let jsonBytes = 0;
  const apiTime = await measure(async () => {
    const response = await app.request(
      `/api/indicators?framework=tt03_2018_impact&unit=VN&level=commune&from=${PERIOD.from}&to=${PERIOD.to}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (response.status !== 200) throw new Error(`GET /api/indicators → ${response.status}`);
    jsonBytes = (await response.arrayBuffer()).byteLength;
  });
  const load = (await import("node:os")).loadavg().map((l) => l.toFixed(2));

  const rows: Array<[string, { median: number; best: number }, string]> = [
    ["raw SQL aggregate, one query (floor)", rawTime, ""],
    ["indicators, country by commune (3,321)", communesTime, goal(communesTime, rawTime)],
    // For information: 34 requests, each reading its province's answers through the index.
    [`indicators, each province by commune (${provinces.length} requests)`, perProvince, ""],
    [`GET /api/indicators, country by commune (${(jsonBytes / 1e6).toFixed(1)} MB of JSON)`, apiTime, ""],
    ["XLSX report, country by commune (3,321 rows)", workbookTime, ""],
  ];
  console.log(
    `\nIndicators on Postgres: ${counts!.responses.toLocaleString("en")} responses, ` +
      `${counts!.answers.toLocaleString("en")} answers, period ${PERIOD.from}..${PERIOD.to}; ` +
      `median and best of ${RUNS} runs; load ${load.join(" ")}\n`,
  );
  console.log(`| measure | median | best | ÷ raw (median) | goal |`);
  console.log(`| --- | ---: | ---: | ---: | --- |`);
  for (const [name, time, verdict] of rows) {
    const ratio = `${(time.median / rawTime.median).toFixed(2)}×`;
    console.log(`| ${name} | ${ms(time.median)} | ${ms(time.best)} | ${ratio} | ${verdict} |`);
  }
  log(`\nmeasured in ${ms(performance.now() - started)}`);
} finally {
  await handle.close();
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

function goal(time: { median: number }, floor: { median: number }): string {
  const fast = time.median < 1000;
  const close = time.median <= 2 * floor.median;
  return `${fast ? "✓" : "✗"} < 1 s, ${close ? "✓" : "✗"} ≤ 2× raw`;
}

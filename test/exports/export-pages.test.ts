// The export engine on generated responses (the bench's generator, small): keyset pages that return every response
// exactly once and in order, ties and microseconds included; progress; a reader that goes away mid-stream.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { startExport } from "../../src/exports/export-responses";
import { exportRequestSchema, type ExportRequestInput } from "../../src/exports/export-request";
import { BENCH_SURVEY, generateResponses, type Generated } from "../bench/bench-responses";
import { createTestDb, testDriver } from "../support/test-db";
import { bodyText, parseCsv, parseJsonl, readXlsx, sheetRecords } from "./export-fixtures";

const RESPONSES = 60;

describe(`export pages (${testDriver})`, () => {
  let handle: DbHandle;
  let generated: Generated;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    generated = await generateResponses(handle.db, { responses: RESPONSES, communes: 9 });
    // Ties on started_at (with microseconds a JS Date cannot hold) across page boundaries.
    await handle.db.execute(
      sql`update survey_responses set started_at = '2026-11-01 08:00:00.123456+07' where id in
        (select id from survey_responses where survey_key = 'bench_export' order by started_at limit 20 offset 5)`,
    );
  });
  afterAll(async () => handle?.close());

  const run = async (input: Partial<ExportRequestInput>, pageSize = 7) => {
    const progress: Array<[number, number]> = [];
    let ended: unknown = "not ended";
    const file = await startExport(
      handle.db,
      "all",
      exportRequestSchema.parse({ survey: "bench_export", format: "csv", ...input }),
      {
        actor: null,
        via: "cli",
        pageSize,
        onProgress: (done, total) => progress.push([done, total]),
        onEnd: (error) => (ended = error),
      },
    );
    return { file, progress, ended: () => ended };
  };

  it("generates what it says: one answer per question for every response, over the communes asked for", () => {
    expect(generated).toMatchObject({
      surveyKey: "bench_export",
      responses: RESPONSES,
      answers: RESPONSES * BENCH_SURVEY.questions.length,
      communes: 9,
    });
  });

  it("returns every response once, in (started_at, id) order, across pages of 7", async () => {
    const { file, progress, ended } = await run({ format: "jsonl" });
    expect(file.total).toBe(RESPONSES);
    const lines = parseJsonl(await new Response(file.body).text());
    const ids = lines.map((l) => l.response_id as string);
    expect(new Set(ids).size).toBe(RESPONSES);
    const order = (await handle.db.execute(
      sql`select id from survey_responses where survey_key = 'bench_export' order by started_at, id`,
    )) as unknown as Array<{ id: string }> | { rows: Array<{ id: string }> };
    expect(ids).toEqual((Array.isArray(order) ? order : order.rows).map((r) => r.id));
    expect(progress.at(-1)).toEqual([RESPONSES, RESPONSES]);
    expect(progress).toHaveLength(Math.ceil(RESPONSES / 7));
    await new Promise((r) => setTimeout(r, 50));
    expect(ended()).toBeUndefined();
  });

  // Page bounds are read 16 pages at a time: pages of 1 and 2 take several bound queries (60 = 3 × 16 + 12 pages of
  // 1), pages of 60 end exactly on the last row, and 61 is one partial page.
  it.each([1, 2, 4, 60, 61])("returns the same rows in the same order with pages of %i", async (pageSize) => {
    const reference = parseJsonl(await new Response((await run({ format: "jsonl" }, 7)).file.body).text());
    const { file, progress } = await run({ format: "jsonl" }, pageSize);
    const lines = parseJsonl(await new Response(file.body).text());
    expect(lines.map((l) => l.response_id)).toEqual(reference.map((l) => l.response_id));
    expect(lines).toEqual(reference);
    expect(progress.at(-1)).toEqual([RESPONSES, RESPONSES]);
    expect(progress).toHaveLength(Math.ceil(RESPONSES / pageSize));
  });

  it("writes the same rows in CSV and XLSX, all twelve answers with their labels", async () => {
    const csv = parseCsv(await bodyText(new Response((await run({ format: "csv" })).file.body)));
    expect(csv.records).toHaveLength(RESPONSES);
    for (const record of csv.records) {
      expect(record.commune).toBe(record.unit_code);
      expect(record.commune_label).toBe(record.unit_name);
      expect(record.satisfaction_label).not.toBe("");
      expect(record.suggestion).toMatch(/^Góp ý, "thêm" buổi tối số /);
    }
    const sheets = await readXlsx(await new Response((await run({ format: "xlsx" })).file.body).arrayBuffer());
    const rows = sheetRecords(sheets[0]!);
    expect(rows.map((r) => r.response_id)).toEqual(csv.records.map((r) => r.response_id));
    const long = parseCsv(await bodyText(new Response((await run({ format: "csv", layout: "long" })).file.body)));
    expect(long.records).toHaveLength(RESPONSES * 12);
  });

  it("stops and lets its connection go when the reader goes away", async () => {
    const { file, ended } = await run({ format: "csv" }, 5);
    const reader = file.body.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 100));
    expect(ended()).toBeInstanceOf(Error);
  });
});

// Exports on Cloudflare Workers: the bundle carries no exceljs (package.json maps #xlsx-writer and
// #indicators-workbook to refusals under the "workerd" condition), and in the real workerd runtime CSV and JSONL
// stream several pages (long after the request's own database client is closed) while XLSX answers 400 naming
// `format`, for exports and for the indicators report alike.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Unstable_DevWorker } from "wrangler";
import type { DbHandle } from "../../db/db";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { XLSX_UNAVAILABLE } from "../../src/exports/export-responses";
import { generateResponses } from "../bench/bench-responses";
import { createTestDb, testDriver } from "../support/test-db";
import { startWorkerd } from "../support/workerd";
import { bodyText, parseCsv, parseJsonl } from "./export-fixtures";

const run = promisify(execFile);
const NODE_ONLY_EXPORT_PACKAGES = ["exceljs", "archiver", "jszip", "csv-parse"];

describe("exports in the worker bundle", () => {
  let outdir: string;
  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), "loa-worker-exports-"));
  });
  afterAll(async () => rm(outdir, { recursive: true, force: true }));

  it("holds the CSV writer and the XLSX refusal, not exceljs", async () => {
    const metafile = join(outdir, "meta.json");
    await run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir, "--metafile", metafile], {
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    const inputs = Object.keys((JSON.parse(await readFile(metafile, "utf8")) as { inputs: object }).inputs);
    expect(inputs).toContain("src/exports/xlsx-writer.workerd.ts");
    expect(inputs).not.toContain("src/exports/xlsx-writer.ts");
    expect(inputs.some((i) => i.includes("node_modules/csv-stringify/"))).toBe(true);
    for (const name of NODE_ONLY_EXPORT_PACKAGES)
      expect(
        inputs.filter((i) => i.includes(`node_modules/${name}/`)),
        name,
      ).toEqual([]);
  }, 120_000);
});

describe.runIf(testDriver === "postgres")("exports in workerd (postgres)", () => {
  const RESPONSES = 2500;
  let database: DbHandle & { url?: string };
  let worker: Unstable_DevWorker;
  let token: string;

  beforeAll(async () => {
    database = await createTestDb({ seed: "quick" });
    token = (
      await bootstrapOfficer(database.db, { name: "Quốc gia", email: "qg@loa.test", role: "admin", unitCode: "VN" })
    ).token;
    await generateResponses(database.db, { responses: RESPONSES, communes: 50 });
    const url = new URL(database.url!);
    if (!url.password) url.password = "postgres";
    process.env.CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE = url.toString();
    worker = await startWorkerd();
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await database?.close();
  });

  const exportFrom = async (query: string) => {
    const request = () =>
      worker.fetch(`/api/exports/responses?${query}`, { headers: { authorization: `Bearer ${token}` } });
    try {
      return await request();
    } catch (error) {
      // The dev server may close an idle keep-alive socket just as the client reuses it (seen on a loaded machine:
      // "other side closed" with only the previous response's bytes read). A GET is safe to send again.
      if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
      return request();
    }
  };

  it("streams a CSV of several pages", async () => {
    const response = await exportFrom("survey=bench_export&format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const { records } = parseCsv(await bodyText(response as unknown as Response));
    expect(records).toHaveLength(RESPONSES);
    expect(new Set(records.map((r) => r.response_id)).size).toBe(RESPONSES);
    // The labels came through the Worker as Vietnamese: every one has a diacritic, though not always one in ạ–ỹ
    // ("Kênh khác" has ê and á), and the first record's channel is drawn at random.
    expect(records[0]!.channel_label!.normalize("NFD")).toMatch(/[\u0300-\u036f]/u);
  }, 60_000);

  it("streams JSONL, long CSV, and an empty export", async () => {
    const long = await exportFrom("survey=bench_export&format=csv&layout=long&unit=01");
    expect(long.status).toBe(200);
    expect(parseCsv(await bodyText(long as unknown as Response)).header).toContain("question_text");
    const jsonl = parseJsonl(await (await exportFrom("survey=bench_export&format=jsonl")).text());
    expect(jsonl).toHaveLength(RESPONSES);
    const empty = await exportFrom("survey=bench_export&format=csv&to=2020-01-01");
    expect(parseCsv(await bodyText(empty as unknown as Response)).records).toEqual([]);
  }, 60_000);

  it("answers the indicators report as JSON, and 400 naming format for its XLSX", async () => {
    const report = (query: string) =>
      worker.fetch(`/api/indicators?framework=tt03_2018_impact&unit=01${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await report("")).status).toBe(200);
    const xlsx = await report("&format=xlsx");
    expect(xlsx.status).toBe(400);
    const body = (await xlsx.json()) as { error: { issues: Array<{ field: string; message: string }> } };
    expect(body.error.issues[0]!.field).toBe("format");
    expect(body.error.issues[0]!.message).toContain("máy chủ Node");
  });

  it("answers 400 naming format for XLSX, in Vietnamese", async () => {
    const response = await exportFrom("survey=bench_export&format=xlsx");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "invalid_request",
        message: XLSX_UNAVAILABLE,
        issues: [{ field: "format", message: XLSX_UNAVAILABLE }],
      },
    });
  });
});

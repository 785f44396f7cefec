// npm run export as an operator runs it, on the database the server uses: writes the file, shows progress on
// stderr, names a bad flag, and is written to the audit log as the CLI.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteDb } from "../../db/client-pglite";
import type { DbHandle } from "../../db/db";
import { migrateEmbedded } from "../../db/migrate";
import { seedDatabase } from "../../db/seed/seed-database";
import { generateResponses } from "../bench/bench-responses";
import { parseCsv, readXlsx } from "../exports/export-fixtures";
import { createTestDb, QUICK_LAWS, testDriver } from "../support/test-db";

const run = promisify(execFile);

describe(`npm run export (${testDriver})`, () => {
  let dir: string;
  let database: (DbHandle & { url?: string }) | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "loa-export-"));
    if (testDriver === "postgres") {
      database = await createTestDb({ seed: "quick" });
      env = { DATABASE_URL: database.url! };
      await generateResponses(database.db, { responses: 2500, communes: 40 });
    } else {
      env = { PGLITE_DATA_DIR: join(dir, "pglite") };
      const embedded = await createPgliteDb({ dataDir: env.PGLITE_DATA_DIR });
      await migrateEmbedded(embedded);
      await seedDatabase(embedded.db, { laws: QUICK_LAWS.slice(0, 1) });
      await generateResponses(embedded.db, { responses: 2500, communes: 40 });
      await embedded.close();
    }
  });
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const exportCli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/export.ts", ...args], {
        env: { ...process.env, ...env },
        maxBuffer: 64 << 20,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it("writes a CSV file with a progress bar on stderr", async () => {
    const out = join(dir, "bench.csv");
    const result = await exportCli("--survey", "bench_export", "--format", "csv", "--out", out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Đang xuất \[.*\] \d+\/2500 phiếu/);
    expect(result.stderr).toContain(`Đã xuất 2500 phiếu vào ${out}`);
    const { records } = parseCsv(await readFile(out, "utf8"));
    expect(records).toHaveLength(2500);
    expect(new Set(records.map((r) => r.response_id)).size).toBe(2500);
    expect(records[0]!.satisfaction_label).toMatch(/hài lòng|Hài lòng|Bình thường/);
  }, 120_000);

  it("writes XLSX for a unit, and JSONL to stdout", async () => {
    const out = join(dir, "bench.xlsx");
    const xlsx = await exportCli("--survey", "bench_export", "--format", "xlsx", "--unit", "01", "--out", out);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const sheets = await readXlsx((await readFile(out)).buffer as ArrayBuffer);
    expect(sheets.map((s) => s.name)).toEqual(["Dữ liệu", "Từ điển dữ liệu"]);
    expect(sheets[0]!.rows.length).toBeGreaterThan(1);

    const jsonl = await exportCli("--survey", "bench_export", "--format", "jsonl", "--out", "-");
    expect(jsonl.code, jsonl.stderr).toBe(0);
    expect(jsonl.stdout.trim().split("\n")).toHaveLength(2500);
    expect(jsonl.stdout).not.toContain("bench-");
  }, 120_000);

  it("names a bad flag and writes nothing", async () => {
    const format = await exportCli("--survey", "bench_export", "--format", "pdf");
    expect(format.code).toBe(1);
    expect(format.stderr).toContain("Cách dùng: npm run export");
    expect(format.stderr).toContain("--format: định dạng phải là csv, xlsx hoặc jsonl");
    const survey = await exportCli("--survey", "khong_co", "--format", "csv");
    expect(survey.code).toBe(1);
    expect(survey.stderr).toContain('--survey: Không có khảo sát "khong_co"');
  }, 120_000);

  it("is in the audit log as the CLI", async () => {
    const handle = database ?? (await createPgliteDb({ dataDir: env.PGLITE_DATA_DIR }));
    try {
      const result = (await handle.db.execute(
        sql`select officer_id, details from audit_log where action = 'survey.export' order by id`,
      )) as unknown as AuditRow[] | { rows: AuditRow[] };
      const rows = Array.isArray(result) ? result : result.rows;
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows[0]).toMatchObject({
        officer_id: null,
        details: { via: "cli", format: "csv", layout: "wide", responses: 2500 },
      });
    } finally {
      if (!database) await handle.close();
    }
  });
});

type AuditRow = { officer_id: string | null; details: Record<string, unknown> };

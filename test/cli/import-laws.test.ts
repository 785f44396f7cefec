// npm run import:laws as an operator runs it: a bad file is refused naming record and field, nothing imported;
// a good one is imported and readable.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteDb, type PgliteHandle } from "../../db/client-pglite";
import { migrateEmbedded } from "../../db/migrate";
import type { DbHandle } from "../../db/db";
import { legalDocuments } from "../../db/schema/index";
import { createTestDb, testDriver } from "../support/test-db";

const run = promisify(execFile);

describe(`npm run import:laws (${testDriver})`, () => {
  let dir: string;
  let database: (DbHandle & { url?: string }) | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "loa-import-"));
    if (testDriver === "postgres") {
      database = await createTestDb({ seed: "none" });
      env = { DATABASE_URL: database.url! };
    } else {
      env = { PGLITE_DATA_DIR: join(dir, "pglite") };
    }
  });
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const importFile = async (content: unknown) => {
    const file = join(dir, `laws-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ["--import", "tsx", "src/cli/import-laws.ts", file, "--source", "Công báo"],
        {
          env: { ...process.env, ...env },
        },
      );
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  };

  const documentCount = async (title: string) => {
    // The refused import never opened the embedded database: migrate it to count (zero) documents.
    const handle = database ?? (await createPgliteDb({ dataDir: env.PGLITE_DATA_DIR }));
    if (!database) await migrateEmbedded(handle as PgliteHandle);
    try {
      const [row] = await handle.db.select({ n: count() }).from(legalDocuments).where(eq(legalDocuments.title, title));
      return row!.n;
    } finally {
      if (!database) await handle.close();
    }
  };

  it("refuses an invalid file, naming the record and field, and imports nothing", async () => {
    const result = await importFile([
      { id: "Luật Hợp lệ", articles: [{ id: "1", text: "Phạm vi\n\nNội dung." }] },
      { id: "Luật Lỗi", articles: [{ id: "1", text: "" }] },
    ]);
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      'bản ghi 1 ("Luật Lỗi"), trường articles[0].text: nội dung điều không được để trống',
    );
    expect(result.output).toContain("chưa nhập gì");
    expect(await documentCount("Luật Hợp lệ")).toBe(0);
  }, 60_000);

  it("refuses a file that is not JSON", async () => {
    const result = await importFile("[{ not json");
    expect(result.code).toBe(1);
    expect(result.output).toContain("Không đọc được tệp");
  }, 60_000);

  it("imports a valid file", async () => {
    const result = await importFile([
      {
        id: "Luật Hợp lệ",
        articles: [
          { id: "1", text: "Phạm vi\n\nNội dung." },
          { id: "2", text: "Đối tượng\n\nMọi người." },
        ],
      },
    ]);
    expect(result.output).toContain("Đã nhập 1 văn bản, 2 điều.");
    expect(result.code).toBe(0);
    expect(await documentCount("Luật Hợp lệ")).toBe(1);
  }, 60_000);
});

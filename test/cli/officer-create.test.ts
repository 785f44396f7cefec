// npm run officer:create as an operator runs it: prints a one-time password and a token that works.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteDb } from "../../db/client-pglite";
import type { DbHandle } from "../../db/db";
import { migrateEmbedded } from "../../db/migrate";
import { seedDatabase } from "../../db/seed/seed-database";
import { authenticateToken } from "../../src/officers/authenticate";
import { createTestDb, QUICK_LAWS, testDriver } from "../support/test-db";

const run = promisify(execFile);

describe(`npm run officer:create (${testDriver})`, () => {
  let dir: string;
  let database: (DbHandle & { url?: string }) | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "loa-officer-"));
    if (testDriver === "postgres") {
      database = await createTestDb({ seed: "quick" });
      env = { DATABASE_URL: database.url! };
    } else {
      env = { PGLITE_DATA_DIR: join(dir, "pglite") };
      const embedded = await createPgliteDb({ dataDir: env.PGLITE_DATA_DIR });
      await migrateEmbedded(embedded);
      await seedDatabase(embedded.db, { laws: QUICK_LAWS.slice(0, 1) });
      await embedded.close();
    }
  });
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const create = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ["--import", "tsx", "src/cli/officer-create.ts", ...args],
        { env: { ...process.env, ...env } },
      );
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  };

  it("creates an officer and prints a password and a working token", async () => {
    const result = await create(
      "--email",
      "so-tu-phap@hanoi.loa.test",
      "--unit",
      "01",
      "--role",
      "manager",
      "--name",
      "Sở Tư pháp Hà Nội",
    );
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/Mật khẩu: [a-zA-Z2-9]{4}-/);
    const token = /Token: +(loa_[\w-]+)/.exec(result.output)![1]!;
    const handle = database ?? (await createPgliteDb({ dataDir: env.PGLITE_DATA_DIR }));
    try {
      const principal = await authenticateToken(handle.db, token);
      expect(principal).toMatchObject({ email: "so-tu-phap@hanoi.loa.test", role: "manager" });
    } finally {
      if (!database) await handle.close();
    }
  }, 60_000);

  it("explains what is wrong with the arguments", async () => {
    const result = await create("--email", "x", "--role", "boss");
    expect(result.code).toBe(1);
    expect(result.output).toContain("Cách dùng: npm run officer:create");
    expect(result.output).toContain("--email");
    expect(result.output).toContain("--role");
  }, 60_000);

  it("refuses an unknown unit code", async () => {
    const result = await create("--email", "a@loa.test", "--unit", "99999", "--role", "viewer");
    expect(result.code).toBe(1);
    expect(result.output).toContain('Không có đơn vị mã "99999"');
  }, 60_000);
});

// The seeded template a first embedded start copies: the same content as a fresh migrate + seed, and a new key
// whenever a migration, the seed data or the seed code changes. It is a PGlite feature, so it runs on PGlite
// whatever driver the suite uses.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteDb, type PgliteHandle } from "../../db/client-pglite";
import { migrateEmbedded } from "../../db/migrate";
import { seedDatabase } from "../../db/seed/seed-database";
import {
  createDataDirFromTemplate,
  ensureSeedTemplate,
  isDataDirEmpty,
  projectRoot,
  seedTemplateInputs,
  seedTemplateKey,
} from "../../db/seed/seed-template";
import { QUICK_LAWS } from "../support/test-db";

/** Every table's rows (timestamps reduced to "set or not": they record when the seed ran), sequences, indexes. */
async function contentOf(handle: PgliteHandle): Promise<Record<string, unknown>> {
  const client = handle.client;
  const tables = await client.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const content: Record<string, unknown> = {};
  for (const { schema, name } of tables.rows) {
    const columns = await client.query<{ column_name: string; data_type: string }>(
      `select column_name, data_type from information_schema.columns
       where table_schema = $1 and table_name = $2 order by ordinal_position`,
      [schema, name],
    );
    const fields = columns.rows.map(({ column_name: column, data_type: type }) =>
      type.startsWith("timestamp") && !(schema === "drizzle" && column === "created_at")
        ? `'${column}', "${column}" is not null`
        : `'${column}', "${column}"`,
    );
    const rows = await client.query<{ row: string }>(
      `select json_build_object(${fields.join(", ")})::text as row from "${schema}"."${name}" order by 1`,
    );
    content[`${schema}.${name}`] = rows.rows.map((r) => r.row);
  }
  content.sequences = (
    await client.query(`select schemaname, sequencename, last_value from pg_sequences order by 1, 2`)
  ).rows;
  content.indexes = (
    await client.query(`select tablename, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`)
  ).rows;
  content.triggers = (
    await client.query(
      `select event_object_table, trigger_name, event_manipulation, action_statement
       from information_schema.triggers order by 1, 2, 3`,
    )
  ).rows;
  return content;
}

describe("seeded template of the embedded database", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "loa-template-"));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("copies to a data folder with the same content as a fresh migrate + seed", async () => {
    const options = { cacheDir: join(work, "cache"), seed: { laws: QUICK_LAWS } };
    const dataDir = join(work, "data");
    await mkdir(dataDir);
    expect(await isDataDirEmpty(dataDir)).toBe(true);
    await createDataDirFromTemplate(dataDir, options);
    expect(await isDataDirEmpty(dataDir)).toBe(false);

    const fromTemplate = await createPgliteDb({ dataDir });
    const fresh = await createPgliteDb();
    try {
      await migrateEmbedded(fromTemplate); // nothing left to apply
      await migrateEmbedded(fresh);
      await seedDatabase(fresh.db, { laws: QUICK_LAWS });
      const [expected, actual] = [await contentOf(fresh), await contentOf(fromTemplate)];
      expect(Object.keys(actual)).toContain("public.articles");
      expect((actual["public.units"] as unknown[]).length).toBe(3356);
      expect(actual).toEqual(expected);
    } finally {
      await Promise.all([fromTemplate.close(), fresh.close()]);
    }

    // A second start finds the template and builds nothing.
    const events: string[] = [];
    await ensureSeedTemplate({ ...options, log: (event) => events.push(event) });
    expect(events).toEqual([]);
    // Two seeds of 3,356 units and three statutes: about 25 s while other suites share the two cores.
  }, 90_000);

  it("gets a new key when a migration, the seed data or the code the seed runs changes, not otherwise", async () => {
    const root = join(work, "project");
    for (const folder of ["db", "src", "surveys"])
      await cp(join(projectRoot, folder), join(root, folder), { recursive: true });
    const inputs = await seedTemplateInputs(root);
    expect(inputs).toEqual(
      expect.arrayContaining([
        "db/migrations/0001_foundation.sql",
        "db/seed/legal/law.json",
        "db/seed/seed-database.ts",
        "src/content/import-laws.ts",
        "src/text/search-terms.ts",
        "surveys/catalog.ts",
      ]),
    );
    const original = await seedTemplateKey({ root });
    const changed = async (file: string) => {
      const path = join(root, file);
      const before = await readFile(path);
      await writeFile(path, Buffer.concat([before, Buffer.from("\n")]));
      try {
        return await seedTemplateKey({ root });
      } finally {
        await writeFile(path, before);
      }
    };
    expect(await changed("db/migrations/0001_foundation.sql")).not.toBe(original);
    expect(await changed("db/seed/admin-units/units-2026-07.json")).not.toBe(original);
    expect(await changed("src/text/search-terms.ts")).not.toBe(original);
    expect(await changed("surveys/law-day-quiz.ts")).not.toBe(original);
    expect(await changed("src/app.ts")).toBe(original);
    expect(await seedTemplateKey({ root, seed: { laws: QUICK_LAWS } })).not.toBe(original);
    expect(await seedTemplateKey({ root })).toBe(original);
  });
});

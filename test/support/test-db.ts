// A fresh database per test file, on the driver this run uses: in-memory PGlite, or (with DATABASE_URL) a new
// database on the real server, dropped afterwards. Migrated with the committed migrations, seeded as asked.
import postgres from "postgres";
import { createPgliteDb } from "../../db/client-pglite";
import { createPostgresDb } from "../../db/client-postgres";
import type { DbHandle } from "../../db/db";
import { migrateEmbedded, migrateServer } from "../../db/migrate";
import { seedDatabase } from "../../db/seed/seed-database";

export const testDriver: "pglite" | "postgres" = process.env.DATABASE_URL ? "postgres" : "pglite";

/** A few statutes that keep seeding quick but cover titled and untitled (Constitution) articles. */
export const QUICK_LAWS = ["Luật Hôn nhân và gia đình", "Luật Cư trú", "Hiến pháp"];

export interface TestDbOptions {
  /** "none": schema only; "quick": units, topics, lessons and QUICK_LAWS; "full": every seeded statute. */
  seed?: "none" | "quick" | "full";
}

export async function createTestDb(options: TestDbOptions = {}): Promise<DbHandle & { url?: string }> {
  const handle = testDriver === "postgres" ? await createServerDatabase() : await createEmbeddedDatabase();
  const seed = options.seed ?? "quick";
  if (seed !== "none") await seedDatabase(handle.db, seed === "quick" ? { laws: QUICK_LAWS } : {});
  return handle;
}

async function createEmbeddedDatabase(): Promise<DbHandle> {
  const handle = await createPgliteDb();
  await migrateEmbedded(handle);
  return handle;
}

async function createServerDatabase(): Promise<DbHandle & { url: string }> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `loa_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateServer(url.toString());
  const handle = createPostgresDb(url.toString(), { max: 5 });
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

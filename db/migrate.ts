// Applies the committed drizzle-kit migrations (db/migrations) to either database. Node only: it reads the folder.
import { join } from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteHandle } from "./client-pglite";
import { projectRoot } from "./project-root";

export const migrationsFolder = join(projectRoot, "db/migrations");

// Any fixed number: every instance that migrates takes the same advisory lock.
const MIGRATION_LOCK_ID = 7_240_301;

export async function migrateEmbedded(handle: PgliteHandle): Promise<void> {
  await migratePglite(handle.db as never, { migrationsFolder });
}

/**
 * Several Node instances may start at once against one server: the advisory lock makes them migrate one after
 * another (the later ones find nothing left to do). One dedicated connection, so the lock and the work share it.
 */
export async function migrateServer(url: string): Promise<void> {
  // Loaded here so an embedded start does not load the Postgres driver.
  const [{ default: postgres }, { drizzle }, { migrate: migratePostgres }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
    import("drizzle-orm/postgres-js/migrator"),
  ]);
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzle({ client }), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

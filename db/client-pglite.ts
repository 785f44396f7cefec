// The embedded database: PGlite (Postgres compiled to WebAssembly) in a data folder, or in memory for tests.
// Node only; the Worker bundle must never import this file.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import type { Db, DbHandle } from "./db";
import * as schema from "./schema/index";

export interface PgliteOptions {
  /** A folder kept across restarts, or undefined for an in-memory database. */
  dataDir?: string;
  /** A dump made by `dumpDataDir`, to start from (tests clone a seeded database this way). */
  loadDataDir?: Blob | File;
}

export interface PgliteHandle extends DbHandle {
  driver: "pglite";
  client: PGlite;
}

export async function createPgliteDb(options: PgliteOptions = {}): Promise<PgliteHandle> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  // The extensions the first migration creates must be compiled in here: PGlite cannot load them from disk.
  const client = await PGlite.create(options.dataDir ?? "memory://", {
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, driver: "pglite", client, close: () => client.close() };
}

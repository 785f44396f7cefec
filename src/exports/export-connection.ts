// The database an export streams from. A streamed export outlives its request's handler: the Worker closes the
// request's postgres.js client as soon as the handler returns the (still streaming) Response, and a long export
// should not hold one of the Node server's pooled connections either. So on a server database the stream reads
// through a client of its own, with the same settings, closed when the stream ends or is cancelled. Embedded PGlite
// is one in-process connection that lives as long as the server: the stream shares it.
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "../../db/db";
import * as schema from "../../db/schema/index";

export interface ExportConnection {
  db: Db;
  close(): Promise<void>;
}

export function openExportConnection(db: Db): ExportConnection {
  const client = (db as unknown as { $client?: { options?: postgres.Options<Record<string, never>> } }).$client;
  const isPostgresJs = client && typeof (client as { unsafe?: unknown }).unsafe === "function" && client.options;
  if (!isPostgresJs) return { db, close: async () => {} };
  const own = postgres({ ...client.options, max: 1 } as postgres.Options<Record<string, never>>);
  return {
    db: drizzle({ client: own, schema }) as unknown as Db,
    close: () => own.end({ timeout: 5 }),
  };
}

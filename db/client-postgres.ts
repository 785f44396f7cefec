// A real Postgres server through postgres.js: on Node from DATABASE_URL, on Workers from a Hyperdrive binding
// (one client per request; Hyperdrive pools the real connections).
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { copyOutOf } from "#postgres-copy-out";
import type { Db, DbHandle } from "./db";
import * as schema from "./schema/index";

export interface PostgresOptions {
  /** Connections in the pool: a long-lived Node server wants several, a Worker request a few. */
  max?: number;
  /** Hyperdrive already caches types; skipping the lookup saves a round trip per request. */
  fetchTypes?: boolean;
}

export interface PostgresHandle extends DbHandle {
  driver: "postgres";
  client: postgres.Sql;
}

export function createPostgresDb(url: string, options: PostgresOptions = {}): PostgresHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    fetch_types: options.fetchTypes ?? true,
    onnotice: () => {},
  });
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, driver: "postgres", client, close: () => client.end({ timeout: 5 }) };
}

// A connection of its own for work that outlives a request, such as a streamed export: the Worker closes the
// request's postgres.js client as soon as the handler returns the (still streaming) Response, and a long export
// should not hold one of the Node server's pooled connections either. So on a server database such work reads
// through a client of its own, with the same settings, closed when it ends or is cancelled. Embedded PGlite is one
// in-process connection that lives as long as the server: the work shares it.
export interface DedicatedConnection {
  db: Db;
  /**
   * On a server database: runs a `COPY … TO STDOUT` statement and yields its bytes as Postgres sends them (the
   * socket is paused while the reader is behind). Absent on embedded PGlite, whose COPY writes to its own files.
   */
  copyOut?(statement: string): Promise<AsyncIterable<Uint8Array>>;
  close(): Promise<void>;
}

export function openDedicatedConnection(db: Db): DedicatedConnection {
  const client = (db as unknown as { $client?: { options?: postgres.Options<Record<string, never>> } }).$client;
  const isPostgresJs = client && typeof (client as { unsafe?: unknown }).unsafe === "function" && client.options;
  if (!isPostgresJs) return { db, close: async () => {} };
  const own = postgres({ ...client.options, max: 1 } as postgres.Options<Record<string, never>>);
  return {
    db: drizzle({ client: own, schema }) as unknown as Db,
    copyOut: copyOutOf(own),
    close: () => own.end({ timeout: 5 }),
  };
}

// A real Postgres server through postgres.js: on Node from DATABASE_URL, on Workers from a Hyperdrive binding
// (one client per request; Hyperdrive pools the real connections).
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
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

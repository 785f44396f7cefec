// One database type for PGlite (embedded) and postgres.js (a real server, or Hyperdrive on Workers).
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema/index";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** An open database and how to let it go. */
export interface DbHandle {
  db: Db;
  driver: "pglite" | "postgres";
  close(): Promise<void>;
}

interface PostgresJsClient {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<Iterable<unknown>>;
}
interface PgliteClient {
  query(query: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Runs one hand-written statement ($1, $2, … parameters) on the client under a drizzle database or transaction.
 * The hot path uses it to skip drizzle's query building and, on postgres.js, to use named prepared statements:
 * an unnamed statement with parameters costs postgres.js two round trips (it asks for the parameter types first),
 * a prepared one costs one after its first use on a connection. Pass timestamps as ISO strings and JSON as text
 * (cast in SQL: `$1::timestamptz`, `$2::text::jsonb`) and read back no int8 or timestamp columns (cast to text):
 * the two drivers parse those differently.
 */
export async function runStatement<Row>(db: Db, text: string, params: unknown[]): Promise<Row[]> {
  // drizzle keeps the driver's client on the database ($client) and on a transaction's session (the transaction).
  const holder = db as unknown as { $client?: unknown; session?: { client?: unknown } };
  const client = holder.$client ?? holder.session?.client;
  if (client && typeof (client as PostgresJsClient).unsafe === "function") {
    return [...(await (client as PostgresJsClient).unsafe(text, params, { prepare: true }))] as Row[];
  }
  if (client && typeof (client as PgliteClient).query === "function") {
    return (await (client as PgliteClient).query(text, params)).rows as Row[];
  }
  throw new Error("runStatement: unknown database client");
}

/**
 * What identifies the database behind `db` across clients: on Workers every request makes its own postgres.js
 * client, so per-process caches key on the server and database, not on the client object. PGlite is its own key.
 */
export function databaseIdentity(db: Db): object | string {
  const client = (db as unknown as { $client?: { options?: { host?: unknown; port?: unknown; database?: unknown } } })
    .$client;
  const options = client?.options;
  if (options && options.database !== undefined)
    return `postgres:${JSON.stringify([options.host, options.port, options.database])}`;
  return db;
}

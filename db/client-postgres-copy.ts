// COPY … TO STDOUT through postgres.js on Node: it resolves such a statement, in streaming mode, to a Node Readable
// that pauses the socket while the reader is behind, and Readables are async iterables of their chunks.
import type postgres from "postgres";

export function copyOutOf(
  client: postgres.Sql,
): ((statement: string) => Promise<AsyncIterable<Uint8Array>>) | undefined {
  return async (statement) => (await client.unsafe(statement).readable()) as unknown as AsyncIterable<Uint8Array>;
}

// Column types shared by the schema files.
import { sql } from "drizzle-orm";
import { customType, timestamp } from "drizzle-orm/pg-core";

/** A Postgres tsvector, written from a literal that src/text/search-terms.ts builds. */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => "tsvector",
  // A literal of ready lexemes: cast, not to_tsvector(), so Postgres keeps "ly_hon" whole.
  toDriver: (literal) => sql`${literal}::tsvector`,
});

/** UTC timestamps with time zone, returned as Date. */
export const utcTimestamp = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

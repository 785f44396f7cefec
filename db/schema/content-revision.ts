// One counter that moves whenever published content may have changed (topics, statutes, articles, lessons).
// Triggers (migration content_revision_triggers) bump it in the same transaction as the change, so every instance
// that caches content per process sees the new revision exactly when the change becomes visible, in the first
// statement of the next message, at no extra round trip.
import { sql } from "drizzle-orm";
import { bigint, check, integer, pgTable } from "drizzle-orm/pg-core";

export const contentRevision = pgTable(
  "content_revision",
  {
    id: integer("id").primaryKey().default(1),
    revision: bigint("revision", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("content_revision_single_row", sql`${t.id} = 1`)],
);

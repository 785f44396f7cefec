// Citizens as the channels see them: one contact per channel identity. The platform id is personal data and never
// leaves the database except to send a message; exports and scoring use the pseudonymous id.
import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { utcTimestamp } from "./types";
import { units } from "./units";

export const channels = ["web", "telegram", "zalo", "zalo_oa"] as const;
export type Channel = (typeof channels)[number];

export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel", { enum: channels }).notNull(),
    platformId: text("platform_id").notNull(),
    pseudonymousId: uuid("pseudonymous_id").notNull().defaultRandom().unique(),
    locale: text("locale").notNull().default("vi"),
    unitId: integer("unit_id").references(() => units.id),
    firstSeenAt: utcTimestamp("first_seen_at").notNull().defaultNow(),
    lastSeenAt: utcTimestamp("last_seen_at").notNull().defaultNow(),
    optedOutAt: utcTimestamp("opted_out_at"),
    /** Set when the platform says we cannot reach the person any more (e.g. they blocked the bot). */
    unreachableAt: utcTimestamp("unreachable_at"),
  },
  (t) => [
    unique("contacts_channel_platform_id_key").on(t.channel, t.platformId),
    index("contacts_unit_idx").on(t.unitId),
  ],
);

/** The conversation state of a contact: versioned, zod-validated JSON, so any instance can serve the next message. */
export const conversationSessions = pgTable("conversation_sessions", {
  contactId: uuid("contact_id")
    .primaryKey()
    .references(() => contacts.id, { onDelete: "cascade" }),
  state: jsonb("state").notNull(),
  revision: integer("revision").notNull().default(0),
  updatedAt: utcTimestamp("updated_at").notNull().defaultNow(),
});

/** Keys of inbound updates already handled, so a webhook retry is acknowledged and not processed twice. */
export const processedUpdates = pgTable(
  "processed_updates",
  {
    channel: text("channel").notNull(),
    updateKey: text("update_key").notNull(),
    processedAt: utcTimestamp("processed_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.updateKey] }), index("processed_updates_time_idx").on(t.processedAt)],
);

/**
 * Messages pushed to a contact outside a request/response turn (an officer's answer, a campaign message). The id is
 * the cursor the web chat polls with.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    replies: jsonb("replies").notNull(),
    createdAt: utcTimestamp("created_at").notNull().default(sql`now()`),
    /**
     * Delivery for channels the service sends to (Telegram): how many message parts went out (a retry resumes
     * after them, so nothing is sent twice), attempts, when to try again, and the outcome. The web chat pulls.
     */
    channel: text("channel"),
    partsSent: integer("parts_sent").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: utcTimestamp("next_attempt_at"),
    deliveredAt: utcTimestamp("delivered_at"),
    failedAt: utcTimestamp("failed_at"),
    lastError: text("last_error"),
    /**
     * Set while a message waits for the person to write again: a channel that may only answer within a window
     * after the person's last message (Zalo OA) parks it here instead of sending; their next message releases it.
     */
    awaitingContactSince: utcTimestamp("awaiting_contact_since"),
  },
  (t) => [
    index("outbox_messages_contact_idx").on(t.contactId, t.id),
    index("outbox_messages_pending_idx")
      .on(t.channel, t.nextAttemptAt)
      .where(sql`delivered_at is null and failed_at is null and channel is not null`),
  ],
);

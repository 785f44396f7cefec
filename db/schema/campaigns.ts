// Campaigns an office pushes to its subscribers (Law Day above all), and the ledger that makes each one reach each
// person at most once: one delivery row per campaign × contact, unique, whose state moves only forward. Times are
// UTC; the send window is minutes after midnight in Asia/Ho_Chi_Minh.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import { officers } from "./officers";
import { utcTimestamp } from "./types";
import { units } from "./units";

export const campaignStates = ["draft", "scheduled", "running", "paused", "completed", "cancelled"] as const;
export type CampaignState = (typeof campaignStates)[number];

export const campaigns = pgTable(
  "campaigns",
  {
    id: serial("id").primaryKey(),
    /** The owning unit: only officers whose scope holds it see or change the campaign. */
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    name: text("name").notNull(),
    state: text("state", { enum: campaignStates }).notNull().default("draft"),
    /** Channels to send on, e.g. ["telegram", "web"]. */
    channels: jsonb("channels").$type<string[]>().notNull(),
    /** `{ unitCodes: string[], topics?: string[] }`: units include everything below them. */
    audience: jsonb("audience").notNull(),
    /** `[{ text, lessonId?, articleId? }]`, sent in order as one delivery. */
    messages: jsonb("messages").notNull(),
    /** A survey the last message invites to (its button opens the survey). */
    surveyKey: text("survey_key"),
    startAt: utcTimestamp("start_at").notNull(),
    endAt: utcTimestamp("end_at"),
    /** Send window in Vietnamese time, minutes after midnight; from > to means the window crosses midnight. */
    windowFromMinute: integer("window_from_minute")
      .notNull()
      .default(7 * 60),
    windowToMinute: integer("window_to_minute")
      .notNull()
      .default(21 * 60),
    /** Spread the first sends over this many hours (of window time) so replies do not all arrive at once. */
    spreadHours: real("spread_hours"),
    /** Contacts written to the ledger when the campaign was planned. */
    targeted: integer("targeted").notNull().default(0),
    plannedAt: utcTimestamp("planned_at"),
    createdBy: uuid("created_by").references(() => officers.id, { onDelete: "set null" }),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
    updatedAt: utcTimestamp("updated_at").notNull().defaultNow(),
    scheduledAt: utcTimestamp("scheduled_at"),
    startedAt: utcTimestamp("started_at"),
    pausedAt: utcTimestamp("paused_at"),
    finishedAt: utcTimestamp("finished_at"),
  },
  (t) => [
    index("campaigns_unit_idx").on(t.unitId),
    index("campaigns_active_idx").on(t.state).where(sql`state in ('scheduled', 'running')`),
    check(
      "campaigns_window_check",
      sql`${t.windowFromMinute} between 0 and 1440 and ${t.windowToMinute} between 0 and 1440`,
    ),
  ],
);

export const campaignDeliveryStates = ["queued", "sending", "sent", "failed", "blocked", "waiting", "skipped"] as const;
export type CampaignDeliveryState = (typeof campaignDeliveryStates)[number];

/**
 * The exactly-once ledger. `queued` rows are due at `due_at` (spread and windows decide it); a sender claims a row
 * (FOR UPDATE SKIP LOCKED on Node, a queue message on Workers) by bumping `attempts`, which is the claim's token
 * as in the outbox; `waiting`: held for the next window; `skipped`: the person opted out or became unreachable
 * before their turn.
 */
export const campaignDeliveries = pgTable(
  "campaign_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    state: text("state", { enum: campaignDeliveryStates }).notNull().default("queued"),
    dueAt: utcTimestamp("due_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** How long the current claim holds; a row still `sending` past it is taken over. */
    leaseUntil: utcTimestamp("lease_until"),
    lastError: text("last_error"),
    /** The outbox row the messages went into (the shared delivery loop sends it). */
    outboxMessageId: bigint("outbox_message_id", { mode: "number" }),
    sentAt: utcTimestamp("sent_at"),
    updatedAt: utcTimestamp("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("campaign_deliveries_campaign_contact_key").on(t.campaignId, t.contactId),
    index("campaign_deliveries_due_idx").on(t.campaignId, t.dueAt).where(sql`state in ('queued', 'sending')`),
    index("campaign_deliveries_state_idx").on(t.campaignId, t.state),
    // The senders' sweep of handed-off rows (outcome back from the outbox, leases run out) reads only these.
    index("campaign_deliveries_sending_idx").on(t.outboxMessageId).where(sql`state = 'sending'`),
  ],
);

/**
 * The campaign senders' shared pace, one row per channel: each batch a sender claims reserves the next stretch of
 * time (its messages ÷ the channel's campaign rate) by moving `next_at` on, in the claim's own transaction, and sends
 * only once its stretch begins. So several Node instances (and Queue consumers) sharing one database stay under one
 * rate together, at the cost of one row update per batch.
 */
export const campaignSendSlots = pgTable("campaign_send_slots", {
  channel: text("channel").primaryKey(),
  nextAt: utcTimestamp("next_at").notNull(),
});

// What a citizen asked to receive: general news ("news") or a topic (a topics.slug), each tied to the consent record
// that was shown when they opted in. Campaign audiences read only live rows (unsubscribed_at is null) of contacts
// that are neither opted out nor unreachable; an opt-out word ends every subscription of the contact at once.
import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import { consentRecords } from "./surveys";
import { utcTimestamp } from "./types";

/** The subscription that every "Đăng ký nhận tin" gives; topics are extra, finer choices. */
export const NEWS_SUBSCRIPTION = "news";

export const subscriptions = pgTable(
  "subscriptions",
  {
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    /** "news", or the slug of a topic. */
    topic: text("topic").notNull(),
    /** The consent shown when the person subscribed (purpose "subscription:<topic>"). */
    consentId: uuid("consent_id").references(() => consentRecords.id, { onDelete: "set null" }),
    subscribedAt: utcTimestamp("subscribed_at").notNull().defaultNow(),
    /** Set when the person unsubscribes or opts out; subscribing again clears it with a new consent. */
    unsubscribedAt: utcTimestamp("unsubscribed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.topic] }),
    index("subscriptions_live_topic_idx").on(t.topic, t.contactId).where(sql`unsubscribed_at is null`),
  ],
);

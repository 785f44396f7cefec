// The engine's view of a contact's subscriptions (the SubscriptionSource port): what they receive now, their
// commune, whether they opted out, and the topics they may subscribe to.
import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/db";
import { contacts, subscriptions, topics, units } from "../../db/schema/index";
import type { SubscriptionSource } from "../engine/ports";

export function createSubscriptionSource(db: Db): SubscriptionSource {
  return {
    async status(contactId) {
      const province = alias(units, "province");
      const [contact] = await db
        .select({
          optedOutAt: contacts.optedOutAt,
          code: units.code,
          name: units.fullName,
          province: province.fullName,
        })
        .from(contacts)
        .leftJoin(units, eq(units.id, contacts.unitId))
        .leftJoin(province, eq(province.id, units.parentId))
        .where(eq(contacts.id, contactId));
      const live = await db
        .select({ topic: subscriptions.topic })
        .from(subscriptions)
        .where(and(eq(subscriptions.contactId, contactId), isNull(subscriptions.unsubscribedAt)))
        .orderBy(asc(subscriptions.subscribedAt), asc(subscriptions.topic));
      return {
        // "news" first: it is the subscription the others add to.
        topics: live.map((r) => r.topic).sort((a, b) => Number(b === "news") - Number(a === "news")),
        unit:
          contact?.code && contact.name
            ? { code: contact.code, name: contact.name, province: contact.province ?? null }
            : null,
        optedOut: contact?.optedOutAt != null,
      };
    },

    async listTopics() {
      return db
        .select({ slug: topics.slug, name: topics.name })
        .from(topics)
        .orderBy(asc(topics.ordinal), asc(topics.name));
    },
  };
}

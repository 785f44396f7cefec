// Applies the subscription effects of a conversation turn inside the turn's transaction: a subscription with the
// consent record of the exact text the person agreed to (and an opt-out cleared), one subscription ended, an
// opt-out of everything, the commune the person named.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/db";
import { consentRecords, contacts, NEWS_SUBSCRIPTION, subscriptions, topics, units } from "../../db/schema/index";
import type { Effect } from "../engine/effects";
import { endSubscriptions } from "./end-subscriptions";

export const subscriptionPurpose = (topic: string) => `subscription:${topic}`;

export async function applySubscriptionEffects(
  tx: Db,
  contactId: string,
  channel: string,
  effects: Effect[],
  now: Date,
): Promise<void> {
  for (const effect of effects) {
    switch (effect.type) {
      case "subscribe": {
        // A topic removed since it was offered is not subscribed to.
        if (effect.topic !== NEWS_SUBSCRIPTION) {
          const [topic] = await tx.select({ id: topics.id }).from(topics).where(eq(topics.slug, effect.topic));
          if (!topic) break;
        }
        await tx.insert(consentRecords).values({
          id: effect.consentId,
          contactId,
          purpose: subscriptionPurpose(effect.topic),
          textVersion: effect.consentVersion,
          text: effect.consentText,
          channel,
          givenAt: now,
        });
        await tx
          .insert(subscriptions)
          .values({ contactId, topic: effect.topic, consentId: effect.consentId, subscribedAt: now })
          .onConflictDoUpdate({
            target: [subscriptions.contactId, subscriptions.topic],
            set: { consentId: effect.consentId, subscribedAt: now, unsubscribedAt: null },
          });
        await tx.update(contacts).set({ optedOutAt: null }).where(eq(contacts.id, contactId));
        break;
      }
      case "unsubscribe": {
        const ended = await tx
          .update(subscriptions)
          .set({ unsubscribedAt: now })
          .where(
            and(
              eq(subscriptions.contactId, contactId),
              eq(subscriptions.topic, effect.topic),
              isNull(subscriptions.unsubscribedAt),
            ),
          )
          .returning({ topic: subscriptions.topic });
        if (ended.length > 0)
          await tx
            .update(consentRecords)
            .set({ withdrawnAt: now })
            .where(
              and(
                eq(consentRecords.contactId, contactId),
                eq(consentRecords.purpose, subscriptionPurpose(effect.topic)),
                isNull(consentRecords.withdrawnAt),
              ),
            );
        break;
      }
      case "opt_out":
        await endSubscriptions(tx, contactId, now);
        break;
      case "set_contact_unit": {
        const [unit] = await tx
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.code, effect.unitCode), eq(units.kind, "commune"), isNull(units.validTo)))
          .limit(1);
        if (unit) await tx.update(contacts).set({ unitId: unit.id }).where(eq(contacts.id, contactId));
        break;
      }
      default:
        break;
    }
  }
}

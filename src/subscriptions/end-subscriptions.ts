// Ends every live subscription of a contact and marks it opted out, withdrawing the consents those subscriptions
// were given under. Used by the stop words and by the privacy commands (withdrawing consent stops all processing,
// news included), always inside the turn's transaction.
import { and, eq, isNull, like, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { consentRecords, contacts, subscriptions } from "../../db/schema/index";

/** How many subscriptions were live and are now ended. */
export async function endSubscriptions(tx: Db, contactId: string, now: Date): Promise<number> {
  const ended = await tx
    .update(subscriptions)
    .set({ unsubscribedAt: now })
    .where(and(eq(subscriptions.contactId, contactId), isNull(subscriptions.unsubscribedAt)))
    .returning({ topic: subscriptions.topic });
  await tx
    .update(consentRecords)
    .set({ withdrawnAt: now })
    .where(
      and(
        eq(consentRecords.contactId, contactId),
        like(consentRecords.purpose, "subscription:%"),
        isNull(consentRecords.withdrawnAt),
      ),
    );
  // The first opt-out's time is kept: a second stop word changes nothing.
  await tx
    .update(contacts)
    .set({ optedOutAt: sql`coalesce(${contacts.optedOutAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(contacts.id, contactId));
  return ended.length;
}

// A person withdraws consent: processing stops at once. Their consent records are marked withdrawn and their
// in-progress responses stop (no more answers are taken) and their subscriptions end (no more news); what was
// answered stays until they choose to erase it.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/db";
import { consentRecords, surveyResponses } from "../../db/schema/index";
import { recordAudit } from "../officers/audit";
import { endSubscriptions } from "../subscriptions/end-subscriptions";
import { contactUnit } from "./contact-unit";

export async function withdrawConsent(tx: Db, contactId: string, channel: string, now: Date): Promise<void> {
  await tx
    .update(consentRecords)
    .set({ withdrawnAt: now })
    .where(and(eq(consentRecords.contactId, contactId), isNull(consentRecords.withdrawnAt)));
  await tx
    .update(surveyResponses)
    .set({ status: "stopped", lastActivityAt: now })
    .where(and(eq(surveyResponses.contactId, contactId), eq(surveyResponses.status, "in_progress")));
  // No more news either: every subscription ends and the contact counts as opted out.
  await endSubscriptions(tx, contactId, now);
  await recordAudit(tx, null, {
    action: "consent.withdraw",
    targetType: "contact",
    unitId: await contactUnit(tx, contactId),
    details: { channel },
  });
}

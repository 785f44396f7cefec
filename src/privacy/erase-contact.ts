// A person asks for their data to be erased: the contact goes (with its session and consent records, by cascade),
// and their responses are either deleted or kept de-identified: no contact, no consent, no free text.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { contacts, surveyAnswers, surveyResponses } from "../../db/schema/index";
import { recordAudit } from "../officers/audit";
import { contactUnit } from "./contact-unit";

export type EraseMode = "delete" | "deidentify";

export async function eraseContact(tx: Db, contactId: string, channel: string, mode: EraseMode): Promise<void> {
  const unitId = await contactUnit(tx, contactId);
  const responses = await tx
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(eq(surveyResponses.contactId, contactId));
  const ids = responses.map((r) => r.id);
  if (mode === "delete") {
    if (ids.length > 0) await tx.delete(surveyResponses).where(inArray(surveyResponses.id, ids));
  } else if (ids.length > 0) {
    // Free text may name the person: it goes; choices, numbers and the commune stay, linked to no one.
    await tx
      .delete(surveyAnswers)
      .where(and(inArray(surveyAnswers.responseId, ids), sql`${surveyAnswers.value}->>'kind' = 'text'`));
    await tx
      .update(surveyResponses)
      .set({ contactId: null, consentId: null, deidentified: true })
      .where(inArray(surveyResponses.id, ids));
  }
  await tx.delete(contacts).where(eq(contacts.id, contactId));
  await recordAudit(tx, null, {
    action: "data.erase",
    targetType: "contact",
    unitId,
    details: { mode, channel, responses: ids.length },
  });
}

// The unit a contact named (its commune), for the unit scope of privacy audit entries.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { contacts } from "../../db/schema/index";

export async function contactUnit(db: Db, contactId: string): Promise<number | null> {
  const [row] = await db.select({ unitId: contacts.unitId }).from(contacts).where(eq(contacts.id, contactId));
  return row?.unitId ?? null;
}

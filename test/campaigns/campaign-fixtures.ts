// People for campaign tests: contacts in a unit with subscriptions, opted out, unreachable or unsubscribed as asked,
// written straight into the tables the audience reads (the chat flow that creates them is the subs helper's).
import { eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { type Channel, contacts, subscriptions, units } from "../../db/schema/index";

export interface SubscriberOptions {
  channel?: Channel;
  /** The contact's unit; null: a person who never named their commune. */
  unitCode?: string | null;
  topics?: string[];
  optedOut?: boolean;
  unreachable?: boolean;
  unsubscribed?: boolean;
  platformId?: string;
}

let counter = 0;

export async function unitIdOf(db: Db, code: string): Promise<number> {
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

export async function addSubscriber(db: Db, options: SubscriberOptions = {}): Promise<string> {
  const unitCode = options.unitCode === undefined ? "00004" : options.unitCode;
  const [contact] = await db
    .insert(contacts)
    .values({
      channel: options.channel ?? "web",
      platformId: options.platformId ?? `nguoi-nhan-${process.pid}-${++counter}`,
      unitId: unitCode === null ? null : await unitIdOf(db, unitCode),
      optedOutAt: options.optedOut ? new Date() : null,
      unreachableAt: options.unreachable ? new Date() : null,
    })
    .returning({ id: contacts.id });
  for (const topic of options.topics ?? ["news"]) {
    await db.insert(subscriptions).values({
      contactId: contact!.id,
      topic,
      unsubscribedAt: options.unsubscribed ? new Date() : null,
    });
  }
  return contact!.id;
}

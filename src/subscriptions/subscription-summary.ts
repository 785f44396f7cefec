// How many people a campaign could reach in a unit: live subscribers per topic and channel within the unit's
// subtree, counts only. "Live" is what a campaign audience takes: a subscription not ended, of a contact that has
// neither opted out nor become unreachable. Contacts with no commune belong to no unit below the country, so only
// an officer whose scope is the whole country sees how many they are.
import { and, asc, count, countDistinct, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/db";
import {
  channels,
  contacts,
  NEWS_SUBSCRIPTION,
  subscriptions,
  topics,
  units,
  type Channel,
} from "../../db/schema/index";
import { inScope, type Principal } from "../officers/principal";

export interface TopicSummary {
  topic: string;
  name: string;
  total: number;
  byChannel: Record<Channel, number>;
}

export interface SubscriptionSummary {
  unit: { code: string; name: string };
  /** People (not subscriptions) with at least one live subscription in the subtree. */
  total: number;
  byChannel: Record<Channel, number>;
  topics: TopicSummary[];
  /** Live subscribers who never named their commune; null unless the caller's scope is the whole country. */
  withoutUnit: { total: number; byChannel: Record<Channel, number> } | null;
}

/** The name officers see for the general news subscription. */
export const NEWS_NAME = "Tin pháp luật chung";

const zeroes = (): Record<Channel, number> =>
  Object.fromEntries(channels.map((c) => [c, 0])) as Record<Channel, number>;

const live = and(isNull(subscriptions.unsubscribedAt), isNull(contacts.optedOutAt), isNull(contacts.unreachableAt));

async function counts(db: Db, where: SQL | undefined) {
  const byTopic = await db
    .select({ topic: subscriptions.topic, channel: contacts.channel, count: count() })
    .from(subscriptions)
    .innerJoin(contacts, eq(contacts.id, subscriptions.contactId))
    .where(and(live, where))
    .groupBy(subscriptions.topic, contacts.channel);
  const people = await db
    .select({ channel: contacts.channel, count: countDistinct(contacts.id) })
    .from(subscriptions)
    .innerJoin(contacts, eq(contacts.id, subscriptions.contactId))
    .where(and(live, where))
    .groupBy(contacts.channel);
  const byChannel = zeroes();
  for (const row of people) byChannel[row.channel] = row.count;
  return { byTopic, byChannel, total: people.reduce((n, r) => n + r.count, 0) };
}

export async function subscriptionSummary(
  db: Db,
  principal: Principal,
  unit: { code: string; name: string; path: string },
): Promise<SubscriptionSummary> {
  const subtree = `${unit.path}%`;
  const inUnit = sql`${contacts.unitId} in (select ${units.id} from ${units} where ${units.path} like ${subtree})`;
  const scoped = await counts(db, and(inUnit, inScope(principal, contacts.unitId)));
  const national = principal.unitPath.split("/").filter(Boolean).length === 1 && unit.path === principal.unitPath;
  const unassigned = national ? await counts(db, isNull(contacts.unitId)) : null;

  // Every topic is listed, with zeroes, so an officer sees which ones nobody has asked for yet.
  const known = await db.select({ slug: topics.slug, name: topics.name }).from(topics).orderBy(asc(topics.ordinal));
  const rows: TopicSummary[] = [{ slug: NEWS_SUBSCRIPTION, name: NEWS_NAME }, ...known].map((t) => ({
    topic: t.slug,
    name: t.name,
    total: 0,
    byChannel: zeroes(),
  }));
  for (const row of scoped.byTopic) {
    let entry = rows.find((r) => r.topic === row.topic);
    if (!entry) {
      // A topic deleted since people subscribed to it: still counted, under its key.
      entry = { topic: row.topic, name: row.topic, total: 0, byChannel: zeroes() };
      rows.push(entry);
    }
    entry.byChannel[row.channel] += row.count;
    entry.total += row.count;
  }
  return {
    unit: { code: unit.code, name: unit.name },
    total: scoped.total,
    byChannel: scoped.byChannel,
    topics: rows,
    withoutUnit: unassigned ? { total: unassigned.total, byChannel: unassigned.byChannel } : null,
  };
}

// Campaign ledgers for the sender tests, written with plain inserts (the planning in src/campaigns is the campaigns
// helper's; these stand in for it): a campaign in a given state, subscribed contacts on a channel, and one queued
// delivery row per contact.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import {
  type CampaignState,
  type Channel,
  campaignDeliveries,
  campaigns,
  contacts,
  subscriptions,
  units,
} from "../../db/schema/index";

export interface CampaignFixture {
  state?: CampaignState;
  channels?: Channel[];
  messages?: Array<{ text: string; lessonId?: number; articleId?: number }>;
  surveyKey?: string | null;
  startAt?: Date;
  endAt?: Date | null;
  /** Minutes after midnight, Vietnamese time; default 0–1440 (always open) so tests choose when windows matter. */
  window?: { fromMinute: number; toMinute: number };
  topics?: string[];
}

export async function createCampaign(db: Db, fixture: CampaignFixture = {}): Promise<number> {
  const [unit] = await db.select({ id: units.id }).from(units).limit(1);
  const unitId =
    unit?.id ??
    (
      await db
        .insert(units)
        .values({
          code: "VN",
          kind: "country",
          name: "Việt Nam",
          fullName: "Việt Nam",
          nameFolded: "viet nam",
          path: "/",
          validFrom: "2025-07-01",
        })
        .returning({ id: units.id })
    )[0]!.id;
  const [row] = await db
    .insert(campaigns)
    .values({
      unitId,
      name: "Ngày Pháp luật Việt Nam",
      state: fixture.state ?? "running",
      channels: fixture.channels ?? ["telegram"],
      audience: { unitCodes: ["VN"], ...(fixture.topics ? { topics: fixture.topics } : {}) },
      messages: fixture.messages ?? [{ text: "Hưởng ứng Ngày Pháp luật Việt Nam 9/11" }],
      surveyKey: fixture.surveyKey ?? null,
      startAt: fixture.startAt ?? new Date(Date.now() - 60_000),
      endAt: fixture.endAt ?? null,
      windowFromMinute: fixture.window?.fromMinute ?? 0,
      windowToMinute: fixture.window?.toMinute ?? 1440,
    })
    .returning({ id: campaigns.id });
  return row!.id;
}

let nextPlatformId = 500_000;

/** `count` contacts on `channel`, each subscribed to news (and `topics`); returns their ids and platform ids. */
export async function addSubscribers(
  db: Db,
  count: number,
  channel: Channel = "telegram",
  topics: string[] = [],
): Promise<Array<{ id: string; platformId: string }>> {
  const values = Array.from({ length: count }, () => ({ channel, platformId: String(nextPlatformId++) }));
  const rows = await db.insert(contacts).values(values).returning({ id: contacts.id, platformId: contacts.platformId });
  await db
    .insert(subscriptions)
    .values(rows.flatMap((r) => ["news", ...topics].map((topic) => ({ contactId: r.id, topic }))));
  return rows;
}

/** One queued ledger row per contact, due at `dueAt`; the campaign counts as planned. */
export async function planDeliveries(
  db: Db,
  campaignId: number,
  people: Array<{ id: string }>,
  channel: Channel = "telegram",
  dueAt: Date = new Date(Date.now() - 1_000),
): Promise<void> {
  for (let i = 0; i < people.length; i += 1000) {
    await db
      .insert(campaignDeliveries)
      .values(people.slice(i, i + 1000).map((p) => ({ campaignId, contactId: p.id, channel, dueAt })));
  }
  await db
    .update(campaigns)
    .set({ targeted: sql`${campaigns.targeted} + ${people.length}`, plannedAt: new Date() })
    .where(eq(campaigns.id, campaignId));
}

/** Ledger rows of a campaign by state. */
export async function ledgerStates(db: Db, campaignId: number): Promise<Record<string, number>> {
  const rows = await db
    .select({ state: campaignDeliveries.state, n: sql<number>`count(*)::int` })
    .from(campaignDeliveries)
    .where(eq(campaignDeliveries.campaignId, campaignId))
    .groupBy(campaignDeliveries.state);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

// Planning the ledger: each row's due time is addWindowTime(start, i/N × spread) (the SQL closed form agrees with
// the arithmetic the senders use, across nights), planning again adds only the missing, and two planners racing
// leave one row per person. A campaign across a province reaches the communes below it and no one else.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { campaignDeliveries, campaigns, units } from "../../db/schema/index";
import { planCampaign } from "../../src/campaigns/plan-campaign";
import { addWindowTime, isInWindow } from "../../src/campaigns/send-window";
import { createTestDb, testDriver } from "../support/test-db";
import { addSubscriber, unitIdOf } from "./campaign-fixtures";

const HOUR = 3_600_000;
const vn = (local: string) => new Date(`${local}+07:00`);

describe(`planCampaign (${testDriver})`, () => {
  let handle: DbHandle;
  let nationalPath: string;
  let communes: string[];

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    const [country] = await handle.db.select({ path: units.path }).from(units).where(eq(units.code, "VN"));
    nationalPath = country!.path;
    const province = await unitIdOf(handle.db, "01");
    communes = (
      await handle.db.select({ code: units.code }).from(units).where(eq(units.parentId, province)).limit(3)
    ).map((u) => u.code);
    for (let i = 0; i < 60; i++) {
      await addSubscriber(handle.db, { channel: i % 2 ? "web" : "telegram", unitCode: communes[i % 3]! });
    }
    // Outside the province, and a province-level contact with no commune below it: out and in respectively.
    await addSubscriber(handle.db, { channel: "web", unitCode: "79" });
    await addSubscriber(handle.db, { channel: "web", unitCode: "01" });
  });
  afterAll(async () => handle?.close());

  async function newCampaign(values: Partial<typeof campaigns.$inferInsert> = {}) {
    const [row] = await handle.db
      .insert(campaigns)
      .values({
        unitId: await unitIdOf(handle.db, "01"),
        name: "Kế hoạch",
        state: "draft",
        channels: ["web", "telegram"],
        audience: { unitCodes: ["01"] },
        messages: [{ text: "Tin" }],
        startAt: vn("2026-11-09T20:00:00"),
        ...values,
      })
      .returning({ id: campaigns.id });
    return row!.id;
  }

  const rows = (campaignId: number) =>
    handle.db
      .select({ contactId: campaignDeliveries.contactId, dueAt: campaignDeliveries.dueAt })
      .from(campaignDeliveries)
      .where(eq(campaignDeliveries.campaignId, campaignId))
      .orderBy(campaignDeliveries.dueAt, campaignDeliveries.contactId);

  it("spreads due times over window time as addWindowTime does, across nights", async () => {
    const spreadHours = 20;
    const id = await newCampaign({ spreadHours });
    const now = vn("2026-11-01T00:00:00");
    const result = await planCampaign(handle.db, id, { scopePath: nationalPath, now });
    expect(result).toMatchObject({ added: 61, targeted: 61 });
    const planned = await rows(id);
    expect(planned).toHaveLength(61);
    const window = { fromMinute: 7 * 60, toMinute: 21 * 60 };
    const start = vn("2026-11-09T20:00:00");
    planned.forEach((row, i) => {
      const expected = addWindowTime(start, (i / 61) * spreadHours * HOUR, window);
      expect(Math.abs(row.dueAt.getTime() - expected.getTime()), `row ${i}`).toBeLessThanOrEqual(1);
      expect(isInWindow(row.dueAt, window), row.dueAt.toISOString()).toBe(true);
    });
    // 20:00 + 20 h of a 07–21 window: the first hour that evening, 14 the next day, the last rows on the 11th.
    expect(planned[0]!.dueAt).toEqual(start);
    expect(planned.at(-1)!.dueAt.getTime()).toBeGreaterThan(vn("2026-11-11T07:00:00").getTime());
    expect(planned.at(-1)!.dueAt.getTime()).toBeLessThan(vn("2026-11-11T12:00:00").getTime());
    const [campaign] = await handle.db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(campaign!.targeted).toBe(61);
  });

  it("makes every row due at the start (or the next opening) without spreading, and never in the past", async () => {
    const id = await newCampaign({ startAt: vn("2026-11-01T03:00:00") });
    const now = vn("2026-11-02T22:30:00");
    await planCampaign(handle.db, id, { scopePath: nationalPath, now });
    const planned = await rows(id);
    expect(new Set(planned.map((r) => r.dueAt.toISOString()))).toEqual(
      new Set([vn("2026-11-03T07:00:00").toISOString()]),
    );
  });

  it("spreads plainly through an all-day window", async () => {
    const id = await newCampaign({ windowFromMinute: 0, windowToMinute: 1440, spreadHours: 10 });
    await planCampaign(handle.db, id, { scopePath: nationalPath, now: vn("2026-11-01T00:00:00") });
    const planned = await rows(id);
    const start = vn("2026-11-09T20:00:00").getTime();
    planned.forEach((row, i) => {
      expect(Math.abs(row.dueAt.getTime() - (start + (i / planned.length) * 10 * HOUR))).toBeLessThanOrEqual(1);
    });
  });

  it("keeps to the officer's scope and the audience's subtrees", async () => {
    const communePath = (
      await handle.db.select({ path: units.path }).from(units).where(eq(units.code, communes[0]!))
    )[0]!.path;
    const id = await newCampaign();
    const result = await planCampaign(handle.db, id, { scopePath: communePath, now: vn("2026-11-01T00:00:00") });
    expect(result.targeted).toBe(20);
    const national = await newCampaign({ audience: { unitCodes: [communes[1]!, "79"] } });
    expect((await planCampaign(handle.db, national, { scopePath: nationalPath })).targeted).toBe(21);
  });

  it("plans again without duplicating or moving a row, adding only newcomers", async () => {
    const id = await newCampaign({ spreadHours: 2 });
    await planCampaign(handle.db, id, { scopePath: nationalPath, now: vn("2026-11-01T00:00:00") });
    const before = await rows(id);
    const newcomer = await addSubscriber(handle.db, { channel: "web", unitCode: communes[0]! });
    const again = await planCampaign(handle.db, id, { scopePath: nationalPath, now: vn("2026-11-10T08:00:00") });
    expect(again).toMatchObject({ added: 1, targeted: before.length + 1 });
    const after = await rows(id);
    for (const row of before) expect(after.find((r) => r.contactId === row.contactId)!.dueAt).toEqual(row.dueAt);
    // The newcomer's turn is from the re-planning time, not the past.
    expect(after.find((r) => r.contactId === newcomer)!.dueAt).toEqual(vn("2026-11-10T08:00:00"));
    expect((await planCampaign(handle.db, id, { scopePath: nationalPath })).added).toBe(0);
  });

  it("leaves one row per person when two planners race", async () => {
    const id = await newCampaign({ spreadHours: 3 });
    const results = await Promise.all([
      planCampaign(handle.db, id, { scopePath: nationalPath }),
      planCampaign(handle.db, id, { scopePath: nationalPath }),
    ]);
    const planned = await rows(id);
    expect(new Set(planned.map((r) => r.contactId)).size).toBe(planned.length);
    expect(results[0]!.added + results[1]!.added).toBe(planned.length);
  });
});

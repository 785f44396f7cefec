// The finish forecast: per channel, the rows still to send × messages each at the channel's pace, counted in
// send-window time (a night in between does not count), never before the last spread turn; the campaign finishes
// with its slowest channel. Fixed clocks, the real ledger on the test database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { campaignDeliveries, campaigns, units } from "../../db/schema/index";
import { campaignForecast } from "../../src/campaigns/campaign-progress";
import type { CampaignRecord } from "../../src/campaigns/campaign-service";
import { campaignPacingDefaults, campaignPacing } from "../../src/campaigns/pacing-defaults";
import { planCampaign } from "../../src/campaigns/plan-campaign";
import { createTestDb, testDriver } from "../support/test-db";
import { addSubscriber, unitIdOf } from "./campaign-fixtures";

const vn = (local: string) => new Date(`${local}+07:00`);

describe(`campaign forecast (${testDriver})`, () => {
  let handle: DbHandle;
  let scopePath: string;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    scopePath = (await handle.db.select({ path: units.path }).from(units).where(eq(units.code, "VN")))[0]!.path;
    for (let i = 0; i < 50; i++) await addSubscriber(handle.db, { channel: "telegram" });
    for (let i = 0; i < 10; i++) await addSubscriber(handle.db, { channel: "zalo" });
    for (let i = 0; i < 5; i++) await addSubscriber(handle.db, { channel: "web" });
  });
  afterAll(async () => handle?.close());

  async function planned(values: Partial<typeof campaigns.$inferInsert>, now: Date): Promise<CampaignRecord> {
    const [row] = await handle.db
      .insert(campaigns)
      .values({
        unitId: await unitIdOf(handle.db, "00004"),
        name: "Dự báo",
        state: "scheduled",
        channels: ["telegram", "zalo", "web"],
        audience: { unitCodes: ["00004"] },
        messages: [{ text: "Một" }, { text: "Hai" }],
        startAt: vn("2026-11-09T10:00:00"),
        ...values,
      })
      .returning();
    await planCampaign(handle.db, row!.id, { scopePath, now });
    const [campaign] = await handle.db.select().from(campaigns).where(eq(campaigns.id, row!.id));
    return { ...campaign!, unitCode: "00004", unitName: "Ba Đình" } as unknown as CampaignRecord;
  }

  it("divides what is left by each channel's pace and waits for the window", async () => {
    const now = vn("2026-11-01T00:00:00");
    const campaign = await planned({ startAt: vn("2026-11-09T20:59:50") }, now);
    const forecast = await campaignForecast(handle.db, campaign, { now });
    const by = Object.fromEntries(forecast.byChannel.map((c) => [c.channel, c]));
    // Telegram: 50 people × 2 messages at 25/s = 4 s.
    expect(by.telegram).toMatchObject({
      remaining: 50,
      messagesPerSecond: 25,
      finishAt: vn("2026-11-09T20:59:54").toISOString(),
    });
    // Zalo personal: 10 × 2 at one every 10 s = 200 s; 10 s fit before 21:00, the other 190 s are the next
    // morning from 07:00.
    expect(by.zalo).toMatchObject({ remaining: 10, messagesPerSecond: 0.1 });
    expect(by.zalo!.finishAt).toBe(vn("2026-11-10T07:03:10").toISOString());
    // The web chat is pulled: unpaced, done when the rows are due.
    expect(by.web).toMatchObject({
      remaining: 5,
      messagesPerSecond: null,
      finishAt: vn("2026-11-09T20:59:50").toISOString(),
    });
    expect(forecast).toMatchObject({ basis: "ledger", remaining: 65, finishAt: by.zalo!.finishAt, overrunsEnd: false });
  });

  it("is never earlier than the last spread turn, and says when it overruns the end", async () => {
    const now = vn("2026-11-01T00:00:00");
    const campaign = await planned(
      { spreadHours: 6, endAt: vn("2026-11-09T15:00:00"), messages: [{ text: "Một" }] },
      now,
    );
    const forecast = await campaignForecast(handle.db, campaign, { now });
    const [last] = await handle.db
      .select({ dueAt: campaignDeliveries.dueAt })
      .from(campaignDeliveries)
      .where(eq(campaignDeliveries.campaignId, campaign.id))
      .orderBy(campaignDeliveries.dueAt)
      .then((rows) => rows.slice(-1));
    expect(Date.parse(forecast.finishAt!)).toBe(last!.dueAt.getTime());
    expect(last!.dueAt.getTime()).toBeGreaterThan(vn("2026-11-09T15:00:00").getTime());
    expect(forecast.overrunsEnd).toBe(true);
  });

  it("counts only rows still to send, from now when the start has passed", async () => {
    const campaign = await planned({}, vn("2026-11-01T00:00:00"));
    await handle.db
      .update(campaignDeliveries)
      .set({ state: "sent", sentAt: new Date() })
      .where(eq(campaignDeliveries.channel, "telegram"));
    const now = vn("2026-11-09T12:00:00");
    const forecast = await campaignForecast(handle.db, campaign, { now, pacing: { zalo: 0.5 } });
    expect(forecast.byChannel.map((c) => c.channel)).toEqual(["web", "zalo"]);
    // 10 × 2 messages at the configured 0.5/s = 40 s from now.
    expect(forecast.finishAt).toBe(vn("2026-11-09T12:00:40").toISOString());
  });

  it("has nothing left for a finished campaign", async () => {
    const campaign = await planned({}, vn("2026-11-01T00:00:00"));
    const forecast = await campaignForecast(handle.db, { ...campaign, state: "cancelled" });
    expect(forecast).toEqual({ finishAt: null, remaining: 0, overrunsEnd: false, byChannel: [], basis: "finished" });
  });

  it("keeps the defaults when an override is not a pace", () => {
    expect(campaignPacing({ telegram: -1, zalo_oa: Number.NaN, web: 3 })).toEqual({
      ...campaignPacingDefaults,
      web: 3,
    });
  });
});

// What Telegram's refusals do to a campaign, through the real telegraf and the local Bot API: 429 waits the
// retry_after it names and then sends (once); 403 (the person blocked the bot) marks the delivery blocked and the
// contact unreachable, with no retry, and later campaigns skip that person.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTelegramBot } from "../../bots/telegram/telegram-bot";
import type { DbHandle } from "../../db/db";
import { campaignDeliveries, campaignSendSlots, contacts } from "../../db/schema/index";
import { DEFAULT_CAMPAIGN_RATES } from "../../src/campaigns/campaign-dispatch";
import { sendDueCampaigns } from "../../src/campaigns/campaign-sender";
import { createLogger } from "../../src/log";
import type { ChannelRuntime } from "../../src/services";
import { BotApiEmulator } from "../support/bot-api-emulator";
import { createTestDb, testDriver } from "../support/test-db";
import { addSubscribers, createCampaign, ledgerStates, planDeliveries } from "./dispatch-fixtures";

const FAST = { perSecond: 10_000, perChatPerSecond: 10_000, perChatBurst: 10_000 };
const log = createLogger("error", () => {});

describe(`campaign dispatch and Telegram's refusals (${testDriver})`, () => {
  let handle: DbHandle;
  let api: BotApiEmulator;
  let telegram: ChannelRuntime;
  const run = () =>
    sendDueCampaigns({
      db: handle.db,
      channels: { telegram },
      rates: { ...DEFAULT_CAMPAIGN_RATES, telegram: 1_000 },
      sleep: async () => {},
    });

  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
    api = await new BotApiEmulator().start();
    telegram = createTelegramBot({
      token: api.token,
      apiRoot: api.url,
      username: "loa_test_bot",
      db: handle.db,
      log,
      pacing: FAST,
    });
  });
  afterAll(async () => {
    await api?.stop();
    await handle?.close();
  });
  beforeEach(async () => {
    api.clear();
    await handle.db.delete(campaignSendSlots);
  });

  it("waits the retry_after of a 429, then sends, once", async () => {
    const [person] = await addSubscribers(handle.db, 1);
    const id = await createCampaign(handle.db);
    await planDeliveries(handle.db, id, [person!]);
    api.failNext("sendMessage", 1, {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    const started = Date.now();
    expect(await run()).toMatchObject({ sent: 1 });
    // The loop waited as Telegram asked before trying again.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(api.attempts(person!.platformId).map((c) => c.status)).toEqual([429, 200]);
    expect(api.sent(person!.platformId)).toHaveLength(1);
    expect(await ledgerStates(handle.db, id)).toEqual({ sent: 1 });
  });

  it("marks a 403 blocked and the contact unreachable, never retries, and later campaigns skip them", async () => {
    const [blocker, other] = await addSubscribers(handle.db, 2);
    const id = await createCampaign(handle.db);
    await planDeliveries(handle.db, id, [blocker!]);
    await planDeliveries(handle.db, id, [other!]);
    api.failNext("sendMessage", 1, { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect(await run()).toMatchObject({ blocked: 1, sent: 1 });
    const [row] = await handle.db
      .select()
      .from(campaignDeliveries)
      .where(eq(campaignDeliveries.contactId, blocker!.id));
    expect(row).toMatchObject({ state: "blocked", lastError: "http_403" });
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.id, blocker!.id));
    expect(contact!.unreachableAt).toBeInstanceOf(Date);

    // No retry, by this campaign or the outbox sweep.
    await run();
    await telegram.deliver();
    expect(api.attempts(blocker!.platformId)).toHaveLength(1);

    const next = await createCampaign(handle.db);
    await planDeliveries(handle.db, next, [blocker!, other!]);
    expect(await run()).toMatchObject({ skipped: 1, sent: 1 });
    expect(api.attempts(blocker!.platformId)).toHaveLength(1);
    expect(api.sent(other!.platformId)).toHaveLength(2);
  });
});

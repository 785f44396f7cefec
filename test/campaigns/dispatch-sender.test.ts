// The Node sender loop as the server runs it (startCampaignSender): a running campaign's messages reach every
// subscriber through the real telegraf and the local Bot API without anyone calling it, a web chat subscriber finds
// theirs in GET /web/messages, and stop() ends the loops.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramBot } from "../../bots/telegram/telegram-bot";
import type { DbHandle } from "../../db/db";
import { campaigns } from "../../db/schema/index";
import { DEFAULT_CAMPAIGN_RATES } from "../../src/campaigns/campaign-dispatch";
import { startCampaignSender } from "../../src/campaigns/campaign-sender";
import { listPushed } from "../../src/conversations/outbox";
import { createLogger } from "../../src/log";
import { BotApiEmulator } from "../support/bot-api-emulator";
import { createTestDb, testDriver } from "../support/test-db";
import { addSubscribers, createCampaign, ledgerStates, planDeliveries } from "./dispatch-fixtures";

describe(`campaign sender loop (${testDriver})`, () => {
  let handle: DbHandle;
  let api: BotApiEmulator;
  const lines: string[] = [];

  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
    api = await new BotApiEmulator().start();
  });
  afterAll(async () => {
    await api?.stop();
    await handle?.close();
  });

  it("sends a running campaign on Telegram and to the web chat by itself, completes it, and stops", async () => {
    const log = createLogger("info", (line) => lines.push(line));
    const telegram = createTelegramBot({
      token: api.token,
      apiRoot: api.url,
      username: "loa_test_bot",
      db: handle.db,
      log,
    });
    const onTelegram = await addSubscribers(handle.db, 5, "telegram");
    const onWeb = await addSubscribers(handle.db, 1, "web");
    const id = await createCampaign(handle.db, { channels: ["telegram", "web"] });
    await planDeliveries(handle.db, id, onTelegram, "telegram");
    await planDeliveries(handle.db, id, onWeb, "web");

    const sender = startCampaignSender({
      db: handle.db,
      log,
      channels: { telegram },
      rates: DEFAULT_CAMPAIGN_RATES,
      tickMs: 100,
      idleMs: 50,
    });
    try {
      await expect.poll(() => ledgerStates(handle.db, id), { timeout: 15_000, interval: 100 }).toEqual({ sent: 6 });
      await expect
        .poll(async () => (await handle.db.select().from(campaigns).where(eq(campaigns.id, id)))[0]!.state, {
          timeout: 10_000,
        })
        .toBe("completed");
    } finally {
      await sender.stop();
    }
    for (const person of onTelegram) expect(api.sent(person.platformId)).toHaveLength(1);
    expect((await listPushed(handle.db, "web", onWeb[0]!.platformId, 0, 10)).messages).toHaveLength(1);
    // The log counts what was done, and names no person.
    const logged = lines.join("\n");
    expect(logged).toContain("campaigns.sender");
    for (const person of onTelegram) expect(logged).not.toContain(person.platformId);
  });
});

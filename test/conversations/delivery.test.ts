// The one delivery loop, driven through the real telegraf against the Bot API emulator: a part never goes out
// twice, even when sends are slower than the claim's lease and several delivery runs race over the same row.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTelegramBot } from "../../bots/telegram/telegram-bot";
import type { DbHandle } from "../../db/db";
import { contacts, outboxMessages } from "../../db/schema/index";
import { createPacer } from "../../src/conversations/delivery";
import { createLogger } from "../../src/log";
import { BotApiEmulator } from "../support/bot-api-emulator";
import { createTestDb, testDriver } from "../support/test-db";

const FAST = { perSecond: 1000, perChatPerSecond: 1000, perChatBurst: 1000 };

describe(`outbox delivery (${testDriver})`, () => {
  let handle: DbHandle;
  let api: BotApiEmulator;
  const logged: string[] = [];

  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
    api = await new BotApiEmulator().start();
  });
  afterAll(async () => {
    await api?.stop();
    await handle?.close();
  });
  beforeEach(() => {
    api.clear();
    api.delay("sendMessage", 0);
    logged.length = 0;
  });

  const bot = (leaseMs: number) =>
    createTelegramBot({
      token: api.token,
      apiRoot: api.url,
      username: "loa_test_bot",
      db: handle.db,
      log: createLogger("debug", (line) => logged.push(line)),
      pacing: FAST,
      leaseMs,
    });

  async function queue(chatId: number, texts: string[]) {
    const [contact] = await handle.db
      .insert(contacts)
      .values({ channel: "telegram", platformId: String(chatId) })
      .returning({ id: contacts.id });
    const [row] = await handle.db
      .insert(outboxMessages)
      .values({ contactId: contact!.id, kind: "reply", channel: "telegram", replies: texts.map((text) => ({ text })) })
      .returning({ id: outboxMessages.id });
    return row!.id;
  }

  it("sends every part exactly once while runs race over a reply slower than the lease", async () => {
    const parts = ["Phần một", "Phần hai", "Phần ba", "Phần bốn"];
    const id = await queue(701, parts);
    // Each send takes 600 ms; the whole reply takes 2.4 s, longer than the 2 s lease it was claimed with.
    api.delay("sendMessage", 600);
    const telegram = bot(2_000);
    const first = telegram.deliver();
    let done = false;
    void first.finally(() => (done = true));
    const racers: Promise<unknown>[] = [];
    // Other runs (the retry job, another instance) keep trying the same row until the first one has finished.
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      racers.push(telegram.deliver());
    }
    await Promise.all([first, ...racers]);
    expect(api.sent(701).map((c) => c.params.text)).toEqual(parts);
    const [row] = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(row).toMatchObject({ partsSent: 4, failedAt: null });
    expect(row!.deliveredAt).toBeInstanceOf(Date);
  });

  it("stops a run whose claim was taken over, before it sends anything more", async () => {
    const id = await queue(702, ["Một", "Hai"]);
    api.delay("sendMessage", 300);
    const telegram = bot(60_000);
    const run = telegram.deliver();
    // Another worker takes the row over while the first part is on its way (as after an expired lease).
    await new Promise((resolve) => setTimeout(resolve, 100));
    await handle.db.update(outboxMessages).set({ attempts: 99 }).where(eq(outboxMessages.id, id));
    expect(await run).toMatchObject({ delivered: 0, lost: 1 });
    expect(api.attempts(702)).toHaveLength(1);
  });

  it("logs the outbox id, channel, status and error code, never the text or Telegram's description", async () => {
    await queue(703, ["Nội dung riêng tư của người dân"]);
    api.failNext("sendMessage", 1, { error_code: 400, description: "Bad Request: can't parse Nội dung riêng tư" });
    expect(await bot(60_000).deliver()).toMatchObject({ failed: 1 });
    const line = logged.find((l) => l.includes("delivery.send_failed"));
    expect(JSON.parse(line!)).toMatchObject({ channel: "telegram", status: "failed", code: "http_400" });
    expect(logged.join("\n")).not.toContain("riêng tư");
  });

  it("paces sends: a chat past its burst waits for its rate, other chats do not", async () => {
    const waits: number[] = [];
    const pacer = createPacer(
      { perSecond: 25, perChatPerSecond: 1, perChatBurst: 2 },
      () => 0,
      async (ms) => void waits.push(ms),
    );
    for (const chat of ["a", "a", "a", "b"]) await pacer.wait(chat);
    expect(waits).toEqual([1000]);
  });
});

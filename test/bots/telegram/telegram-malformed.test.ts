// Updates that are not what Telegram documents (a hostile or broken sender that knows the secret): each is
// acknowledged with 200 and ignored, nothing is stored, and the bot keeps answering good updates after them.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TelegramBot } from "../../../bots/telegram/telegram-bot";
import type { DbHandle } from "../../../db/db";
import { contacts, processedUpdates } from "../../../db/schema/index";
import { createLogger } from "../../../src/log";
import { type BotApiEmulator, callbackUpdate, textUpdate } from "../../support/bot-api-emulator";
import type { createTestApp } from "../../support/test-app";
import { openTelegramWorld, type TelegramWorld, WEBHOOK_SECRET } from "../../support/telegram-world";
import { testDriver } from "../../support/test-db";

const SECRET = WEBHOOK_SECRET;
const FAST = { perSecond: 1000, perChatPerSecond: 1000, perChatBurst: 1000 };

describe(`Telegram updates that are not understood (${testDriver})`, () => {
  let handle: DbHandle;
  let api: BotApiEmulator;
  let telegram: TelegramBot;
  let app: ReturnType<typeof createTestApp>;
  const logged: string[] = [];

  let world: TelegramWorld;

  beforeAll(async () => {
    world = await openTelegramWorld(
      createLogger("info", (line) => logged.push(line)),
      FAST,
    );
    ({ handle, api, telegram, app } = world);
  });
  afterAll(async () => world?.close());

  async function post(update: unknown) {
    const response = await app.request("/telegram/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(update),
    });
    await Promise.all(world.background.splice(0));
    return response;
  }

  const message = (updateId: number, fields: Record<string, unknown>) => {
    const base = textUpdate(600, "menu", updateId);
    return { ...base, message: { ...base.message, ...fields } };
  };
  const malformed: Array<[string, Record<string, unknown>]> = [
    ["text is a number", message(90_001, { text: 42 })],
    ["text is an object", message(90_002, { text: { a: 1 } })],
    ["text is an array", message(90_003, { text: ["menu"] })],
    ["text is null", message(90_004, { text: null })],
    ["message is a string", { update_id: 90_005, message: "menu" }],
    ["message is null", { update_id: 90_006, message: null }],
    ["chat is missing", message(90_007, { chat: undefined })],
    [
      "callback data is an object",
      {
        ...callbackUpdate(600, "menu", 90_008),
        callback_query: { id: "cb", from: { id: 600, is_bot: false, first_name: "A" }, data: { x: 1 } },
      },
    ],
    ["text carries a NUL", message(90_009, { text: "menu\u0000" })],
  ];

  it.each(malformed)("acknowledges an update whose %s, stores nothing and sends nothing", async (_, update) => {
    const response = await post(update);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const stored = await handle.db
      .select()
      .from(processedUpdates)
      .where(eq(processedUpdates.updateKey, String(update.update_id)));
    expect(stored).toEqual([]);
    expect(await handle.db.select().from(contacts).where(eq(contacts.platformId, "600"))).toEqual([]);
    expect(api.sent(600)).toEqual([]);
    // The log names the update and the bad fields, never what the person sent.
    const line = logged.find((l) => l.includes("telegram.update_ignored") && l.includes(String(update.update_id)));
    expect(line).toBeDefined();
    expect(line).not.toContain("menu");
  });

  it("also ignores them on the long-polling path (telegraf's handleUpdate)", async () => {
    for (const [, update] of malformed) await telegram.bot.handleUpdate(update as never);
    const keys = malformed.map(([, u]) => String(u.update_id));
    expect(await handle.db.select().from(processedUpdates).where(inArray(processedUpdates.updateKey, keys))).toEqual(
      [],
    );
  });

  it("processes text with a lone surrogate as well-formed text", async () => {
    const response = await post(textUpdate(601, "ly h\ud83don"));
    expect(response.status).toBe(200);
    expect(api.sent(601).length).toBeGreaterThan(0);
  });

  it("answers a good update after all of them", async () => {
    const response = await post(textUpdate(600, "menu"));
    expect(response.status).toBe(200);
    expect(api.sent(600).at(-1)!.params.text).toContain("Bạn muốn làm gì?");
  });
});

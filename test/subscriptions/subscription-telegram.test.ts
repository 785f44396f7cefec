// Subscribing and opting out on Telegram, with the real telegraf against the local Bot API server: the inline
// buttons subscribe after consent, and "/stop" (also as "/stop@bot") ends every subscription and marks the contact
// opted out, so it is no longer in any campaign audience.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consentRecords, contacts, subscriptions } from "../../db/schema/index";
import { createLogger } from "../../src/log";
import { callbackUpdate, type RecordedCall, textUpdate } from "../support/bot-api-emulator";
import { openTelegramWorld, type TelegramWorld, WEBHOOK_SECRET } from "../support/telegram-world";
import { testDriver } from "../support/test-db";

describe(`subscriptions on Telegram (${testDriver})`, () => {
  let world: TelegramWorld;

  beforeAll(async () => {
    world = await openTelegramWorld(createLogger("error", () => {}));
  });
  afterAll(async () => world?.close());

  async function post(update: unknown) {
    const response = await world.app.request("/telegram/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
      body: JSON.stringify(update),
    });
    expect(response.status).toBe(200);
    await Promise.all(world.background.splice(0));
  }
  const lastSent = (chat: number): RecordedCall => world.api.sent(chat).at(-1)!;
  const button = (call: RecordedCall, label: string) => {
    const keyboard =
      (
        call.params.reply_markup as
          | { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
          | undefined
      )?.inline_keyboard ?? [];
    const found = keyboard.flat().find((b) => b.text.includes(label));
    if (!found) throw new Error(`no button ${label} in ${JSON.stringify(keyboard)}`);
    return found.callback_data;
  };
  async function contactOf(chat: number) {
    const [row] = await world.handle.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.channel, "telegram"), eq(contacts.platformId, String(chat))));
    return row!;
  }
  async function subsOf(chat: number) {
    const contact = await contactOf(chat);
    return world.handle.db.select().from(subscriptions).where(eq(subscriptions.contactId, contact.id));
  }

  for (const [chat, stop] of [
    [8801, "/stop"],
    [8802, "/stop@loa_test_bot"],
    [8803, "Ngừng nhận tin"],
  ] as const) {
    it(`subscribes from the buttons and "${stop}" opts out everywhere`, async () => {
      await post(textUpdate(chat, "/start"));
      await post(callbackUpdate(chat, button(lastSent(chat), "Đăng ký nhận tin")));
      expect(lastSent(chat).params.text).toContain("Bạn sẽ nhận");
      expect(await subsOf(chat)).toEqual([]);
      await post(callbackUpdate(chat, button(lastSent(chat), "Đồng ý")));
      await post(callbackUpdate(chat, button(lastSent(chat), "hôn nhân")));
      await post(callbackUpdate(chat, button(lastSent(chat), "Xong")));
      await post(callbackUpdate(chat, button(lastSent(chat), "Bỏ qua")));
      const live = await subsOf(chat);
      expect(live).toHaveLength(2);
      for (const s of live) expect(s.unsubscribedAt).toBeNull();
      const consents = await world.handle.db
        .select()
        .from(consentRecords)
        .where(eq(consentRecords.contactId, (await contactOf(chat)).id));
      expect(consents.map((c) => c.channel)).toEqual(["telegram", "telegram"]);

      await post(textUpdate(chat, stop));
      expect(lastSent(chat).params.text).toContain("2 mục đăng ký đã được hủy");
      for (const s of await subsOf(chat)) expect(s.unsubscribedAt).not.toBeNull();
      expect((await contactOf(chat)).optedOutAt).not.toBeNull();
    });
  }
});

// The real telegraf behind POST /telegram/webhook, replying through a Bot API server on 127.0.0.1: the menu, a
// whole survey by inline buttons, the secret, duplicates, and what Telegram's 403 and 429 mean.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { contacts, outboxMessages, surveyAnswers, surveyResponses } from "../../../db/schema/index";
import type { TelegramBot } from "../../../bots/telegram/telegram-bot";
import { createLogger } from "../../../src/log";
import { type BotApiEmulator, callbackUpdate, textUpdate, type RecordedCall } from "../../support/bot-api-emulator";
import type { createTestApp } from "../../support/test-app";
import { openTelegramWorld, type TelegramWorld, WEBHOOK_SECRET } from "../../support/telegram-world";
import { testDriver } from "../../support/test-db";

const SECRET = WEBHOOK_SECRET;

describe(`Telegram webhook (${testDriver})`, () => {
  let handle: DbHandle;
  let api: BotApiEmulator;
  let telegram: TelegramBot;
  let app: ReturnType<typeof createTestApp>;

  let world: TelegramWorld;

  beforeAll(async () => {
    world = await openTelegramWorld(createLogger("error", () => {}));
    ({ handle, api, telegram, app } = world);
  });
  afterAll(async () => world?.close());
  beforeEach(() => api.clear());

  async function post(update: unknown, secret = SECRET) {
    const response = await app.request("/telegram/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body: JSON.stringify(update),
    });
    await Promise.all(world.background.splice(0));
    return response;
  }
  const lastSent = (chatId: number): RecordedCall => api.sent(chatId).at(-1)!;
  const keyboard = (call: RecordedCall) =>
    (
      (
        call.params.reply_markup as
          | { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
          | undefined
      )?.inline_keyboard ?? []
    ).flat();

  it("answers /start with the menu as an inline keyboard", async () => {
    const response = await post(textUpdate(501, "/start"));
    expect(response.status).toBe(200);
    const sent = api.sent(501);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[0]!.params.text).toContain("Xin chào! Tôi là Loa");
    expect(lastSent(501).params.parse_mode).toBe("HTML");
    expect(keyboard(lastSent(501)).map((b) => b.callback_data)).toEqual([
      "topics",
      "lessons",
      "search",
      "survey",
      "subs",
      "help",
    ]);
    expect(api.calls.some((c) => c.method === "getMe")).toBe(false); // botInfo is preset
  });

  it("takes a whole survey by pressing inline buttons, storing every answer", async () => {
    const chat = 502;
    await post(textUpdate(chat, "/start survey_answer_feedback"));
    await post(
      callbackUpdate(chat, keyboard(lastSent(chat)).find((b) => b.text === "Từ 16 tuổi trở lên")!.callback_data),
    );
    expect(lastSent(chat).params.text).toContain("Đơn vị chịu trách nhiệm xử lý dữ liệu");
    await post(callbackUpdate(chat, keyboard(lastSent(chat)).find((b) => b.text === "Đồng ý")!.callback_data));
    expect(api.calls.some((c) => c.method === "answerCallbackQuery")).toBe(true);
    expect(lastSent(chat).params.text).toContain("Câu trả lời có giúp ích cho bạn không?");
    await post(callbackUpdate(chat, keyboard(lastSent(chat)).find((b) => b.text === "Có một phần")!.callback_data));
    expect(lastSent(chat).params.text).toContain("Cảm ơn bạn đã phản hồi!");

    const [contact] = await handle.db
      .select()
      .from(contacts)
      .where(eq(contacts.platformId, String(chat)));
    const [response] = await handle.db.select().from(surveyResponses).where(eq(surveyResponses.contactId, contact!.id));
    expect(response).toMatchObject({ status: "completed", channel: "telegram", surveyKey: "answer_feedback" });
    const answers = await handle.db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, response!.id));
    expect(answers.map((a) => a.value)).toEqual([{ kind: "options", codes: ["partly"] }]);
    const undelivered = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.contactId, contact!.id));
    expect(undelivered.every((m) => m.deliveredAt !== null)).toBe(true);
  });

  it("rejects a forged secret with 401 and processes nothing", async () => {
    const response = await post(textUpdate(503, "menu"), "not-the-secret-at-all-0000000");
    expect(response.status).toBe(401);
    expect(api.sent(503)).toEqual([]);
    expect(await handle.db.select().from(contacts).where(eq(contacts.platformId, "503"))).toEqual([]);
  });

  it("acknowledges a duplicated update and processes it once", async () => {
    const update = textUpdate(504, "menu");
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    expect(api.sent(504)).toHaveLength(2); // welcome + menu, once
  });

  it("answers 400 for a body that is not an update", async () => {
    const response = await app.request("/telegram/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({ hello: "world" }),
    });
    expect(response.status).toBe(400);
  });

  it("marks a person who blocked the bot (403) unreachable and does not retry", async () => {
    api.failNext("sendMessage", 1, { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await post(textUpdate(505, "menu"));
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.platformId, "505"));
    expect(contact!.unreachableAt).toBeInstanceOf(Date);
    const [message] = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.contactId, contact!.id));
    expect(message).toMatchObject({
      partsSent: 0,
      deliveredAt: null,
      lastError: "http_403",
    });
    expect(message!.failedAt).toBeInstanceOf(Date);
    expect((await telegram.deliver()).delivered).toBe(0);
    expect(api.attempts(505).map((c) => c.status)).toEqual([403]);
  });

  it("waits retry_after on 429, then sends each part exactly once", async () => {
    // The reply to a first "menu" has two parts; Telegram refuses the second once with retry_after 1.
    api.failNext(
      "sendMessage",
      1,
      { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
      1,
    );
    const started = Date.now();
    await post(textUpdate(506, "menu"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(api.attempts(506).map((c) => c.status)).toEqual([200, 429, 200]);
    const received = api.sent(506).map((c) => String(c.params.text));
    expect(received).toHaveLength(2);
    expect(received[0]).toContain("Xin chào");
    expect(received[1]).toContain("Bạn muốn làm gì?");
  });

  it("retries 5xx and network failures with backoff, from where it stopped", async () => {
    api.failNext("sendMessage", 4, { error_code: 502, description: "Bad Gateway" }, 1);
    await post(textUpdate(507, "menu"));
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.platformId, "507"));
    const [deferred] = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.contactId, contact!.id));
    expect(deferred).toMatchObject({ partsSent: 1, deliveredAt: null, failedAt: null, lastError: "http_502" });
    expect(deferred!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    // Not before its time; then the loop sends the rest, and only the rest.
    expect((await telegram.deliver()).delivered).toBe(0);
    await handle.db
      .update(outboxMessages)
      .set({ nextAttemptAt: new Date(Date.now() - 1) })
      .where(eq(outboxMessages.id, deferred!.id));
    expect((await telegram.deliver()).delivered).toBe(1);
    const received = api.sent(507).map((c) => String(c.params.text));
    expect(received).toHaveLength(2);
    expect(received[1]).toContain("Bạn muốn làm gì?");
  });

  it("splits a long article under 4,096 characters at paragraph breaks", async () => {
    const { renderTelegram, splitText } = await import("../../../bots/telegram/render");
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Khoản ${i + 1}. ${"nội dung dài ".repeat(20).trim()}`);
    const parts = splitText(paragraphs.join("\n\n"));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part.startsWith("Khoản ")).toBe(true);
    }
    expect(parts.join("\n\n")).toBe(paragraphs.join("\n\n"));
    const rendered = renderTelegram([{ text: "a < b & c > d", options: [{ label: "Đồng ý", value: "c:yes" }] }]);
    expect(rendered).toEqual([
      {
        text: "a &lt; b &amp; c &gt; d",
        replyMarkup: { inline_keyboard: [[{ text: "Đồng ý", callback_data: "c:yes" }]] },
      },
    ]);
  });

  it("reads the bot commands and deep links", async () => {
    const { inboundText } = await import("../../../bots/telegram/telegram-bot");
    expect(inboundText(textUpdate(1, "/start") as never)).toBe("menu");
    expect(inboundText(textUpdate(1, "/start survey_law_day_quiz") as never)).toBe("survey:law_day_quiz");
    expect(inboundText(textUpdate(1, "/khaosat") as never)).toBe("survey");
    expect(inboundText(textUpdate(1, "/huy@loa_test_bot") as never)).toBe("hủy");
    expect(inboundText(textUpdate(1, "/xoadulieu") as never)).toBe("xóa dữ liệu");
    expect(inboundText(textUpdate(1, "/hoi") as never)).toBe("search");
    expect(inboundText(textUpdate(1, "/dangky") as never)).toBe("đăng ký nhận tin");
    expect(inboundText(textUpdate(1, "/dung@loa_test_bot") as never)).toBe("dừng");
    expect(inboundText(callbackUpdate(1, "art:5") as never)).toBe("art:5");
  });

  it("erases a person on /xoadulieu and still tells them so", async () => {
    await post(textUpdate(508, "menu"));
    api.clear();
    await post(textUpdate(508, "/xoadulieu"));
    expect(api.sent(508).map((c) => String(c.params.text))).toEqual([
      expect.stringContaining("Đã xóa toàn bộ dữ liệu"),
    ]);
    expect(await handle.db.select().from(contacts).where(eq(contacts.platformId, "508"))).toEqual([]);
  });
});

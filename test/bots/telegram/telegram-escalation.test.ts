// The escalation round trip on Telegram, with the real telegraf against the local Bot API server: a question, the
// inline "Hỏi cán bộ tư pháp" and "Gửi câu hỏi" buttons, an officer's answer through the API, and the delivery loop
// bringing it to the chat later, escaped so Telegram shows any HTML in it as text; then the rating button.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerRatings, questions, units } from "../../../db/schema/index";
import { createLogger } from "../../../src/log";
import { bootstrapOfficer } from "../../../src/officers/bootstrap";
import { callbackUpdate, type RecordedCall, textUpdate } from "../../support/bot-api-emulator";
import { openTelegramWorld, type TelegramWorld, WEBHOOK_SECRET } from "../../support/telegram-world";
import { apiCall } from "../../support/test-app";
import { testDriver } from "../../support/test-db";

describe(`Telegram escalation round trip (${testDriver})`, () => {
  let world: TelegramWorld;
  let token: string;
  const chat = 7701;

  beforeAll(async () => {
    world = await openTelegramWorld(createLogger("error", () => {}));
    token = (
      await bootstrapOfficer(world.handle.db, {
        name: "Cán bộ trung ương",
        email: "tw@loa.test",
        role: "admin",
        unitCode: "VN",
      })
    ).token;
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
  const lastSent = (): RecordedCall => world.api.sent(chat).at(-1)!;
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

  it("escalates from the inline buttons and delivers the officer's answer days later", async () => {
    await post(textUpdate(chat, "Đăng ký tạm trú cần giấy tờ gì?"));
    expect(lastSent().params.text).toContain("Câu trả lời có giúp ích cho bạn không?");
    await post(callbackUpdate(chat, button(lastSent(), "Hỏi cán bộ tư pháp")));
    // Nobody named a commune: the question goes to the configured default, the country unit.
    expect(lastSent().params.text).toContain("cơ quan Tư pháp trung ương");
    await post(callbackUpdate(chat, button(lastSent(), "Gửi câu hỏi")));
    expect(lastSent().params.text).toContain("Câu hỏi đã được gửi đến");

    const [question] = await world.handle.db.select().from(questions);
    expect(question).toMatchObject({ channel: "telegram", status: "open", text: "Đăng ký tạm trú cần giấy tờ gì?" });
    const answer = await apiCall(world.app, token, "POST", `/api/questions/${question!.id}/answer`, {
      text: "Bạn cần <b>giấy tờ</b> chứng minh chỗ ở hợp pháp.",
      citations: [{ document: "Luật Cư trú", article: "28" }],
    });
    expect(answer.status).toBe(200);

    world.api.clear();
    const report = await world.telegram.deliver();
    expect(report.delivered).toBe(1);
    const [text, rating] = world.api.sent(chat);
    expect(text!.params.text).toContain("đã trả lời câu hỏi của bạn");
    // Escaped for parse_mode HTML: Telegram shows the officer's text exactly as typed, tags included.
    expect(text!.params.text).toContain("Bạn cần &lt;b&gt;giấy tờ&lt;/b&gt; chứng minh chỗ ở hợp pháp.");
    expect(text!.params.text).toContain("Căn cứ: Điều 28 Luật Cư trú");
    expect(rating!.params.text).toBe("Câu trả lời có giúp ích cho bạn không?");

    await post(callbackUpdate(chat, button(rating!, "Không")));
    expect(lastSent().params.text).toBe("Cảm ơn bạn đã phản hồi!");
    const ratings = await world.handle.db
      .select()
      .from(answerRatings)
      .where(eq(answerRatings.questionId, question!.id));
    expect(ratings).toHaveLength(1);
  });

  // The office's settings reach Telegram as they reach the web chat (QA_DEFAULT_UNIT, QA_DUE_WORKING_DAYS).
  it("sends an unknown commune's question to the configured unit, due in its working days", async () => {
    const configured = await openTelegramWorld(
      createLogger("error", () => {}),
      undefined,
      {
        defaultUnitCode: "01",
        dueWorkingDays: 2,
      },
    );
    try {
      const send = async (update: unknown) => {
        const response = await configured.app.request("/telegram/webhook", {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
          body: JSON.stringify(update),
        });
        expect(response.status).toBe(200);
        await Promise.all(configured.background.splice(0));
      };
      const last = () => configured.api.sent(chat).at(-1)!;
      await send(textUpdate(chat, "Đăng ký thường trú cần giấy tờ gì?"));
      await send(callbackUpdate(chat, button(last(), "Hỏi cán bộ tư pháp")));
      expect(last().params.text).toContain("Hà Nội");
      await send(callbackUpdate(chat, button(last(), "Gửi câu hỏi")));
      const [question] = await configured.handle.db.select().from(questions);
      const [hanoi] = await configured.handle.db.select().from(units).where(eq(units.code, "01"));
      expect(question!.unitId).toBe(hanoi!.id);
      // Two working days after the day asked, at the end of that day: never more than four calendar days away.
      const days = (question!.dueAt.getTime() - question!.createdAt.getTime()) / 86_400_000;
      expect(days).toBeGreaterThan(1);
      expect(days).toBeLessThan(5);
    } finally {
      await configured.close();
    }
  }, 60_000); // A second world (its own database and search index): slow when the machine is busy.
});

// The Node server in long-polling mode (the default without PUBLIC_URL), as `npm start` runs it with a bot token:
// it answers through the local Bot API server and shuts down cleanly.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { BotApiEmulator, callbackUpdate, textUpdate } from "../../support/bot-api-emulator";
import { startServer, type RunningServer } from "../../support/node-server";
import { createTestDb, testDriver } from "../../support/test-db";

describe(`Telegram long polling on the Node server (${testDriver})`, () => {
  let dir: string;
  let database: (DbHandle & { url?: string }) | undefined;
  let api: BotApiEmulator;
  let server: RunningServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "loa-polling-"));
    api = await new BotApiEmulator().start();
    if (testDriver === "postgres") database = await createTestDb({ seed: "none" });
    server = await startServer({
      ...(database ? { DATABASE_URL: database.url! } : { PGLITE_DATA_DIR: join(dir, "pglite") }),
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
    });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await api?.stop();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers /start and a button press received by polling", async () => {
    expect(server.output()).toContain('"event":"telegram.polling"');
    api.queueUpdate(textUpdate(900, "/start"));
    await expect.poll(() => api.sent(900).length, { timeout: 15_000 }).toBe(2);
    api.queueUpdate(callbackUpdate(900, "lessons"));
    await expect.poll(() => api.sent(900).length, { timeout: 15_000 }).toBe(3);
    expect(String(api.sent(900)[2]!.params.text)).toContain("Bài phổ biến pháp luật");
    expect(api.calls.some((c) => c.method === "deleteWebhook")).toBe(true);
  }, 40_000);

  it("serves every menu entry and a whole survey over polling", async () => {
    const chat = 901;
    const keyboardOf = (index: number) =>
      (
        (
          api.sent(chat)[index]!.params.reply_markup as
            | { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
            | undefined
        )?.inline_keyboard ?? []
      ).flat();
    const press = async (data: string, expectContains: string) => {
      const before = api.sent(chat).length;
      api.queueUpdate(callbackUpdate(chat, data));
      await expect.poll(() => api.sent(chat).length, { timeout: 15_000 }).toBeGreaterThan(before);
      await expect
        .poll(
          () =>
            api
              .sent(chat)
              .map((c) => String(c.params.text))
              .slice(before)
              .join("\n"),
          { timeout: 15_000 },
        )
        .toContain(expectContains);
      return api.sent(chat).length - 1;
    };
    api.queueUpdate(textUpdate(chat, "/menu"));
    await expect.poll(() => api.sent(chat).length, { timeout: 15_000 }).toBe(2);
    const menu = keyboardOf(1).map((b) => b.callback_data);
    expect(menu).toEqual(["topics", "lessons", "search", "survey", "subs", "help"]);

    const topics = await press("topics", "Chọn lĩnh vực pháp luật");
    const documents = await press(keyboardOf(topics)[0]!.callback_data, "Các văn bản thuộc lĩnh vực");
    const articles = await press(keyboardOf(documents)[0]!.callback_data, "Chọn điều muốn đọc");
    await press(keyboardOf(articles)[0]!.callback_data, "Điều 1");
    const lessons = await press("lessons", "Bài phổ biến pháp luật");
    await press(keyboardOf(lessons)[0]!.callback_data, "Căn cứ pháp lý");
    await press("search", "Bạn muốn tìm quy định về vấn đề gì?");
    const before = api.sent(chat).length;
    api.queueUpdate(textUpdate(chat, "ly hon"));
    await expect
      .poll(
        () =>
          api
            .sent(chat)
            .slice(before)
            .map((c) => String(c.params.text))
            .join(""),
        { timeout: 15_000 },
      )
      .toContain('Kết quả tìm kiếm cho "ly hon"');
    await press("help", "Cách dùng Loa");
    const surveys = await press("survey", "Các khảo sát đang mở");
    const age = await press(
      keyboardOf(surveys).find((b) => b.callback_data === "survey:answer_feedback")!.callback_data,
      "nhóm tuổi",
    );
    const consent = await press(keyboardOf(age).find((b) => b.text === "Từ 16 tuổi trở lên")!.callback_data, "Đơn vị");
    const question = await press(keyboardOf(consent).find((b) => b.text === "Đồng ý")!.callback_data, "Câu 1/1");
    await press(keyboardOf(question).find((b) => b.text === "Không")!.callback_data, "Cảm ơn bạn đã phản hồi!");
  }, 120_000);

  it("stops cleanly", async () => {
    expect(await server.stop()).toBe(0);
  }, 30_000);
});

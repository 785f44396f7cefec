// The Telegram side of a test: a test database, the local Bot API emulator, the real telegraf bot pointed at it,
// and the app with the bot's webhook route, as the Node entry composes them. Replies delivered in the background
// are collected so a test can wait for them.
import { createTelegramBot, type TelegramBot, type TelegramOptions } from "../../bots/telegram/telegram-bot";
import type { PacingLimits } from "../../src/conversations/delivery";
import type { DbHandle } from "../../db/db";
import type { Logger } from "../../src/log";
import { BotApiEmulator } from "./bot-api-emulator";
import { createTestApp } from "./test-app";
import { createTestDb } from "./test-db";

export const WEBHOOK_SECRET = "webhook-secret-for-tests-0123456789";

export interface TelegramWorld {
  handle: DbHandle;
  api: BotApiEmulator;
  telegram: TelegramBot;
  app: ReturnType<typeof createTestApp>;
  /** Delivery work started after an update was answered; `await Promise.all(background.splice(0))` waits for it. */
  background: Promise<unknown>[];
  close(): Promise<void>;
}

export async function openTelegramWorld(
  log: Logger,
  pacing?: Partial<PacingLimits>,
  qa?: TelegramOptions["qa"],
): Promise<TelegramWorld> {
  const handle = await createTestDb({ seed: "quick" });
  const api = await new BotApiEmulator().start();
  const background: Promise<unknown>[] = [];
  const telegram = createTelegramBot({
    token: api.token,
    apiRoot: api.url,
    username: "loa_test_bot",
    db: handle.db,
    log,
    rethrow: true,
    ...(pacing ? { pacing } : {}),
    ...(qa ? { qa } : {}),
    background: (work) => background.push(work),
  });
  const app = createTestApp(
    handle.db,
    log,
    { channels: { telegram } },
    { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET },
  );
  return {
    handle,
    api,
    telegram,
    app,
    background,
    async close() {
      await api.stop();
      await handle.close();
    },
  };
}

// What a request handler may use. Set per request by the runtime entry (one database client per request on
// Workers, a shared pool on Node) and read with c.get("services").
import type { Db } from "../db/db";
import type { AppConfig } from "./config";
import type { Logger } from "./log";
import type { TelegramBot } from "../bots/telegram/telegram-bot";

export interface Services {
  db: Db;
  config: AppConfig;
  log: Logger;
  /** Present when TELEGRAM_BOT_TOKEN is set. */
  telegram?: TelegramBot;
}

export interface AppEnv {
  Variables: { services: Services };
}

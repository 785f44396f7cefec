// What a request handler may use. Set per request by the runtime entry (one database client per request on
// Workers, a shared pool on Node) and read with c.get("services"). Channels appear here only as neutral runtimes:
// the entries decide which channels run and put them in `channels`; nothing under src/ knows a channel's library.
import type { Db } from "../db/db";
import type { Channel } from "../db/schema/contacts";
import type { AppConfig } from "./config";
import type { DeliveryReport } from "./conversations/delivery";
import type { Logger } from "./log";

/** A running channel, as the app and the jobs see it. */
export interface ChannelRuntime {
  /** Sends what the outbox holds for this channel (only `ids` when given). */
  deliver(ids?: number[]): Promise<DeliveryReport>;
  /** Takes one update the platform pushed to a webhook (already authenticated by the route). */
  receive?(update: unknown): Promise<void>;
  /**
   * For long-lived connections (the Zalo personal gateway): one word for /health, e.g. "connected",
   * "reconnecting", "replaced". Channels that only answer webhooks have none.
   */
  health?(): string;
  /** Hourly upkeep (e.g. refreshing the Zalo OA token pair before it lapses); counts of what was done. */
  maintain?(): Promise<Record<string, number>>;
}

export type ChannelRuntimes = Partial<Record<Channel, ChannelRuntime>>;

export interface Services {
  db: Db;
  config: AppConfig;
  log: Logger;
  /** The channels this runtime runs (e.g. telegram when TELEGRAM_BOT_TOKEN is set). */
  channels: ChannelRuntimes;
}

export interface AppEnv {
  Variables: { services: Services };
}

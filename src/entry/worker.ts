// The Cloudflare Worker: the same app, with Postgres through a Hyperdrive binding (one postgres.js client per
// request; Hyperdrive keeps the real connections warm). No PGlite, zca-js or Node server is imported here.
import type { ExecutionContext } from "hono";
import { createTelegramBot, TELEGRAM_PACING, type TelegramBot } from "../../bots/telegram/telegram-bot";
import { telegramRoutes } from "../../bots/telegram/telegram-routes";
import { webRoutes } from "../../bots/web/web-routes";
import { createZaloOa, type ZaloOa } from "../../bots/zalo-oa/zalo-oa-channel";
import { zaloOaRoutes } from "../../bots/zalo-oa/zalo-oa-routes";
import { createPostgresDb } from "../../db/client-postgres";
import type { Db } from "../../db/db";
import { createApp } from "../app";
import { campaignRates } from "../campaigns/campaign-dispatch";
import {
  type CampaignQueue,
  consumeCampaignMessages,
  produceCampaignBatches,
  type QueuedMessage,
} from "../campaigns/campaign-queue";
import { ConfigError, parseConfig, zaloOaEnabled, type AppConfig } from "../config";
import { errorBody } from "../http/errors";
import { CRON_TICK_MS, runDueJobs } from "../jobs";
import { createLogger, describeError, type Logger } from "../log";
import type { ChannelRuntimes, Services } from "../services";

export interface WorkerEnv {
  HYPERDRIVE?: { connectionString: string };
  /** The campaign Queue's producer binding (wrangler.toml); without it campaigns do not send on this deployment. */
  CAMPAIGN_QUEUE?: CampaignQueue;
  [variable: string]: unknown;
}

// The env object is the same for a whole request: parse it once per request, not once per use.
const parsedConfigs = new WeakMap<object, AppConfig>();
function workerConfig(env: WorkerEnv): AppConfig {
  const cached = parsedConfigs.get(env);
  if (cached) return cached;
  const config = parseConfig(env);
  if (!env.HYPERDRIVE?.connectionString) {
    throw new ConfigError([{ variable: "HYPERDRIVE", message: "thiếu binding Hyperdrive (xem wrangler.toml)" }]);
  }
  parsedConfigs.set(env, config);
  return config;
}

/**
 * The channels this deployment runs, made only when something asks for them: a web chat request never builds a
 * Telegram bot, the webhook builds one for its request.
 */
function workerChannels(config: AppConfig, db: Db, log: Logger, background?: (work: Promise<unknown>) => void) {
  let telegram: TelegramBot | undefined;
  let zaloOa: ZaloOa | undefined;
  const token = config.TELEGRAM_BOT_TOKEN;
  const channels: ChannelRuntimes = {};
  if (token) {
    Object.defineProperty(channels, "telegram", {
      enumerable: true,
      get: () =>
        (telegram ??= createTelegramBot({
          token,
          apiRoot: config.TELEGRAM_API_ROOT,
          username: config.TELEGRAM_BOT_USERNAME,
          db,
          log,
          rethrow: true,
          background,
          qa: { defaultUnitCode: config.QA_DEFAULT_UNIT, dueWorkingDays: config.QA_DUE_WORKING_DAYS },
          // A campaign rate set above the bot's default pace (a paid broadcast bot) raises the pace with it.
          pacing: { perSecond: Math.max(TELEGRAM_PACING.perSecond, config.CAMPAIGN_RATE_TELEGRAM) },
        })),
    });
  }
  if (zaloOaEnabled(config)) {
    Object.defineProperty(channels, "zalo_oa", {
      enumerable: true,
      // Only webhook requests receive events (their work runs after the answer); the cron only delivers.
      get: () => (zaloOa ??= createZaloOa({ config, db, log, background: background ?? (() => {}) })),
    });
  }
  return channels;
}

const app = createApp(
  (c) => {
    const env = c.env as WorkerEnv;
    const config = workerConfig(env);
    const handle = createPostgresDb(env.HYPERDRIVE!.connectionString, { max: 5, fetchTypes: false });
    const log = createLogger(config.LOG_LEVEL);
    // Replies go out after the webhook has answered; the client closes once they are sent.
    const pending: Promise<unknown>[] = [];
    const services: Services = {
      db: handle.db,
      config,
      log,
      channels: workerChannels(config, handle.db, log, (work) => pending.push(work)),
    };
    return {
      services,
      release: async () => {
        // Work may start more work (an event handled after the answer queues its delivery): drain until none is left.
        while (pending.length > 0) await Promise.allSettled(pending.splice(0));
        await handle.close();
      },
    };
  },
  { channelRoutes: [webRoutes(), telegramRoutes(), zaloOaRoutes()] },
);

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    try {
      workerConfig(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // A misconfigured deployment answers 500 with the variable named, and says why in the log.
      console.error(JSON.stringify({ level: "error", event: "config.invalid", issues: error.issues }));
      const names = error.issues.map((i) => i.variable).join(", ");
      return Response.json(errorBody("config_error", `Cấu hình máy chủ không hợp lệ: ${names}`), { status: 500 });
    }
    return app.fetch(request, env, ctx);
  },

  /** The cron trigger (wrangler.toml): the jobs of src/jobs.ts that are due at this tick. */
  async scheduled(controller: { scheduledTime: number }, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const config = workerConfig(env);
    const handle = createPostgresDb(env.HYPERDRIVE!.connectionString, { max: 2, fetchTypes: false });
    const log = createLogger(config.LOG_LEVEL);
    const channels = workerChannels(config, handle.db, log);
    ctx.waitUntil(
      Promise.all([
        runDueJobs({ db: handle.db, log, channels }, controller.scheduledTime),
        produceCampaigns(env, config, handle.db, log, channels),
      ]).finally(() => handle.close()),
    );
  },

  /** The campaign Queue's consumer (wrangler.toml): each message a batch of held outbox rows, sent at its slot. */
  async queue(batch: { messages: readonly QueuedMessage[] }, env: WorkerEnv): Promise<void> {
    const config = workerConfig(env);
    const handle = createPostgresDb(env.HYPERDRIVE!.connectionString, { max: 2, fetchTypes: false });
    const log = createLogger(config.LOG_LEVEL);
    try {
      await consumeCampaignMessages(handle.db, [...batch.messages], {
        channels: workerChannels(config, handle.db, log),
        log,
      });
    } finally {
      await handle.close();
    }
  },
};

/** Cron: campaign states, web chat deliveries, and a tick's worth of batches onto the Queue (never throws). */
async function produceCampaigns(env: WorkerEnv, config: AppConfig, db: Db, log: Logger, channels: ChannelRuntimes) {
  if (!env.CAMPAIGN_QUEUE) return;
  try {
    const report = await produceCampaignBatches(db, {
      queue: env.CAMPAIGN_QUEUE,
      channels: (["telegram", "zalo_oa"] as const).filter((c) => c in channels),
      rates: campaignRates(config),
      tickMs: CRON_TICK_MS,
    });
    if (Object.values(report).some((n) => n > 0)) log.info("campaigns.cron", { ...report });
  } catch (error) {
    log.warn("campaigns.cron_failed", describeError(error));
  }
}

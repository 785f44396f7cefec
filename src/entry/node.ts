// The Node server: embedded PGlite by default (data in PGLITE_DATA_DIR), postgres.js when DATABASE_URL is set.
// Applies migrations, seeds an empty database, then serves the app. `npm start` runs this.
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createPgliteDb } from "../../db/client-pglite";
import type { DbHandle } from "../../db/db";
import { ConfigError, parseConfig, telegramMode, zaloOaEnabled, type AppConfig } from "../config";
import { createLogger, describeError, type Logger } from "../log";
import type { ChannelRuntimes, Services } from "../services";

// Loading the app's modules (under tsx, most of a restart) runs while the database opens: both are imported
// here, not at the top, so they overlap. Telegram and Postgres modules load only when configured.
const loadAppModules = () =>
  Promise.all([
    import("@hono/node-server"),
    import("../app"),
    import("../../bots/web/web-routes"),
    import("../../bots/telegram/telegram-routes"),
    import("../../bots/zalo-oa/zalo-oa-routes"),
    import("../jobs"),
    import("../officers/bootstrap"),
    import("../../db/seed/seed-surveys"),
    import("../campaigns/campaign-sender"),
    import("../campaigns/campaign-dispatch"),
  ]).then(([node, app, web, telegram, zaloOa, jobs, bootstrap, surveys, sender, dispatch]) => ({
    ...node,
    ...app,
    ...web,
    ...telegram,
    ...zaloOa,
    ...jobs,
    ...bootstrap,
    ...surveys,
    ...sender,
    ...dispatch,
  }));

async function openDatabase(config: AppConfig, log: Logger): Promise<DbHandle> {
  if (config.DATABASE_URL) {
    const [{ migrateServer }, { createPostgresDb }] = await Promise.all([
      import("../../db/migrate"),
      import("../../db/client-postgres"),
    ]);
    await migrateServer(config.DATABASE_URL);
    return createPostgresDb(config.DATABASE_URL);
  }
  const dataDir = config.PGLITE_DATA_DIR;
  // A first start copies a seeded template instead of running initdb, migrations and the seed here.
  if (config.SEED_ON_START && (!existsSync(dataDir) || readdirSync(dataDir).length === 0)) {
    log.info("seed.start", { driver: "pglite", from: "template" });
    const { createDataDirFromTemplate } = await import("../../db/seed/seed-template");
    await createDataDirFromTemplate(dataDir, { log: (event, fields) => log.info(event, fields) });
  }
  const [embedded, { migrateEmbedded }] = await Promise.all([createPgliteDb({ dataDir }), import("../../db/migrate")]);
  await migrateEmbedded(embedded);
  return embedded;
}

export async function startNodeServer(config: AppConfig) {
  const log = createLogger(config.LOG_LEVEL);
  const started = performance.now();
  const modules = loadAppModules();
  // Should the database fail first, a module failing later must not surface as an unhandled rejection.
  modules.catch(() => {});
  const handle = await openDatabase(config, log);
  if (config.SEED_ON_START) {
    const { isDatabaseEmpty, seedDatabase } = await import("../../db/seed/seed-database");
    if (await isDatabaseEmpty(handle.db)) {
      log.info("seed.start", { driver: handle.driver });
      await seedDatabase(handle.db, { log: (message) => log.info("seed.progress", { message }) });
    }
  }
  const {
    serve,
    createApp,
    webRoutes,
    telegramRoutes,
    zaloOaRoutes,
    startJobTimers,
    describeCredentials,
    ensureDemoAdmin,
    seedSurveys,
    startCampaignSender,
    campaignRates,
  } = await modules;

  // Every start checks that no published survey version was edited in place (and publishes new versions).
  await seedSurveys(handle.db, { waves: false });

  // The embedded demo gets an admin to try the officer API with, printed once. Never on a real server.
  const demoAdmin = config.DATABASE_URL ? null : await ensureDemoAdmin(handle.db);

  // Telegram: webhook or long polling. Replies it could not take yet are retried by the outbox job (src/jobs.ts).
  const background = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    background.add(work);
    void work.finally(() => background.delete(work));
  };
  const mode = telegramMode(config);
  const telegramModule = mode === "off" ? undefined : await import("../../bots/telegram/telegram-bot");
  const telegram = !telegramModule
    ? undefined
    : telegramModule.createTelegramBot({
        token: config.TELEGRAM_BOT_TOKEN!,
        apiRoot: config.TELEGRAM_API_ROOT,
        username: config.TELEGRAM_BOT_USERNAME,
        db: handle.db,
        log,
        rethrow: mode === "webhook",
        background: (work) => track(work),
        qa: { defaultUnitCode: config.QA_DEFAULT_UNIT, dueWorkingDays: config.QA_DUE_WORKING_DAYS },
        // A campaign rate set above the bot's default pace (a paid broadcast bot) raises the pace with it.
        pacing: { perSecond: Math.max(telegramModule.TELEGRAM_PACING.perSecond, config.CAMPAIGN_RATE_TELEGRAM) },
      });
  if (telegram && mode === "polling") {
    // launch() resolves only when polling stops; failures (a bad token) are logged, the server keeps serving.
    void telegram.bot
      .launch({ allowedUpdates: ["message", "callback_query"] })
      .catch((error) => log.error("telegram.polling_failed", describeError(error)));
    log.info("telegram.polling", { apiRoot: config.TELEGRAM_API_ROOT });
  }

  // Zalo OA: webhook only (Zalo cannot be polled); the token pair lives in the database.
  const zaloOa = zaloOaEnabled(config)
    ? (await import("../../bots/zalo-oa/zalo-oa-channel")).createZaloOa({
        config,
        db: handle.db,
        log,
        background: track,
      })
    : undefined;

  const channels: ChannelRuntimes = { ...(telegram ? { telegram } : {}), ...(zaloOa ? { zalo_oa: zaloOa } : {}) };

  // The Zalo personal gateway (bots/zalo-personal, zca-js): started when the mode is on, the key is set and an
  // active session was saved by `npm run zalo:login`; a replaced or logged-out session stays off (the log says why).
  // zca-js loads only here. Stopped before the database closes.
  const zaloPersonal =
    config.ZALO_PERSONAL_MODE === "on" && config.ZALO_CREDENTIALS_KEY
      ? await (await import("../../bots/zalo-personal/start-gateway")).startZaloPersonalGateway({
          db: handle.db,
          log,
          config,
        })
      : undefined;
  if (zaloPersonal) channels.zalo = zaloPersonal;
  const services: Services = { db: handle.db, config, log, channels };
  const app = createApp(() => ({ services }), { channelRoutes: [webRoutes(), telegramRoutes(), zaloOaRoutes()] });
  const stopJobs = startJobTimers({ db: handle.db, log, channels });
  // Campaigns: sender loops while the server runs (CAMPAIGN_SENDER=off leaves them to other instances).
  const campaignSender =
    config.CAMPAIGN_SENDER === "on"
      ? startCampaignSender({
          db: handle.db,
          log,
          channels,
          rates: campaignRates(config),
          senders: config.CAMPAIGN_SENDERS,
        })
      : undefined;
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = `http://${config.HOST}:${config.PORT}`;
  if (demoAdmin)
    console.log(`\nTài khoản quản trị dùng thử (chỉ hiện lần này):\n${describeCredentials(demoAdmin, address)}\n`);
  if (demoAdmin && config.DEMO_ACTIVITY) {
    // In the background: the server already answers while the demo's citizens take their surveys.
    track(
      import("./demo-activity")
        .then(({ seedDemoActivity }) => seedDemoActivity(app, services))
        .then((made) => log.info("demo.activity", made))
        .catch((error) => log.warn("demo.activity_failed", describeError(error))),
    );
  }
  log.info("server.ready", {
    address,
    chat: `${address}/chat`,
    console: `${address}/console`,
    driver: handle.driver,
    startupMs: Math.round(performance.now() - started),
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info("server.stopping");
      await stopJobs();
      await campaignSender?.stop();
      if (telegram && mode === "polling") telegram.bot.stop("shutdown");
      await zaloPersonal?.stop();
      // Finished work may have started more (an event handled after its answer queues its delivery).
      while (background.size > 0) await Promise.allSettled([...background]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    })());
  return { app, server, db: handle, stop };
}

/** `npm start`: the environment parsed (a bad variable named in Vietnamese), the server started, signals handled. */
export function runNodeServer(): void {
  let config: AppConfig;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const issue of error.issues)
        console.error(`Biến môi trường ${issue.variable} không hợp lệ: ${issue.message}`);
      process.exit(1);
    }
    throw error;
  }
  startNodeServer(config).then(
    ({ stop }) => {
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => void stop().then(() => process.exit(0)));
      }
    },
    (error) => {
      console.error("Không khởi động được Loa:", describeError(error).message);
      process.exit(1);
    },
  );
}

// Run as a program by tsx (tests, `node --import tsx src/entry/node.ts`); `npm start` goes through start.mjs.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runNodeServer();

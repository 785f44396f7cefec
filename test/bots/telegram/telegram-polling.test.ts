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

  it("stops cleanly", async () => {
    expect(await server.stop()).toBe(0);
  }, 30_000);
});

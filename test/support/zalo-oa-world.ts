// The Zalo OA side of a test: a test database, the fake OA platform on 127.0.0.1, the OA channel pointed at it and
// the app with its webhook route, as the entries compose them. Work done after a webhook answered is collected so
// a test can wait for it (`settle()`).
import { createZaloOa, type ZaloOa } from "../../bots/zalo-oa/zalo-oa-channel";
import type { DbHandle } from "../../db/db";
import type { Logger } from "../../src/log";
import { FakeZaloOa, signedZaloEvent } from "./fake-zalo-oa";
import { createTestApp } from "./test-app";
import { createTestDb } from "./test-db";
import { parseConfig } from "../../src/config";

export interface ZaloOaWorld {
  handle: DbHandle;
  api: FakeZaloOa;
  oa: ZaloOa;
  app: ReturnType<typeof createTestApp>;
  env: Record<string, string>;
  /** Posts a signed event (or a raw body and headers) to /zalo/webhook. */
  post(event: Record<string, unknown>, options?: { timestamp?: number; secretKey?: string }): Promise<Response>;
  /** Waits for the work started by the webhooks so far (processing and delivery). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function openZaloOaWorld(log: Logger, env: Record<string, string> = {}): Promise<ZaloOaWorld> {
  const handle = await createTestDb({ seed: "quick" });
  const api = await new FakeZaloOa().start();
  const fullEnv = { ...api.env(), ...env };
  const background: Promise<unknown>[] = [];
  const oa = createZaloOa({
    config: parseConfig(fullEnv),
    db: handle.db,
    log,
    background: (work) => background.push(work),
    // Each world has its own token cache, as a separate process would.
    tokenCache: new Map(),
    retryDelaysMs: [10, 20],
    pacing: { perSecond: 1000, perChatPerSecond: 1000, perChatBurst: 1000 },
  });
  const app = createTestApp(handle.db, log, { channels: { zalo_oa: oa } }, fullEnv);
  return {
    handle,
    api,
    oa,
    app,
    env: fullEnv,
    async post(event, options = {}) {
      const { rawBody, signature } = signedZaloEvent(event, options);
      return app.request("/zalo/webhook", {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": signature },
        body: rawBody,
      });
    },
    async settle() {
      while (background.length > 0) await Promise.all(background.splice(0));
    },
    async close() {
      await api.stop();
      await handle.close();
    },
  };
}

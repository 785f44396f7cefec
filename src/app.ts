// The Hono app both runtimes serve. Runtime entries hand it a way to get per-request services and the routes of the
// channels they run; nothing here knows whether it runs on Node or Workers, or which chat platforms exist.
import { sql } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError, codeForStatus } from "./errors";
import { consoleRoutes } from "./console/console-routes";
import { officerApi } from "./http/api/officer-api";
import { bodyLimits, limitBody } from "./http/body-limit";
import { APP_VERSION } from "./version";
import { errorBody, jsonError } from "./http/errors";
import { securityHeaders } from "./http/security-headers";
import { describeError } from "./log";
import type { AppEnv, ChannelRuntime, Services } from "./services";

const HEALTH_TIMEOUT_MS = 3000;

export interface ServiceScope {
  services: Services;
  /** Called once the response is ready (e.g. to close a per-request database client). */
  release?: () => Promise<void>;
}

export type ServiceProvider = (c: Context<AppEnv>) => ServiceScope | Promise<ServiceScope>;

export interface AppParts {
  /** The routes of the channels this runtime runs (web chat, Telegram webhook, …), mounted at the root. */
  channelRoutes?: Hono<AppEnv>[];
}

export function createApp(provide: ServiceProvider, parts: AppParts = {}) {
  const app = new Hono<AppEnv>();

  // Security headers on every answer, errors and refusals included.
  app.use("*", securityHeaders());

  // Sizes next, before any body is read. Every route gets the API's limit; routes that need less say so (the
  // Telegram webhook in its own module; the web chat's messages here, by path).
  const apiLimit = limitBody(bodyLimits.api);
  const lawImportLimit = limitBody(bodyLimits.lawImport);
  // A statute file is far larger than any other officer request: only its import route gets the larger limit.
  app.use("*", (c, next) => (c.req.path === "/api/documents/import" ? lawImportLimit(c, next) : apiLimit(c, next)));
  app.use("/web/*", limitBody(bodyLimits.webMessage));

  app.use("*", async (c, next) => {
    const scope = await provide(c);
    c.set("services", scope.services);
    try {
      await next();
    } finally {
      if (scope.release) {
        const released = scope.release();
        // On Workers the response should not wait for the client to close.
        try {
          c.executionCtx.waitUntil(released);
        } catch {
          await released;
        }
      }
    }
  });

  app.get("/", (c) => c.redirect("/chat"));

  app.get("/health", async (c) => {
    const { db, log, channels } = c.get("services");
    // Connections that live in this process say how they are (e.g. "zalo": "replaced"); a channel down does not
    // make the service unhealthy: restarting it would not bring the channel back.
    const channelStates: Record<string, string> = {};
    // Only channels already made: the Worker builds its channels lazily (getters), and /health must not build them.
    for (const [name, { value }] of Object.entries(Object.getOwnPropertyDescriptors(channels))) {
      const runtime = value as ChannelRuntime | undefined;
      if (runtime?.health) channelStates[name] = runtime.health();
    }
    try {
      await withTimeout(db.execute(sql`select 1`), HEALTH_TIMEOUT_MS);
      return c.json({ status: "ok", db: "ok", ...channelStates });
    } catch (error) {
      log.warn("health.db_unreachable", describeError(error));
      return c.json({ status: "error", db: "error", ...channelStates }, 503);
    }
  });

  // Static JSON, no database: what the server costs before any work (the benchmark's floor).
  app.get("/api/version", (c) => c.json({ name: "loa", version: APP_VERSION }));

  for (const routes of parts.channelRoutes ?? []) app.route("/", routes);
  app.route("/", officerApi());
  app.route("/", consoleRoutes());

  app.notFound((c) => jsonError(c, 404, "not_found", `Không có đường dẫn ${c.req.method} ${c.req.path}`));

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      const issues = error.field ? [{ field: error.field, message: error.message }] : undefined;
      return c.json(errorBody(error.code, error.message, issues), error.status);
    }
    if (error instanceof HTTPException) {
      const message = error.status === 400 ? "Yêu cầu không hợp lệ: nội dung JSON bị lỗi hoặc thiếu" : error.message;
      return c.json(errorBody(codeForStatus(error.status), message), error.status);
    }
    c.get("services")?.log.error("request.failed", { path: c.req.path, ...describeError(error) });
    return c.json(errorBody("internal_error", "Hệ thống đang gặp sự cố. Bạn vui lòng thử lại sau ít phút."), 500);
  });

  return app;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

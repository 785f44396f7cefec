// The OA's access token, kept fresh. Zalo's access tokens last about 25 hours; refreshing one returns a new access
// token AND a new refresh token, and the old refresh token stops working at once. Two instances refreshing with the
// same refresh token would leave one of them holding a dead pair, so a refresh is done by one instance at a time:
// it takes a short lease on the row (a conditional update), calls Zalo, and replaces the pair only if the row
// still holds the refresh token it started from. The others wait for the new pair and read it.
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/db";
import { zaloOaTokens } from "../../db/schema/index";
import type { Logger } from "../../src/log";

export interface OaTokenOptions {
  db: Db;
  appId: string;
  appSecret: string;
  oauthRoot: string;
  /** ZALO_OA_REFRESH_TOKEN: the first refresh token, taken while the database holds none (or only a refused one). */
  initialRefreshToken?: string;
  log: Logger;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Refresh this long before the access token expires. */
  refreshMarginMs?: number;
  /** How long one instance may hold the right to refresh. */
  leaseMs?: number;
  /** Tokens known in this process (Node: the process; Workers: the isolate), so most sends read no row. */
  cache?: Map<string, CachedToken>;
}

export interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** The OA cannot send until someone authorizes it again (no refresh token, or Zalo refused the one we have). */
export class OaNotAuthorizedError extends Error {
  constructor(readonly reason: "no_refresh_token" | "refresh_refused") {
    super(
      reason === "no_refresh_token"
        ? "Zalo OA has no refresh token: set ZALO_OA_REFRESH_TOKEN"
        : "Zalo refused the OA's refresh token: authorize the app again and set ZALO_OA_REFRESH_TOKEN",
    );
    this.name = "OaNotAuthorizedError";
  }
}

/** The token endpoint could not be reached or answered oddly: try again later. */
export class OaTokenUnavailableError extends Error {
  constructor(readonly code: string) {
    super(`Zalo OA token refresh failed (${code})`);
    this.name = "OaTokenUnavailableError";
  }
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(8),
  refresh_token: z.string().min(8),
  expires_in: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(Number),
});

const sharedCache = new Map<string, CachedToken>();
const DEFAULT_MARGIN_MS = 10 * 60_000;
const DEFAULT_LEASE_MS = 30_000;
const POLL_MS = 100;

export function createOaTokens(options: OaTokenOptions) {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const margin = options.refreshMarginMs ?? DEFAULT_MARGIN_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const cache = options.cache ?? sharedCache;
  const { db, appId, log } = options;
  const byApp = eq(zaloOaTokens.appId, appId);

  const fresh = (accessToken: string | null, expiresAt: Date | null): accessToken is string =>
    accessToken !== null && expiresAt !== null && expiresAt.getTime() - margin > now().getTime();

  async function readRow() {
    const [row] = await db.select().from(zaloOaTokens).where(byApp);
    if (row) return row;
    if (!options.initialRefreshToken) throw new OaNotAuthorizedError("no_refresh_token");
    await db
      .insert(zaloOaTokens)
      .values({ appId, refreshToken: options.initialRefreshToken })
      .onConflictDoNothing({ target: zaloOaTokens.appId });
    const [created] = await db.select().from(zaloOaTokens).where(byApp);
    return created!;
  }

  /** A valid access token: from this process's cache, the database, or a refresh. */
  async function accessToken(): Promise<string> {
    const cached = cache.get(appId);
    if (cached && cached.expiresAt - margin > now().getTime()) return cached.accessToken;
    return fromDatabase(null);
  }

  /** Zalo rejected `rejected` (expired early, revoked): use a newer one, refreshing if no one has yet. */
  async function afterRejection(rejected: string): Promise<string> {
    if (cache.get(appId)?.accessToken === rejected) cache.delete(appId);
    return fromDatabase(rejected);
  }

  async function fromDatabase(rejected: string | null): Promise<string> {
    const deadline = now().getTime() + 3 * leaseMs;
    for (;;) {
      const row = await readRow();
      if (fresh(row.accessToken, row.accessExpiresAt) && row.accessToken !== rejected) {
        cache.set(appId, { accessToken: row.accessToken, expiresAt: row.accessExpiresAt!.getTime() });
        return row.accessToken;
      }
      let refreshToken = row.refreshToken;
      if (row.refreshFailedAt) {
        // Zalo refused this refresh token. A different one in the environment is the operator's fix: try it once.
        const replacement = options.initialRefreshToken;
        if (!replacement || replacement === row.refreshToken) throw new OaNotAuthorizedError("refresh_refused");
        const taken = await db
          .update(zaloOaTokens)
          .set({ refreshToken: replacement, refreshFailedAt: null, lastError: null })
          .where(and(byApp, eq(zaloOaTokens.refreshToken, row.refreshToken)))
          .returning({ appId: zaloOaTokens.appId });
        if (taken.length === 0) continue;
        refreshToken = replacement;
      }
      const at = now();
      const leased = await db
        .update(zaloOaTokens)
        .set({ refreshLeaseUntil: new Date(at.getTime() + leaseMs) })
        .where(
          and(
            byApp,
            eq(zaloOaTokens.refreshToken, refreshToken),
            or(isNull(zaloOaTokens.refreshLeaseUntil), lt(zaloOaTokens.refreshLeaseUntil, at)),
          ),
        )
        .returning({ appId: zaloOaTokens.appId });
      if (leased.length > 0) return refresh(refreshToken);
      // Another instance is refreshing: wait for its pair.
      if (now().getTime() > deadline) throw new OaTokenUnavailableError("refresh_wait_timeout");
      await sleep(POLL_MS);
    }
  }

  /** Holding the lease: trade `refreshToken` for a new pair and store it where the old one was. */
  async function refresh(refreshToken: string): Promise<string> {
    const release = (changes: Partial<typeof zaloOaTokens.$inferInsert>) =>
      db
        .update(zaloOaTokens)
        .set({ refreshLeaseUntil: null, ...changes })
        .where(and(byApp, eq(zaloOaTokens.refreshToken, refreshToken)));
    let response: Response;
    try {
      response = await fetch(new URL("/v4/oa/access_token", options.oauthRoot), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", secret_key: options.appSecret },
        body: new URLSearchParams({ refresh_token: refreshToken, app_id: appId, grant_type: "refresh_token" }),
        signal: AbortSignal.timeout(Math.floor(leaseMs / 2)),
      });
    } catch (error) {
      await release({ lastError: "network" });
      log.warn("zalo_oa.token_refresh_failed", { code: "network", error: (error as Error).name });
      throw new OaTokenUnavailableError("network");
    }
    const body: unknown = await response.json().catch(() => null);
    const tokens = tokenResponseSchema.safeParse(body);
    if (!tokens.success) {
      const zaloError = (body as { error?: unknown } | null)?.error;
      if (response.ok && typeof zaloError === "number" && zaloError !== 0) {
        // Zalo answered and said no: this refresh token is dead (used, expired after 3 months, or revoked).
        await release({ refreshFailedAt: now(), lastError: `zalo_${zaloError}` });
        log.error("zalo_oa.reauthorization_needed", { code: zaloError });
        throw new OaNotAuthorizedError("refresh_refused");
      }
      const code = response.ok ? "bad_response" : `http_${response.status}`;
      await release({ lastError: code });
      log.warn("zalo_oa.token_refresh_failed", { code });
      throw new OaTokenUnavailableError(code);
    }
    const at = now();
    const expiresAt = new Date(at.getTime() + tokens.data.expires_in * 1000);
    const stored = await db
      .update(zaloOaTokens)
      .set({
        accessToken: tokens.data.access_token,
        accessExpiresAt: expiresAt,
        refreshToken: tokens.data.refresh_token,
        refreshLeaseUntil: null,
        refreshedAt: at,
        refreshFailedAt: null,
        lastError: null,
        generation: sql`${zaloOaTokens.generation} + 1`,
      })
      .where(and(byApp, eq(zaloOaTokens.refreshToken, refreshToken)))
      .returning({ generation: zaloOaTokens.generation });
    if (stored.length === 0) {
      // Only possible when our lease ran out and someone else took over: their pair stands, ours is dropped.
      log.warn("zalo_oa.token_refresh_overtaken");
      return fromDatabase(null);
    }
    cache.set(appId, { accessToken: tokens.data.access_token, expiresAt: expiresAt.getTime() });
    log.info("zalo_oa.token_refreshed", { generation: stored[0]!.generation, expiresAt: expiresAt.toISOString() });
    return tokens.data.access_token;
  }

  /** For the hourly job: refresh ahead of time, so an idle OA's refresh token (valid 3 months) never lapses. */
  async function keepFresh(): Promise<boolean> {
    const row = await readRow();
    if (fresh(row.accessToken, row.accessExpiresAt) && row.accessExpiresAt!.getTime() - now().getTime() > 2 * 3_600_000)
      return false;
    await fromDatabase(row.accessToken);
    return true;
  }

  return { accessToken, afterRejection, keepFresh };
}

export type OaTokens = ReturnType<typeof createOaTokens>;

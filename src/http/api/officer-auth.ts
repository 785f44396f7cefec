// Resolves the officer of every /api request except login: a Bearer token, or the signed session cookie of the
// console. Cookie-authenticated unsafe requests must also carry the session's CSRF token (X-CSRF-Token).
import type { Context, MiddlewareHandler } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import type { OfficerRole } from "../../../db/schema/officers";
import { authenticateSession, authenticateToken, SESSION_TTL_MS } from "../../officers/authenticate";
import { cachedSessionSecret } from "../session-secret";
import { constantTimeEqual } from "../../crypto";
import type { Principal } from "../../officers/principal";
import { hasRole, roleLabels } from "../../officers/roles";
import { jsonError } from "../errors";
import type { Services } from "../../services";
import type { ApiEnv } from "./api-env";

export const SESSION_COOKIE = "loa_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

async function resolvePrincipal(c: Context<ApiEnv>): Promise<Principal | null> {
  const { db, config } = c.get("services");
  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match ? authenticateToken(db, match[1]!) : null;
  }
  return sessionPrincipal(c, c.get("services"));
}

/** The officer of the console's signed session cookie (no Bearer tokens: a browser page never holds one). */
export async function sessionPrincipal(c: Context, { db, config }: Services): Promise<Principal | null> {
  const sessionId = await getSignedCookie(c, await cachedSessionSecret(db, config), SESSION_COOKIE);
  return typeof sessionId === "string" ? authenticateSession(db, sessionId) : null;
}

export const authenticateOfficer: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const principal = await resolvePrincipal(c);
  if (!principal) {
    c.header("WWW-Authenticate", 'Bearer realm="loa"');
    return jsonError(c, 401, "unauthorized", "Bạn cần đăng nhập hoặc gửi token hợp lệ (Authorization: Bearer …)");
  }
  if (principal.via === "session" && !SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header("x-csrf-token") ?? "";
    if (!principal.csrfToken || !constantTimeEqual(sent, principal.csrfToken)) {
      return jsonError(c, 403, "csrf_failed", "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token) của phiên đăng nhập");
    }
  }
  c.set("principal", principal);
  await next();
};

/** Route middleware: the least role a route needs (403 below it). */
export function requireRole(least: OfficerRole): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!hasRole(c.get("principal").role, least)) {
      return jsonError(c, 403, "forbidden", `Việc này cần vai trò "${roleLabels[least]}" trở lên`);
    }
    await next();
  };
}

/**
 * A route's least role, spread into its createRoute config: the middleware that enforces it and the OpenAPI extension
 * "x-required-role" that the API reference shows integrators, declared once so the two cannot disagree.
 */
export function routeRole<const Least extends OfficerRole>(least: Least) {
  const middleware: [MiddlewareHandler<ApiEnv>] = [requireRole(least)];
  return { middleware, "x-required-role": least };
}

/** Sets the console's signed session cookie (login through the API or the console's login form). */
export async function setSessionCookie(c: Context, { db, config }: Services, sessionId: string): Promise<void> {
  const secure = config.COOKIE_SECURE ?? config.PUBLIC_URL?.startsWith("https://") ?? false;
  await setSignedCookie(c, SESSION_COOKIE, sessionId, await cachedSessionSecret(db, config), {
    httpOnly: true,
    sameSite: "Strict",
    secure,
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

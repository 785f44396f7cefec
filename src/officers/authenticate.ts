// Who is calling: an API token (Authorization: Bearer) or a console session (signed cookie), resolved to a
// Principal. Login is throttled per email and per client address, in the database so it holds on every runtime.
import { and, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { apiTokens, loginFailures, officerSessions, officers, serviceSettings, units } from "../../db/schema/index";
import { recordAudit } from "./audit";
import { randomToken, sha256Hex } from "../crypto";
import { verifyPassword } from "./credentials";
import type { Principal } from "./principal";

const principalColumns = {
  officerId: officers.id,
  email: officers.email,
  name: officers.name,
  role: officers.role,
  unitId: officers.unitId,
  unitPath: units.path,
};

// Writing last_used_at on every request would turn every read into a write; once a minute is enough to audit.
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateToken(db: Db, token: string, now = new Date()): Promise<Principal | null> {
  const [row] = await db
    .select({ ...principalColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(officers, eq(officers.id, apiTokens.officerId))
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(
      and(
        eq(apiTokens.tokenHash, await sha256Hex(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        isNull(officers.disabledAt),
      ),
    );
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  const { tokenId: _t, lastUsedAt: _l, ...principal } = row;
  return { ...principal, via: "token" };
}

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000; // a working day

export async function authenticateSession(db: Db, sessionId: string, now = new Date()): Promise<Principal | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [row] = await db
    .select({ ...principalColumns, csrfToken: officerSessions.csrfToken })
    .from(officerSessions)
    .innerJoin(officers, eq(officers.id, officerSessions.officerId))
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(
      and(
        eq(officerSessions.id, sessionId),
        isNull(officerSessions.revokedAt),
        gt(officerSessions.expiresAt, now),
        isNull(officers.disabledAt),
      ),
    );
  return row ? { ...row, via: "session", sessionId } : null;
}

export async function endSession(db: Db, principal: Principal): Promise<void> {
  if (!principal.sessionId) return;
  await db.update(officerSessions).set({ revokedAt: new Date() }).where(eq(officerSessions.id, principal.sessionId));
  await recordAudit(db, principal, { action: "auth.logout", unitId: principal.unitId });
}

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed tries of one email from one address in a window; then that pair waits for the next window. */
export const MAX_FAILURES_PER_EMAIL = 5;
/**
 * Failures from one address (across emails) after which each email gets only its first try from there: a password
 * sprayer is slowed to one guess per email, while an officer behind the same proxy still gets in at the first try.
 */
export const MAX_FAILURES_PER_CLIENT = 20;

export type LoginResult =
  | { status: "ok"; principal: Principal; sessionId: string; csrfToken: string; expiresAt: Date }
  | { status: "invalid" }
  | { status: "throttled"; retryAfterSeconds: number };

function windowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / LOGIN_WINDOW_MS) * LOGIN_WINDOW_MS);
}

export async function login(
  db: Db,
  email: string,
  password: string,
  client: string,
  now = new Date(),
): Promise<LoginResult> {
  const normalizedEmail = email.trim().toLowerCase();
  // Keyed by address AND email: a stranger elsewhere cannot use up an officer's tries, and failures of other
  // emails from a shared proxy never cost an officer their first try.
  const pairKey = `pair:${client}|${normalizedEmail}`;
  const clientKey = `client:${client}`;
  const window = windowStart(now);
  // Count the attempt before verifying, in one statement: concurrent attempts each see a distinct count, so 40
  // at once cannot all read "0 failures" and all be checked. A success gives its count back below.
  const counted = await db
    .insert(loginFailures)
    .values([
      { key: pairKey, windowStart: window, failures: 1 },
      { key: clientKey, windowStart: window, failures: 1 },
    ])
    .onConflictDoUpdate({
      target: [loginFailures.key, loginFailures.windowStart],
      set: { failures: sql`${loginFailures.failures} + 1` },
    })
    .returning({ key: loginFailures.key, failures: loginFailures.failures });
  const count = (key: string) => counted.find((c) => c.key === key)?.failures ?? 0;
  const pairAttempts = count(pairKey);
  if (pairAttempts > MAX_FAILURES_PER_EMAIL || (count(clientKey) > MAX_FAILURES_PER_CLIENT && pairAttempts > 1)) {
    return {
      status: "throttled",
      retryAfterSeconds: Math.ceil((window.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000),
    };
  }

  const [officer] = await db
    .select({ ...principalColumns, passwordHash: officers.passwordHash, disabledAt: officers.disabledAt })
    .from(officers)
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(eq(officers.email, normalizedEmail));
  // Verify against a dummy hash for unknown emails too, so timing does not tell which emails exist.
  const valid = await verifyPassword(password, officer?.passwordHash ?? DUMMY_HASH);
  if (!officer || !valid || officer.disabledAt) {
    await db.transaction(async (tx) => {
      await tx.delete(loginFailures).where(lt(loginFailures.windowStart, new Date(window.getTime() - LOGIN_WINDOW_MS)));
      await recordAudit(tx, null, {
        action: "auth.login_failed",
        unitId: officer?.unitId ?? null,
        details: { email: normalizedEmail },
      });
    });
    return { status: "invalid" };
  }
  // The attempt succeeded: it is not a failure, so neither the pair nor the address keeps it.
  await db
    .update(loginFailures)
    .set({ failures: sql`greatest(${loginFailures.failures} - 1, 0)` })
    .where(and(eq(loginFailures.windowStart, window), inArray(loginFailures.key, [pairKey, clientKey])));

  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const { passwordHash: _p, disabledAt: _d, ...principalRow } = officer;
  const sessionId = await db.transaction(async (tx) => {
    const [session] = await tx
      .insert(officerSessions)
      .values({ officerId: officer.officerId, csrfToken, expiresAt })
      .returning({ id: officerSessions.id });
    await recordAudit(tx, principalRow, { action: "auth.login", unitId: officer.unitId, details: { via: "password" } });
    return session!.id;
  });
  return {
    status: "ok",
    principal: { ...principalRow, via: "session", sessionId, csrfToken },
    sessionId,
    csrfToken,
    expiresAt,
  };
}

// A valid hash of a random password: verifying against it costs the same as against a real one.
const DUMMY_HASH = "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * The key that signs session cookies: SESSION_SECRET when set; otherwise one generated on first use and kept in
 * the database, so every instance (and every Worker isolate) signs alike without configuration.
 */
export async function sessionSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const [existing] = await db
    .select({ value: serviceSettings.value })
    .from(serviceSettings)
    .where(eq(serviceSettings.key, "session_secret"));
  if (existing) return existing.value;
  await db
    .insert(serviceSettings)
    .values({ key: "session_secret", value: randomToken(48) })
    .onConflictDoNothing();
  const [created] = await db
    .select({ value: serviceSettings.value })
    .from(serviceSettings)
    .where(eq(serviceSettings.key, "session_secret"));
  return created!.value;
}

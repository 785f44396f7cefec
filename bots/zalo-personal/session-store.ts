// The saved personal-account session row: written by `npm run zalo:login`, read when the Node server starts, and
// marked replaced or logged_out when Zalo ends it, so a later start does not fight another session for the account.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { type ZaloPersonalState, zaloPersonalSessions } from "../../db/schema/zalo";

export type ZaloSessionRow = typeof zaloPersonalSessions.$inferSelect;

export async function loadZaloSession(db: Db, account = "default"): Promise<ZaloSessionRow | null> {
  const [row] = await db.select().from(zaloPersonalSessions).where(eq(zaloPersonalSessions.account, account));
  return row ?? null;
}

/** A new login: the sealed credentials replace any earlier ones and the session is active again. */
export async function saveZaloSession(
  db: Db,
  session: { account?: string; credentials: string; ownId: string | null; displayName: string | null },
  now: Date = new Date(),
): Promise<void> {
  const values = {
    credentials: session.credentials,
    ownId: session.ownId,
    displayName: session.displayName,
    savedAt: now,
    state: "active" as const,
    stateChangedAt: now,
  };
  await db
    .insert(zaloPersonalSessions)
    .values({ account: session.account ?? "default", ...values })
    .onConflictDoUpdate({ target: zaloPersonalSessions.account, set: values });
}

/** Cookies Zalo refreshed while the gateway ran, kept for the next start; only while the session is still active. */
export async function updateZaloCredentials(db: Db, account: string, credentials: string, ownId: string | null) {
  await db
    .update(zaloPersonalSessions)
    .set({ credentials, ...(ownId ? { ownId } : {}) })
    .where(and(eq(zaloPersonalSessions.account, account), eq(zaloPersonalSessions.state, "active")));
}

export async function markZaloSession(db: Db, account: string, state: ZaloPersonalState, now: Date = new Date()) {
  await db
    .update(zaloPersonalSessions)
    .set({ state, stateChangedAt: now })
    .where(eq(zaloPersonalSessions.account, account));
}

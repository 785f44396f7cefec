// An officer changing their own password: the current one must be right, and every other console session of the
// officer ends, so a session left open elsewhere (or taken over) does not outlive the change. API tokens stay: they
// are separate credentials the officer revokes on their own. Wrong current passwords are counted like failed
// logins, so a borrowed session or token cannot be used to guess the password.
import { and, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/db";
import { loginFailures, officerSessions, officers } from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "./audit";
import { hashPassword, verifyPassword } from "./credentials";
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_EMAIL } from "./authenticate";
import type { Principal } from "./principal";

export const MIN_PASSWORD_LENGTH = 10;

/** Returns how many other sessions were ended. */
export async function changeOwnPassword(
  db: Db,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const now = new Date();
  const window = new Date(Math.floor(now.getTime() / LOGIN_WINDOW_MS) * LOGIN_WINDOW_MS);
  const key = `password:${principal.officerId}`;
  // Counted before verifying, in one statement, so parallel guesses each see their own count (as login does).
  const [counted] = await db
    .insert(loginFailures)
    .values({ key, windowStart: window, failures: 1 })
    .onConflictDoUpdate({
      target: [loginFailures.key, loginFailures.windowStart],
      set: { failures: sql`${loginFailures.failures} + 1` },
    })
    .returning({ failures: loginFailures.failures });
  if ((counted?.failures ?? 0) > MAX_FAILURES_PER_EMAIL) {
    const minutes = Math.ceil((window.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 60_000);
    throw new ApiError("rate_limited", `Nhập sai mật khẩu hiện tại quá nhiều lần. Bạn thử lại sau ${minutes} phút.`);
  }
  const [officer] = await db
    .select({ passwordHash: officers.passwordHash })
    .from(officers)
    .where(eq(officers.id, principal.officerId));
  if (!officer || !(await verifyPassword(input.currentPassword, officer.passwordHash))) {
    throw new ApiError("invalid_request", "Mật khẩu hiện tại không đúng", "currentPassword");
  }
  // A right password is not a failure: give its count back.
  await db
    .update(loginFailures)
    .set({ failures: sql`greatest(${loginFailures.failures} - 1, 0)` })
    .where(and(eq(loginFailures.key, key), eq(loginFailures.windowStart, window)));
  if (input.newPassword === input.currentPassword) {
    throw new ApiError("invalid_request", "Mật khẩu mới phải khác mật khẩu hiện tại", "newPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(officers).set({ passwordHash, updatedAt: new Date() }).where(eq(officers.id, principal.officerId));
    const others: SQL[] = [eq(officerSessions.officerId, principal.officerId), isNull(officerSessions.revokedAt)];
    if (principal.sessionId) others.push(ne(officerSessions.id, principal.sessionId));
    const ended = await tx
      .update(officerSessions)
      .set({ revokedAt: new Date() })
      .where(and(...others))
      .returning({ id: officerSessions.id });
    await recordAudit(tx, principal, {
      action: "officer.password_change",
      targetType: "officer",
      targetId: principal.officerId,
      unitId: principal.unitId,
      details: { endedSessions: ended.length, via: principal.via },
    });
    return { endedSessions: ended.length };
  });
}

// What the Zalo channels keep between requests and restarts: the Official Account's token pair, and the personal
// account's encrypted session.
import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { utcTimestamp } from "./types";

/**
 * The OA's current token pair, one row per Zalo app. Zalo's refresh tokens are single-use: each refresh returns a
 * new pair and the old refresh token stops working, so the pair is replaced in one conditional update (on the
 * refresh token it was made from), and `refresh_lease_until` lets only one instance refresh at a time.
 */
export const zaloOaTokens = pgTable("zalo_oa_tokens", {
  appId: text("app_id").primaryKey(),
  accessToken: text("access_token"),
  accessExpiresAt: utcTimestamp("access_expires_at"),
  refreshToken: text("refresh_token").notNull(),
  /** Counts refreshes: which pair this is. */
  generation: integer("generation").notNull().default(0),
  refreshLeaseUntil: utcTimestamp("refresh_lease_until"),
  refreshedAt: utcTimestamp("refreshed_at"),
  /** Set when Zalo refused the refresh token itself: the OA must be authorized again. */
  refreshFailedAt: utcTimestamp("refresh_failed_at"),
  lastError: text("last_error"),
});

export const zaloPersonalStates = ["active", "replaced", "logged_out"] as const;
export type ZaloPersonalState = (typeof zaloPersonalStates)[number];

/**
 * The personal account's session for zca-js (cookies, imei, user agent), AES-256-GCM encrypted with
 * ZALO_CREDENTIALS_KEY. One account per deployment. `state` records that another session took the account
 * (replaced) or Zalo ended it (logged_out): the gateway then stays off until someone logs in again.
 */
export const zaloPersonalSessions = pgTable("zalo_personal_sessions", {
  account: text("account").primaryKey().default("default"),
  /** The account's own Zalo id, once known (to recognise mentions in groups). */
  ownId: text("own_id"),
  displayName: text("display_name"),
  /** base64url(iv) + "." + base64url(ciphertext with tag). */
  credentials: text("credentials").notNull(),
  savedAt: utcTimestamp("saved_at").notNull().defaultNow(),
  state: text("state", { enum: zaloPersonalStates }).notNull().default("active"),
  stateChangedAt: utcTimestamp("state_changed_at"),
});

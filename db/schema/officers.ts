// Officers of the Justice branch, their API tokens and console sessions, login throttling and the audit log.
// An officer's unit is their scope: that unit and everything below it.
import { index, integer, jsonb, pgTable, primaryKey, text, uuid, bigserial } from "drizzle-orm/pg-core";
import { utcTimestamp } from "./types";
import { units } from "./units";

export const officerRoles = ["admin", "manager", "officer", "viewer"] as const;
export type OfficerRole = (typeof officerRoles)[number];

export const officers = pgTable(
  "officers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Stored lower-cased, so logins are case-insensitive. */
    email: text("email").notNull().unique(),
    role: text("role", { enum: officerRoles }).notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** PBKDF2-SHA256 (WebCrypto, so it runs on Workers too): "pbkdf2-sha256$iterations$salt$hash". */
    passwordHash: text("password_hash").notNull(),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
    updatedAt: utcTimestamp("updated_at").notNull().defaultNow(),
    createdBy: uuid("created_by"),
    disabledAt: utcTimestamp("disabled_at"),
  },
  (t) => [index("officers_unit_idx").on(t.unitId)],
);

/** API tokens: only a SHA-256 of the secret is kept; the prefix lets an officer recognise a token in a list. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officerId: uuid("officer_id")
      .notNull()
      .references(() => officers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
    expiresAt: utcTimestamp("expires_at"),
    revokedAt: utcTimestamp("revoked_at"),
    lastUsedAt: utcTimestamp("last_used_at"),
  },
  (t) => [index("api_tokens_officer_idx").on(t.officerId)],
);

/** Console sessions behind the signed cookie: revocable, with their own CSRF token. */
export const officerSessions = pgTable(
  "officer_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officerId: uuid("officer_id")
      .notNull()
      .references(() => officers.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
    expiresAt: utcTimestamp("expires_at").notNull(),
    revokedAt: utcTimestamp("revoked_at"),
  },
  (t) => [index("officer_sessions_officer_idx").on(t.officerId)],
);

/** Failed logins per key (email, client address) and window, to slow down password guessing on any runtime. */
export const loginFailures = pgTable(
  "login_failures",
  {
    key: text("key").notNull(),
    windowStart: utcTimestamp("window_start").notNull(),
    failures: integer("failures").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Who did what, when, in which scope. Officers read the log of their scope. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: utcTimestamp("at").notNull().defaultNow(),
    officerId: uuid("officer_id"),
    /** Kept even after the officer is gone: the log must outlive accounts. */
    officerEmail: text("officer_email"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    /** The unit whose scope the action belongs to; null only for actions with no unit (e.g. a failed login). */
    unitId: integer("unit_id").references(() => units.id),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_log_unit_idx").on(t.unitId, t.id), index("audit_log_officer_idx").on(t.officerId)],
);

/** Small key/value settings the service keeps for itself (e.g. the generated cookie-signing key of a demo). */
export const serviceSettings = pgTable("service_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: utcTimestamp("updated_at").notNull().defaultNow(),
});

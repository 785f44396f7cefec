// One environment schema for every runtime. Node parses process.env once at start; the Worker parses its env on
// every request (bindings can change between deployments). Nothing is required for the embedded default.
import { z } from "zod";

/** Empty strings count as unset, so `PORT=` in a .env file means "use the default". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => ["true", "1", "yes"].includes(v));

export const configSchema = z.object({
  PORT: optional(z.coerce.number().int().min(1).max(65_535).default(8787)),
  /** 127.0.0.1 by default: a fresh demo is not exposed to the network until someone decides to. */
  HOST: optional(z.string().min(1).default("127.0.0.1")),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/.+/, "phải là một URL postgres:// hoặc postgresql://").optional()),
  PGLITE_DATA_DIR: optional(z.string().min(1).default("./.data/pglite")),
  /** Seed reference and demo data when the database is empty (units, statutes, lessons). */
  SEED_ON_START: optional(booleanFlag.default(true)),
  PUBLIC_URL: optional(z.url().optional()),
  LOG_LEVEL: optional(z.enum(["debug", "info", "warn", "error"]).default("info")),
  /** Signs officers' session cookies. Unset: a key is generated once and kept in the database. */
  SESSION_SECRET: optional(z.string().min(32, "cần ít nhất 32 ký tự").optional()),
  /** Send cookies with the Secure flag (default when PUBLIC_URL is https). */
  COOKIE_SECURE: optional(booleanFlag.optional()),
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: Array<{ variable: string; message: string }>) {
    super(`Invalid environment: ${issues.map((i) => `${i.variable}: ${i.message}`).join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment; throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, unknown>): AppConfig {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "?"), message: issue.message })));
}

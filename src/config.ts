// One environment schema for every runtime. Node parses process.env once at start; the Worker parses its env on
// every request (bindings can change between deployments). Nothing is required for the embedded default.
import { z } from "zod";

/** Empty strings count as unset, so `PORT=` in a .env file means "use the default". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

// One CSP source a portal may be: 'self', any https site, or one origin (a leading *. for its subdomains).
const FRAME_SOURCE = String.raw`('self'|https:|https?://(\*\.)?[a-z0-9.-]+(:\d{1,5})?)`;

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => ["true", "1", "yes"].includes(v));

export const configSchema = z.object({
  PORT: optional(z.coerce.number().int().min(1).max(65_535).default(8787)),
  /** 127.0.0.1 by default: a fresh demo is not exposed to the network until someone decides to. */
  HOST: optional(z.string().min(1).default("127.0.0.1")),
  DATABASE_URL: optional(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "phải là một URL postgres:// hoặc postgresql://")
      .optional(),
  ),
  PGLITE_DATA_DIR: optional(z.string().min(1).default("./.data/pglite")),
  /** Seed reference and demo data when the database is empty (units, statutes, lessons). */
  SEED_ON_START: optional(booleanFlag.default(true)),
  PUBLIC_URL: optional(z.url().optional()),
  LOG_LEVEL: optional(z.enum(["debug", "info", "warn", "error"]).default("info")),
  /** Signs officers' session cookies. Unset: a key is generated once and kept in the database. */
  SESSION_SECRET: optional(z.string().min(32, "cần ít nhất 32 ký tự").optional()),
  /**
   * Which forwarded client address to believe on Node (login throttling): unset = the socket's address;
   * `cloudflare` = CF-Connecting-IP; a number N = the N-th address from the right of X-Forwarded-For (N proxies of
   * ours in front). On Workers CF-Connecting-IP is always used: Cloudflare sets it, a client cannot.
   */
  TRUST_PROXY: optional(
    z
      .string()
      .regex(/^(cloudflare|[1-9])$/, "là cloudflare hoặc số proxy đứng trước (1–9)")
      .transform((v): "cloudflare" | number => (v === "cloudflare" ? v : Number(v)))
      .optional(),
  ),
  /**
   * Lets a portal pass its own user ids to the web chat (`/chat?user=<id>.<signature>`): the signature is
   * HMAC-SHA256 of the id under this secret, base64url without padding. Unset: only ids this server issued.
   */
  WEB_PORTAL_SECRET: optional(z.string().min(32, "cần ít nhất 32 ký tự").optional()),
  /**
   * Who may show the chat page in an iframe (CSP frame-ancestors): space-separated sources such as
   * `'self' https://congthongtin.example.gov.vn`. Default `'self' https:` (any https site, e.g. a provincial
   * portal); `'none'` forbids embedding.
   */
  WEB_FRAME_ANCESTORS: optional(
    z
      .string()
      .trim()
      .regex(
        new RegExp(`^('none'|${FRAME_SOURCE}( +${FRAME_SOURCE})*)$`, "i"),
        "danh sách nguồn cách nhau bởi dấu cách: 'self', 'none', https: hoặc https://tên-miền",
      )
      .default("'self' https:"),
  ),
  /** Send cookies with the Secure flag (default when PUBLIC_URL is https). */
  COOKIE_SECURE: optional(booleanFlag.optional()),
  /** From BotFather. Without it the Telegram channel is off. */
  TELEGRAM_BOT_TOKEN: optional(
    z
      .string()
      .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "không đúng dạng token của BotFather (123456:ABC…)")
      .optional(),
  ),
  /** Checked on every webhook call (Telegram sends it as X-Telegram-Bot-Api-Secret-Token). */
  TELEGRAM_WEBHOOK_SECRET: optional(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "16–256 ký tự A-Z a-z 0-9 _ -")
      .optional(),
  ),
  TELEGRAM_API_ROOT: optional(z.url().default("https://api.telegram.org")),
  TELEGRAM_BOT_USERNAME: optional(
    z
      .string()
      .regex(/^[A-Za-z0-9_]{5,32}$/)
      .default("loa_phapluat_bot"),
  ),
  /** polling (Node only; the default without PUBLIC_URL), webhook (the default with it), or off. */
  TELEGRAM_MODE: optional(z.enum(["polling", "webhook", "off"]).optional()),
});

export type AppConfig = z.infer<typeof configSchema>;

/** How the Telegram channel runs under this configuration. */
export function telegramMode(config: AppConfig): "polling" | "webhook" | "off" {
  if (!config.TELEGRAM_BOT_TOKEN) return "off";
  return config.TELEGRAM_MODE ?? (config.PUBLIC_URL ? "webhook" : "polling");
}

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
  throw new ConfigError(
    result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "?"), message: issue.message })),
  );
}

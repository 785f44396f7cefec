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
  /** On the first start of the embedded demo: a few weeks of citizens' survey answers and questions to officers. */
  DEMO_ACTIVITY: optional(booleanFlag.default(true)),
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

  // Zalo Official Account (bots/zalo-oa): on when the app id and both secrets are set (see zaloOaEnabled).
  /** The Zalo app's id (developers.zalo.me), linked to the OA. */
  ZALO_OA_APP_ID: optional(
    z
      .string()
      .regex(/^\d{5,25}$/, "là dãy số (App ID trên developers.zalo.me)")
      .optional(),
  ),
  /** The OA secret key: Zalo signs every webhook call with it (X-ZEvent-Signature). */
  ZALO_OA_SECRET_KEY: optional(z.string().min(8, "cần ít nhất 8 ký tự").optional()),
  /** The app secret: sent as `secret_key` when refreshing the OA access token. */
  ZALO_APP_SECRET: optional(z.string().min(8, "cần ít nhất 8 ký tự").optional()),
  /** The first refresh token (from the OA's authorization); used only while the database holds none. */
  ZALO_OA_REFRESH_TOKEN: optional(z.string().min(8, "cần ít nhất 8 ký tự").optional()),
  ZALO_OA_API_ROOT: optional(z.url().default("https://openapi.zalo.me")),
  ZALO_OA_OAUTH_ROOT: optional(z.url().default("https://oauth.zaloapp.com")),
  /**
   * How old a webhook call may be (its body's timestamp) before it is refused as a replay. Zalo retries a failed
   * call for about two hours (30 s, 5, 15, 30 min, 1 h); a replay inside the window is still caught by msg_id.
   */
  ZALO_OA_WEBHOOK_MAX_AGE_SECONDS: optional(z.coerce.number().int().min(30).max(86_400).default(7_200)),
  /**
   * How long after a person last wrote the OA may answer them with consultation messages. Zalo: free within 48 h
   * (8 messages), paid up to 7 days (168 h) for verified OAs with quota; after that Zalo refuses (-230).
   */
  ZALO_OA_REPLY_WINDOW_HOURS: optional(z.coerce.number().min(1).max(168).default(48)),
  /** Messages a second the OA sends over all chats (one a second per chat). */
  ZALO_OA_MESSAGES_PER_SECOND: optional(z.coerce.number().min(0.1).max(50).default(10)),

  // Zalo personal account: the gateway in bots/zalo-personal (Node only; its library never enters the Worker).
  /**
   * Encrypts the saved personal-account session (cookies, imei, user agent) with AES-256-GCM: 32 bytes as 64 hex
   * characters or base64. Needed by `npm run zalo:login` and by the gateway.
   */
  ZALO_CREDENTIALS_KEY: optional(
    z
      .string()
      .trim()
      .refine(
        (v) => /^[0-9a-f]{64}$/i.test(v) || /^[A-Za-z0-9+/_-]{43}=?$/.test(v),
        "cần 32 byte: 64 ký tự hex hoặc base64 (tạo bằng: openssl rand -hex 32)",
      )
      .optional(),
  ),
  /** on (default: the gateway starts when a saved session exists) or off. */
  ZALO_PERSONAL_MODE: optional(z.enum(["on", "off"]).default("on")),
  /** A personal account sends slowly: messages a minute over all chats (default 20). */
  ZALO_PERSONAL_MESSAGES_PER_MINUTE: optional(z.coerce.number().min(1).max(120).default(20)),

  // Legal Q&A: questions citizens escalate to officers (src/qa).
  /** The unit whose inbox takes questions from people whose commune is unknown (a unit code; the country "VN"). */
  QA_DEFAULT_UNIT: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,20}$/, "là một mã đơn vị, ví dụ 01 hoặc 00004")
      .default("VN"),
  ),
  /** Working days officers have to answer an escalated question (weekends and public holidays skipped). */
  QA_DUE_WORKING_DAYS: optional(z.coerce.number().int().min(1).max(60).default(5)),
  /**
   * GET /api/search (public): requests a minute per client address (see TRUST_PROXY); 0 = no limit. Counted in
   * memory: per process on Node, per isolate on Workers.
   */
  SEARCH_RATE_LIMIT: optional(z.coerce.number().int().min(0).max(1_000_000).default(60)),

  // Campaign senders (src/campaigns/campaign-dispatch.ts): campaign messages a second per channel, over all chats and
  // all instances sharing the database (each chat still gets at most one a second from the channel's own pacer).
  /** Telegram: 25 (its documented ~30/s leaves room for live replies); a paid broadcast bot may go higher. */
  CAMPAIGN_RATE_TELEGRAM: optional(z.coerce.number().min(0.01).max(1_000).default(25)),
  /** Zalo Official Account: 5 a second. */
  CAMPAIGN_RATE_ZALO_OA: optional(z.coerce.number().min(0.01).max(50).default(5)),
  /** Zalo personal account: 0.1 (one message every 10 s), as a person would send; more risks the account. */
  CAMPAIGN_RATE_ZALO: optional(z.coerce.number().min(0.001).max(2).default(0.1)),
  /** on: the Node server runs the campaign sender loop; off: it leaves campaigns to other instances. */
  CAMPAIGN_SENDER: optional(z.enum(["on", "off"]).default("on")),
  /** Sender loops per channel in one Node instance (one prepares the next batch while another sends). */
  CAMPAIGN_SENDERS: optional(z.coerce.number().int().min(1).max(16).default(2)),
});

export type AppConfig = z.infer<typeof configSchema>;

/** How the Telegram channel runs under this configuration. */
export function telegramMode(config: AppConfig): "polling" | "webhook" | "off" {
  if (!config.TELEGRAM_BOT_TOKEN) return "off";
  return config.TELEGRAM_MODE ?? (config.PUBLIC_URL ? "webhook" : "polling");
}

const ZALO_OA_REQUIRED = ["ZALO_OA_APP_ID", "ZALO_OA_SECRET_KEY", "ZALO_APP_SECRET"] as const;

/** The OA channel runs when its app id and both secrets are set (the refresh token may already be in the database). */
export function zaloOaEnabled(config: AppConfig): boolean {
  return ZALO_OA_REQUIRED.every((name) => config[name] !== undefined);
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
  if (result.success) {
    // Half an OA configuration is a mistake to name at start, not a channel that silently stays off.
    const set = ZALO_OA_REQUIRED.filter((name) => result.data[name] !== undefined);
    if (set.length > 0 && set.length < ZALO_OA_REQUIRED.length) {
      throw new ConfigError(
        ZALO_OA_REQUIRED.filter((name) => result.data[name] === undefined).map((variable) => ({
          variable,
          message: `cần đặt cùng với ${set.join(", ")} để bật kênh Zalo OA`,
        })),
      );
    }
    return result.data;
  }
  throw new ConfigError(
    result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "?"), message: issue.message })),
  );
}

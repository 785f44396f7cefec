import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, telegramMode, zaloOaEnabled } from "../src/config";

describe("parseConfig", () => {
  it("needs no variable for the embedded default", () => {
    expect(parseConfig({})).toEqual({
      PORT: 8787,
      HOST: "127.0.0.1",
      PGLITE_DATA_DIR: "./.data/pglite",
      SEED_ON_START: true,
      DEMO_ACTIVITY: true,
      LOG_LEVEL: "info",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      TELEGRAM_BOT_USERNAME: "loa_phapluat_bot",
      WEB_FRAME_ANCESTORS: "'self' https:",
      ZALO_OA_API_ROOT: "https://openapi.zalo.me",
      ZALO_OA_OAUTH_ROOT: "https://oauth.zaloapp.com",
      ZALO_OA_WEBHOOK_MAX_AGE_SECONDS: 7200,
      ZALO_OA_REPLY_WINDOW_HOURS: 48,
      ZALO_OA_MESSAGES_PER_SECOND: 10,
      ZALO_PERSONAL_MODE: "on",
      ZALO_PERSONAL_MESSAGES_PER_MINUTE: 20,
      QA_DEFAULT_UNIT: "VN",
      QA_DUE_WORKING_DAYS: 5,
      SEARCH_RATE_LIMIT: 60,
      CAMPAIGN_RATE_TELEGRAM: 25,
      CAMPAIGN_RATE_ZALO_OA: 5,
      CAMPAIGN_RATE_ZALO: 0.1,
      CAMPAIGN_SENDER: "on",
      CAMPAIGN_SENDERS: 2,
    });
  });

  it("reads the campaign rates as messages a second, naming a bad one", () => {
    expect(parseConfig({ CAMPAIGN_RATE_TELEGRAM: "100", CAMPAIGN_RATE_ZALO: "0.05" })).toMatchObject({
      CAMPAIGN_RATE_TELEGRAM: 100,
      CAMPAIGN_RATE_ZALO: 0.05,
    });
    expect(() => parseConfig({ CAMPAIGN_RATE_TELEGRAM: "0" })).toThrow(/CAMPAIGN_RATE_TELEGRAM/);
    expect(() => parseConfig({ CAMPAIGN_RATE_ZALO_OA: "nhanh" })).toThrow(/CAMPAIGN_RATE_ZALO_OA/);
    expect(() => parseConfig({ CAMPAIGN_SENDERS: "0" })).toThrow(/CAMPAIGN_SENDERS/);
  });

  it("reads SEARCH_RATE_LIMIT as requests a minute, 0 for none, naming it when wrong", () => {
    expect(parseConfig({ SEARCH_RATE_LIMIT: "0" }).SEARCH_RATE_LIMIT).toBe(0);
    expect(parseConfig({ SEARCH_RATE_LIMIT: "120" }).SEARCH_RATE_LIMIT).toBe(120);
    expect(() => parseConfig({ SEARCH_RATE_LIMIT: "-1" })).toThrow(/SEARCH_RATE_LIMIT/);
  });

  it("turns Zalo OA on with its app id and both secrets, and names what half a configuration lacks", () => {
    const oa = { ZALO_OA_APP_ID: "1234567890", ZALO_OA_SECRET_KEY: "oa-secret-key", ZALO_APP_SECRET: "app-secret" };
    expect(zaloOaEnabled(parseConfig({}))).toBe(false);
    expect(zaloOaEnabled(parseConfig(oa))).toBe(true);
    try {
      parseConfig({ ZALO_OA_APP_ID: "1234567890" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((i) => i.variable)).toEqual(["ZALO_OA_SECRET_KEY", "ZALO_APP_SECRET"]);
      expect((error as ConfigError).issues[0]!.message).toContain("ZALO_OA_APP_ID");
    }
    expect(() => parseConfig({ ...oa, ZALO_OA_APP_ID: "abc" })).toThrow(/ZALO_OA_APP_ID/);
    expect(() => parseConfig({ ZALO_OA_REPLY_WINDOW_HOURS: "200" })).toThrow(/ZALO_OA_REPLY_WINDOW_HOURS/);
  });

  it("takes a 32-byte ZALO_CREDENTIALS_KEY as hex or base64 and refuses a passphrase", () => {
    const hex = "a".repeat(64);
    expect(parseConfig({ ZALO_CREDENTIALS_KEY: hex }).ZALO_CREDENTIALS_KEY).toBe(hex);
    const base64 = Buffer.alloc(32, 7).toString("base64");
    expect(parseConfig({ ZALO_CREDENTIALS_KEY: base64 }).ZALO_CREDENTIALS_KEY).toBe(base64);
    for (const bad of ["mat-khau-cua-xa", "a".repeat(63)])
      expect(() => parseConfig({ ZALO_CREDENTIALS_KEY: bad })).toThrow(/ZALO_CREDENTIALS_KEY/);
  });

  it("reads TRUST_PROXY as cloudflare or a hop count, and refuses anything else", () => {
    expect(parseConfig({ TRUST_PROXY: "cloudflare" }).TRUST_PROXY).toBe("cloudflare");
    expect(parseConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseConfig({}).TRUST_PROXY).toBeUndefined();
    for (const bad of ["yes", "0", "x-forwarded-for"])
      expect(() => parseConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });

  it("reads WEB_FRAME_ANCESTORS as CSP sources and refuses what could break the header", () => {
    const portal = "'self' https://congthongtin.thanhhoa.gov.vn https://*.example.vn:8443";
    expect(parseConfig({ WEB_FRAME_ANCESTORS: portal }).WEB_FRAME_ANCESTORS).toBe(portal);
    expect(parseConfig({ WEB_FRAME_ANCESTORS: "'none'" }).WEB_FRAME_ANCESTORS).toBe("'none'");
    for (const bad of ["*", "https://a.vn; script-src *", "javascript:"])
      expect(() => parseConfig({ WEB_FRAME_ANCESTORS: bad })).toThrow(/WEB_FRAME_ANCESTORS/);
    expect(() => parseConfig({ WEB_PORTAL_SECRET: "ngắn" })).toThrow(/WEB_PORTAL_SECRET/);
  });

  it("treats empty values as unset", () => {
    expect(parseConfig({ PORT: "", DATABASE_URL: " " }).PORT).toBe(8787);
    expect(parseConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("reads typed values", () => {
    const config = parseConfig({ PORT: "3000", DATABASE_URL: "postgres://u@h:5432/d", SEED_ON_START: "false" });
    expect(config).toMatchObject({ PORT: 3000, DATABASE_URL: "postgres://u@h:5432/d", SEED_ON_START: false });
  });

  it("runs Telegram by polling without a public URL, by webhook with one, and not at all without a token", () => {
    const token = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    expect(telegramMode(parseConfig({}))).toBe("off");
    expect(telegramMode(parseConfig({ TELEGRAM_BOT_TOKEN: token }))).toBe("polling");
    expect(telegramMode(parseConfig({ TELEGRAM_BOT_TOKEN: token, PUBLIC_URL: "https://loa.example.vn" }))).toBe(
      "webhook",
    );
    expect(telegramMode(parseConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "off" }))).toBe("off");
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: "not-a-token" })).toThrow(ConfigError);
  });

  it("names every invalid variable", () => {
    try {
      parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((i) => i.variable).sort()).toEqual([
        "DATABASE_URL",
        "LOG_LEVEL",
        "PORT",
      ]);
    }
  });
});

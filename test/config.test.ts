import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, telegramMode } from "../src/config";

describe("parseConfig", () => {
  it("needs no variable for the embedded default", () => {
    expect(parseConfig({})).toEqual({
      PORT: 8787,
      HOST: "127.0.0.1",
      PGLITE_DATA_DIR: "./.data/pglite",
      SEED_ON_START: true,
      LOG_LEVEL: "info",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      TELEGRAM_BOT_USERNAME: "loa_phapluat_bot",
    });
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

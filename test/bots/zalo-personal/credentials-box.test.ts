// The saved session's encryption: AES-256-GCM under ZALO_CREDENTIALS_KEY, a fresh IV each save, and a clear
// Vietnamese error (never garbage credentials) for a wrong key or a damaged row. Then the server's start rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openCredentials,
  parseCredentialsKey,
  sealCredentials,
  ZaloCredentialsError,
} from "../../../bots/zalo-personal/credentials-box";
import { loadZaloSession, markZaloSession, saveZaloSession } from "../../../bots/zalo-personal/session-store";
import { startZaloPersonalGateway } from "../../../bots/zalo-personal/start-gateway";
import type { DbHandle } from "../../../db/db";
import { createLogger } from "../../../src/log";
import { FAKE_CREDENTIALS, FakeZalo } from "../../support/fake-zca";
import { createTestDb, testDriver } from "../../support/test-db";

const HEX_KEY = "a1".repeat(32);
const BASE64_KEY = Buffer.alloc(32, 0xa1).toString("base64");
const BASE64URL_KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => 250 - i)).toString("base64url");

describe("credentials box", () => {
  it("reads the key as hex, base64 or base64url, and names a bad one", () => {
    expect(parseCredentialsKey(HEX_KEY)).toEqual(new Uint8Array(32).fill(0xa1));
    expect(parseCredentialsKey(BASE64_KEY)).toEqual(new Uint8Array(32).fill(0xa1));
    expect(parseCredentialsKey(BASE64URL_KEY)[0]).toBe(250);
    expect(() => parseCredentialsKey(undefined)).toThrow(/Chưa đặt ZALO_CREDENTIALS_KEY/);
    expect(() => parseCredentialsKey("abc")).toThrow(ZaloCredentialsError);
  });

  it("seals as base64url(iv).base64url(ciphertext), a new IV each time, and opens what it sealed", async () => {
    const key = parseCredentialsKey(HEX_KEY);
    const first = await sealCredentials(FAKE_CREDENTIALS, key);
    const second = await sealCredentials(FAKE_CREDENTIALS, key);
    expect(first).toMatch(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(first.split(".")[0]).not.toBe(second.split(".")[0]);
    expect(first).not.toContain("fake-session-cookie");
    expect(await openCredentials(first, key)).toEqual(FAKE_CREDENTIALS);
  });

  it("refuses a wrong key, another account's row or a damaged row with a clear Vietnamese error", async () => {
    const sealed = await sealCredentials(FAKE_CREDENTIALS, parseCredentialsKey(HEX_KEY));
    const wrong = parseCredentialsKey("b2".repeat(32));
    await expect(openCredentials(sealed, wrong)).rejects.toThrow(/ZALO_CREDENTIALS_KEY không phải khóa đã dùng/);
    await expect(openCredentials(sealed, parseCredentialsKey(HEX_KEY), "other")).rejects.toThrow(ZaloCredentialsError);
    const [iv, body] = sealed.split(".");
    const flipped = `${iv}.${body!.slice(0, -2)}${body!.endsWith("AA") ? "BB" : "AA"}`;
    await expect(openCredentials(flipped, parseCredentialsKey(HEX_KEY))).rejects.toThrow(ZaloCredentialsError);
    await expect(openCredentials("not sealed", parseCredentialsKey(HEX_KEY))).rejects.toThrow(/bị hỏng/);
  });

  it("refuses to seal what is not a session", async () => {
    await expect(sealCredentials({ ...FAKE_CREDENTIALS, imei: "" }, parseCredentialsKey(HEX_KEY))).rejects.toThrow();
  });
});

describe(`starting the gateway from the saved session (${testDriver})`, () => {
  let handle: DbHandle;
  let lines: Array<Record<string, unknown>>;
  const log = createLogger("debug", (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  const config = { ZALO_CREDENTIALS_KEY: HEX_KEY, ZALO_PERSONAL_MESSAGES_PER_MINUTE: 20 };

  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
  });
  afterAll(async () => handle?.close());

  it("starts nothing without a saved session", async () => {
    lines = [];
    const zalo = new FakeZalo();
    expect(await startZaloPersonalGateway({ db: handle.db, log, config, connect: zalo.connect })).toBeUndefined();
    expect(lines.map((l) => [l.event, l.reason])).toEqual([["zalo.personal_off", "no_session"]]);
    expect(zalo.logins).toBe(0);
  });

  it("logs in with the decrypted session, then keeps Zalo's refreshed cookies encrypted", async () => {
    const key = parseCredentialsKey(HEX_KEY);
    await saveZaloSession(handle.db, {
      credentials: await sealCredentials(FAKE_CREDENTIALS, key),
      ownId: null,
      displayName: "Loa Xã",
    });
    const zalo = new FakeZalo();
    const gateway = await startZaloPersonalGateway({ db: handle.db, log, config, connect: zalo.connect });
    await expect.poll(() => gateway?.health()).toBe("connected");
    await gateway!.stop();
    const row = await loadZaloSession(handle.db);
    expect(row).toMatchObject({ state: "active", ownId: zalo.ownId, displayName: "Loa Xã" });
    expect(row!.credentials).not.toContain("refreshed");
    const saved = await openCredentials(row!.credentials, key);
    expect(saved.cookie).toEqual([{ key: "zpw_sek", value: "refreshed-1" }]);
  });

  it("stays off, with the reason in Vietnamese, when the key is wrong or the session was ended", async () => {
    lines = [];
    const zalo = new FakeZalo();
    const wrongKey = { ...config, ZALO_CREDENTIALS_KEY: "c3".repeat(32) };
    expect(await startZaloPersonalGateway({ db: handle.db, log, config: wrongKey, connect: zalo.connect })).toBe(
      undefined,
    );
    expect(lines).toMatchObject([{ event: "zalo.personal_off", level: "error", reason: "credentials" }]);
    expect(String(lines[0]!.message)).toContain("ZALO_CREDENTIALS_KEY");

    await markZaloSession(handle.db, "default", "logged_out");
    lines = [];
    expect(await startZaloPersonalGateway({ db: handle.db, log, config, connect: zalo.connect })).toBeUndefined();
    expect(lines).toMatchObject([{ event: "zalo.personal_off", reason: "logged_out" }]);
    expect(zalo.logins).toBe(0);
  });
});

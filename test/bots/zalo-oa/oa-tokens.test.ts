// The OA token pair against the fake Zalo OAuth endpoint on 127.0.0.1: Zalo's refresh tokens work once, so
// instances refreshing at the same time must leave exactly one valid pair in the database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createOaTokens,
  OaNotAuthorizedError,
  OaTokenUnavailableError,
  type OaTokenOptions,
} from "../../../bots/zalo-oa/oa-tokens";
import type { DbHandle } from "../../../db/db";
import { zaloOaTokens } from "../../../db/schema/index";
import { createLogger } from "../../../src/log";
import { FakeZaloOa, FIRST_REFRESH_TOKEN, OA_APP_ID, OA_APP_SECRET } from "../../support/fake-zalo-oa";
import { createTestDb, testDriver } from "../../support/test-db";

describe(`Zalo OA tokens (${testDriver})`, () => {
  let handle: DbHandle;
  let api: FakeZaloOa;
  const logged: Array<{ event: string }> = [];

  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
  });
  afterAll(async () => {
    await api?.stop();
    await handle?.close();
  });
  beforeEach(async () => {
    await api?.stop();
    api = await new FakeZaloOa().start();
    await handle.db.delete(zaloOaTokens);
    logged.length = 0;
  });

  /** One instance of the service: its own token cache, as another process would have. */
  const instance = (options: Partial<OaTokenOptions> = {}) =>
    createOaTokens({
      db: handle.db,
      appId: OA_APP_ID,
      appSecret: OA_APP_SECRET,
      oauthRoot: api.url,
      initialRefreshToken: FIRST_REFRESH_TOKEN,
      log: createLogger("debug", (line) => logged.push(JSON.parse(line))),
      cache: new Map(),
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
      ...options,
    });
  const storedPair = async () =>
    (await handle.db.select().from(zaloOaTokens).where(eq(zaloOaTokens.appId, OA_APP_ID)))[0];

  it("starts from ZALO_OA_REFRESH_TOKEN, stores the new pair, reuses the token until it nears expiry", async () => {
    const tokens = instance();
    expect(await tokens.accessToken()).toBe("access-token-1");
    expect(await tokens.accessToken()).toBe("access-token-1");
    expect(await instance().accessToken()).toBe("access-token-1"); // another instance reads it from the database
    expect(api.refreshes).toHaveLength(1);
    const pair = await storedPair();
    expect(pair).toMatchObject({ accessToken: "access-token-1", refreshToken: "refresh-token-1", generation: 1 });
    expect(api.isRefreshTokenValid(pair!.refreshToken)).toBe(true);

    // Five minutes before expiry (inside the ten-minute margin), the next use refreshes.
    const nearExpiry = new Date(pair!.accessExpiresAt!.getTime() - 5 * 60_000);
    expect(await instance({ now: () => nearExpiry }).accessToken()).toBe("access-token-2");
    expect(await storedPair()).toMatchObject({ refreshToken: "refresh-token-2", generation: 2 });
  });

  it("lets only one of several instances refresh at once; all get the same new token", async () => {
    api.refreshDelayMs = 150;
    const instances = Array.from({ length: 5 }, () => instance());
    const tokens = await Promise.all(instances.map((t) => t.accessToken()));
    expect(new Set(tokens)).toEqual(new Set(["access-token-1"]));
    expect(api.refreshes).toEqual([{ refreshToken: FIRST_REFRESH_TOKEN, accepted: true }]);

    // Zalo rejects the access token everywhere at once (revoked): again exactly one refresh.
    api.revokeAccessTokens();
    const renewed = await Promise.all(instances.map((t) => t.afterRejection("access-token-1")));
    expect(new Set(renewed)).toEqual(new Set(["access-token-2"]));
    expect(api.refreshes.map((r) => r.accepted)).toEqual([true, true]);
    const pair = await storedPair();
    expect(api.isRefreshTokenValid(pair!.refreshToken)).toBe(true);
    expect(pair!.refreshLeaseUntil).toBeNull();
  });

  it("stops calling Zalo once it refused the refresh token, and takes a new one from the environment", async () => {
    await instance().accessToken();
    // Someone used the stored refresh token elsewhere (or it expired): Zalo refuses it.
    api.revokeAccessTokens();
    const stored = await storedPair();
    await handle.db.update(zaloOaTokens).set({ refreshToken: "refresh-token-used-elsewhere" });
    await expect(instance().afterRejection(stored!.accessToken!)).rejects.toBeInstanceOf(OaNotAuthorizedError);
    expect(logged.some((l) => l.event === "zalo_oa.reauthorization_needed")).toBe(true);
    // The environment still holds the first refresh token, long used: tried once, refused, never again.
    await expect(instance().afterRejection(stored!.accessToken!)).rejects.toThrow(/authorize the app again/);
    expect(api.refreshes.at(-1)).toEqual({ refreshToken: FIRST_REFRESH_TOKEN, accepted: false });
    const calls = api.refreshes.length;
    await expect(instance().afterRejection(stored!.accessToken!)).rejects.toThrow(/authorize the app again/);
    expect(api.refreshes.length).toBe(calls); // no call with a token known to be dead

    // The office authorizes the app again and sets the new refresh token.
    api.grantRefreshToken("refresh-token-from-admin");
    const renewed = await instance({ initialRefreshToken: "refresh-token-from-admin" }).afterRejection(
      stored!.accessToken!,
    );
    expect(renewed).toMatch(/^access-token-/);
    expect((await storedPair())!.refreshFailedAt).toBeNull();
  });

  it("reports an unreachable token endpoint as temporary and releases the lease", async () => {
    api.refreshDown = true;
    await expect(instance().accessToken()).rejects.toBeInstanceOf(OaTokenUnavailableError);
    expect((await storedPair())!.refreshLeaseUntil).toBeNull();
    api.refreshDown = false;
    expect(await instance().accessToken()).toBe("access-token-1");
  });

  it("says the OA is not authorized when no refresh token is known anywhere", async () => {
    await expect(instance({ initialRefreshToken: undefined }).accessToken()).rejects.toMatchObject({
      reason: "no_refresh_token",
    });
  });

  it("refreshes ahead of time from the hourly job only when less than two hours are left", async () => {
    const tokens = instance();
    expect(await tokens.keepFresh()).toBe(true); // no access token yet
    expect(await tokens.keepFresh()).toBe(false); // 25 hours left
    const pair = await storedPair();
    const late = new Date(pair!.accessExpiresAt!.getTime() - 90 * 60_000);
    expect(await instance({ now: () => late }).keepFresh()).toBe(true);
    expect((await storedPair())!.generation).toBe(2);
  });
});

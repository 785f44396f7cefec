// Logging in to the console: the cookie, CSRF on unsafe requests, logout, throttling; tokens that expire, are
// revoked or belong to a disabled officer; and the audit rows each leaves.
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { apiTokens, auditLog, officers } from "../../../db/schema/index";
import { bootstrapOfficer, type BootstrapResult } from "../../../src/officers/bootstrap";
import { MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_EMAIL } from "../../../src/officers/authenticate";
import { createTestApp } from "../../support/test-app";
import { createTestDb, testDriver } from "../../support/test-db";

describe(`officer authentication (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let manager: BootstrapResult;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    app = createTestApp(handle.db);
    manager = await bootstrapOfficer(handle.db, {
      name: "Quản lý Hà Nội",
      email: "Quan-Ly@HaNoi.loa.test",
      role: "manager",
      unitCode: "01",
    });
  });
  afterAll(async () => handle?.close());

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ email, password }),
    });
  const lastAudit = async (action: string) =>
    (await handle.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];

  it("logs in (email in any case) with an HttpOnly, SameSite=Strict signed cookie and a CSRF token", async () => {
    const response = await login("quan-ly@hanoi.loa.test", manager.password);
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^loa_session=[^;]+\.[^;]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    const body = (await response.json()) as { csrfToken: string; officer: { role: string } };
    expect(body.officer.role).toBe("manager");
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(await lastAudit("auth.login")).toMatchObject({ officerEmail: "quan-ly@hanoi.loa.test" });
  });

  it("accepts the cookie for reads, and for changes only with the CSRF token", async () => {
    const response = await login("quan-ly@hanoi.loa.test", manager.password);
    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    expect((await app.request("/api/me", { headers: { cookie } })).status).toBe(200);

    const create = (headers: Record<string, string>) =>
      app.request("/api/me/tokens", {
        method: "POST",
        headers: { cookie, "content-type": "application/json", ...headers },
        body: JSON.stringify({ name: "từ bảng điều khiển" }),
      });
    const forged = await create({});
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("csrf_failed");
    expect((await create({ "x-csrf-token": "wrong" })).status).toBe(403);
    expect((await create({ "x-csrf-token": csrfToken })).status).toBe(201);

    const tampered = cookie.replace(/=.{4}/, "=AAAA");
    expect((await app.request("/api/me", { headers: { cookie: tampered } })).status).toBe(401);

    const logout = await app.request("/api/auth/logout", {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(logout.status).toBe(204);
    expect((await app.request("/api/me", { headers: { cookie } })).status).toBe(401);
    expect(await lastAudit("auth.logout")).toBeDefined();
  });

  it("refuses a wrong password or unknown email alike, and audits the failure", async () => {
    const wrong = await login("quan-ly@hanoi.loa.test", "sai mật khẩu");
    const unknown = await login("ai-do@loa.test", "sai mật khẩu");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(await lastAudit("auth.login_failed")).toMatchObject({ officerId: null });
  });

  it("throttles repeated failures for an email, even with the right password afterwards", async () => {
    const creds = await bootstrapOfficer(handle.db, {
      name: "Bị dò",
      email: "bi-do@loa.test",
      role: "viewer",
      unitCode: "01",
    });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++)
      expect((await login("bi-do@loa.test", `doan-${i}`)).status).toBe(401);
    const throttled = await login("bi-do@loa.test", creds.password);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await throttled.json()) as { error: { message: string } }).error.message).toContain("thử lại sau");
  });

  it("ignores CF-Connecting-IP without TRUST_PROXY: changing it does not escape the address limit", async () => {
    // A sprayer tries one password on many emails, writing a new CF-Connecting-IP each time. Without TRUST_PROXY the
    // header is ignored, so after MAX_FAILURES_PER_CLIENT failures from this address a second try of an email waits.
    const from = (i: number) => ({ "cf-connecting-ip": `198.51.100.${i}` });
    for (let i = 0; i <= MAX_FAILURES_PER_CLIENT; i++)
      expect((await login(`spray-${i}@loa.test`, "123456", from(i))).status).toBe(401);
    expect((await login("spray-0@loa.test", "password", from(250))).status).toBe(429);
  });

  describe("behind a trusted proxy", () => {
    let trusted: ReturnType<typeof createTestApp>;
    let forwarded: ReturnType<typeof createTestApp>;
    beforeAll(() => {
      trusted = createTestApp(handle.db, undefined, {}, { TRUST_PROXY: "cloudflare" });
      forwarded = createTestApp(handle.db, undefined, {}, { TRUST_PROXY: "1" });
    });
    const loginVia = (target: ReturnType<typeof createTestApp>, email: string, password: string, headers = {}) =>
      target.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ email, password }),
      });

    it("counts parallel attempts atomically: of 40 at once, only the allowed number are checked", async () => {
      await bootstrapOfficer(handle.db, {
        name: "Song song",
        email: "song-song@loa.test",
        role: "viewer",
        unitCode: "01",
      });
      const attempts = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          loginVia(trusted, "song-song@loa.test", `doan-${i}`, { "cf-connecting-ip": "203.0.113.40" }),
        ),
      );
      const statuses = attempts.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES_PER_EMAIL);
      expect(statuses.filter((s) => s === 429)).toHaveLength(40 - MAX_FAILURES_PER_EMAIL);
    });

    it("lets an officer in at the first try although strangers behind the same proxy failed many times", async () => {
      const admin = await bootstrapOfficer(handle.db, {
        name: "Quản trị",
        email: "quan-tri@loa.test",
        role: "admin",
        unitCode: "01",
      });
      const office = { "cf-connecting-ip": "203.0.113.7" };
      for (let i = 0; i < MAX_FAILURES_PER_CLIENT + 5; i++)
        expect((await loginVia(trusted, `la-${i}@loa.test`, "123456", office)).status).toBe(401);
      // Someone elsewhere hammers the admin's email: that uses up their own tries, not the admin's.
      const elsewhere = { "cf-connecting-ip": "192.0.2.66" };
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++)
        expect((await loginVia(trusted, "quan-tri@loa.test", `doan-${i}`, elsewhere)).status).toBe(401);
      expect((await loginVia(trusted, "quan-tri@loa.test", admin.password, elsewhere)).status).toBe(429);
      expect((await loginVia(trusted, "quan-tri@loa.test", admin.password, office)).status).toBe(200);
    });

    it("takes the address our proxy appended to X-Forwarded-For, not one the client wrote", async () => {
      await bootstrapOfficer(handle.db, { name: "Chuyển tiếp", email: "xff@loa.test", role: "viewer", unitCode: "01" });
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
        const headers = { "x-forwarded-for": `10.9.9.${i}, 203.0.113.99` };
        expect((await loginVia(forwarded, "xff@loa.test", `doan-${i}`, headers)).status).toBe(401);
      }
      const spoofed = { "x-forwarded-for": "10.9.9.200, 203.0.113.99" };
      expect((await loginVia(forwarded, "xff@loa.test", "doan-x", spoofed)).status).toBe(429);
      const otherClient = { "x-forwarded-for": "10.9.9.200, 203.0.113.100" };
      expect((await loginVia(forwarded, "xff@loa.test", "doan-y", otherClient)).status).toBe(401);
    });
  });

  it("answers 400 naming the field for a malformed login", async () => {
    const response = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "không phải email" }),
    });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as { error: { issues: Array<{ field: string }> } }).error.issues.map(
      (i) => i.field,
    );
    expect(fields).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("refuses expired and revoked tokens and those of disabled officers", async () => {
    const viewer = await bootstrapOfficer(handle.db, {
      name: "Xem",
      email: "xem@loa.test",
      role: "viewer",
      unitCode: "01",
    });
    const me = (token: string) => app.request("/api/me", { headers: { authorization: `Bearer ${token}` } });
    expect((await me(viewer.token)).status).toBe(200);

    const [officer] = await handle.db.select().from(officers).where(eq(officers.email, "xem@loa.test"));
    await handle.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.officerId, officer!.id));
    expect((await me(viewer.token)).status).toBe(401);
    await handle.db.update(apiTokens).set({ expiresAt: null }).where(eq(apiTokens.officerId, officer!.id));
    expect((await me(viewer.token)).status).toBe(200);

    await handle.db.update(officers).set({ disabledAt: new Date() }).where(eq(officers.id, officer!.id));
    expect((await me(viewer.token)).status).toBe(401);
    await handle.db.update(officers).set({ disabledAt: null }).where(eq(officers.id, officer!.id));

    const [token] = await handle.db.select().from(apiTokens).where(eq(apiTokens.officerId, officer!.id));
    const revoke = await app.request(`/api/me/tokens/${token!.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${viewer.token}` },
    });
    expect(revoke.status).toBe(204);
    expect((await me(viewer.token)).status).toBe(401);
    const [revoked] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "token.revoke"), eq(auditLog.targetId, token!.id)));
    expect(revoked).toBeDefined();
  });

  it("records when a token was last used", async () => {
    const [token] = await handle.db
      .select()
      .from(apiTokens)
      .innerJoin(officers, eq(officers.id, apiTokens.officerId))
      .where(eq(officers.email, "quan-ly@hanoi.loa.test"))
      .limit(1);
    await app.request("/api/me", { headers: { authorization: `Bearer ${manager.token}` } });
    const [after] = await handle.db.select().from(apiTokens).where(eq(apiTokens.id, token!.api_tokens.id));
    expect(after!.lastUsedAt).toBeInstanceOf(Date);
  });
});

// Logging in to the console: the cookie, CSRF on unsafe requests, logout, throttling; tokens that expire, are
// revoked or belong to a disabled officer; and the audit rows each leaves.
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { apiTokens, auditLog, loginFailures, officers } from "../../../db/schema/index";
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

  describe("changing one's own password", () => {
    // The failures the tests above provoke from this one client address would throttle the logins here.
    beforeAll(async () => {
      await handle.db.delete(loginFailures);
    });
    const session = async (email: string, password: string) => {
      const response = await login(email, password);
      expect(response.status).toBe(200);
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return { cookie: response.headers.get("set-cookie")!.split(";")[0]!, csrfToken };
    };
    const change = (auth: Record<string, string>, body: unknown) =>
      app.request("/api/me/password", {
        method: "POST",
        headers: { "content-type": "application/json", ...auth },
        body: JSON.stringify(body),
      });
    const issues = async (response: Response) =>
      ((await response.json()) as { error: { issues?: Array<{ field: string }> } }).error.issues?.map((i) => i.field);

    it("refuses a wrong current password, a short or unchanged new one, naming the field (400)", async () => {
      const officer = await bootstrapOfficer(handle.db, {
        name: "Đổi mật khẩu sai",
        email: "doi-sai@loa.test",
        role: "viewer",
        unitCode: "01",
      });
      const { cookie, csrfToken } = await session(officer.email, officer.password);
      const auth = { cookie, "x-csrf-token": csrfToken };
      const wrong = await change(auth, { currentPassword: "khong-phai-mat-khau", newPassword: "mat-khau-moi-123" });
      expect(wrong.status).toBe(400);
      expect(await issues(wrong)).toEqual(["currentPassword"]);
      const short = await change(auth, { currentPassword: officer.password, newPassword: "ngan" });
      expect(short.status).toBe(400);
      expect(await issues(short)).toEqual(["newPassword"]);
      const same = await change(auth, { currentPassword: officer.password, newPassword: officer.password });
      expect(same.status).toBe(400);
      expect(await issues(same)).toEqual(["newPassword"]);
      expect(
        (await change({ cookie }, { currentPassword: officer.password, newPassword: "x".repeat(12) })).status,
      ).toBe(403);
      // Nothing changed: the first password still logs in.
      expect((await login(officer.email, officer.password)).status).toBe(200);
    });

    it("changes it, ends the officer's other sessions but not this one, and audits the change", async () => {
      const officer = await bootstrapOfficer(handle.db, {
        name: "Đổi mật khẩu",
        email: "doi-mat-khau@loa.test",
        role: "officer",
        unitCode: "01",
      });
      const here = await session(officer.email, officer.password);
      const elsewhere = await session(officer.email, officer.password);
      const response = await change(
        { cookie: here.cookie, "x-csrf-token": here.csrfToken },
        { currentPassword: officer.password, newPassword: "mat-khau-moi-2026" },
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ endedSessions: 1 });
      expect((await app.request("/api/me", { headers: { cookie: here.cookie } })).status).toBe(200);
      expect((await app.request("/api/me", { headers: { cookie: elsewhere.cookie } })).status).toBe(401);
      expect((await app.request("/api/me", { headers: { authorization: `Bearer ${officer.token}` } })).status).toBe(
        200,
      );
      expect((await login(officer.email, officer.password)).status).toBe(401);
      expect((await login(officer.email, "mat-khau-moi-2026")).status).toBe(200);
      const [row] = await handle.db.select().from(officers).where(eq(officers.email, officer.email));
      expect(await lastAudit("officer.password_change")).toMatchObject({
        officerId: row!.id,
        targetId: row!.id,
        unitId: row!.unitId,
        details: { endedSessions: 1, via: "session" },
      });
    });

    it("stops guessing: after five wrong current passwords in a window, even the right one waits (429)", async () => {
      const officer = await bootstrapOfficer(handle.db, {
        name: "Đoán mật khẩu",
        email: "doan-mat-khau@loa.test",
        role: "viewer",
        unitCode: "01",
      });
      const auth = { authorization: `Bearer ${officer.token}` };
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
        const guess = await change(auth, { currentPassword: `doan-${i}`, newPassword: "mat-khau-moi-2026" });
        expect(guess.status).toBe(400);
      }
      const right = await change(auth, { currentPassword: officer.password, newPassword: "mat-khau-moi-2026" });
      expect(right.status).toBe(429);
      expect(((await right.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
      expect((await login(officer.email, officer.password)).status).toBe(200);
    });

    it("works with an API token too, ending every console session", async () => {
      const officer = await bootstrapOfficer(handle.db, {
        name: "Đổi bằng token",
        email: "doi-bang-token@loa.test",
        role: "viewer",
        unitCode: "01",
      });
      const open = await session(officer.email, officer.password);
      const response = await change(
        { authorization: `Bearer ${officer.token}` },
        { currentPassword: officer.password, newPassword: "mot-mat-khau-dai" },
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ endedSessions: 1 });
      expect((await app.request("/api/me", { headers: { cookie: open.cookie } })).status).toBe(401);
    });
  });
});

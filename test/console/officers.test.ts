// The officers and audit pages through app.request(): refused below manager, an officer outside the scope answers
// the 404 page, user text is escaped, and the audit log's filters (action, officer, Vietnamese dates) narrow it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import type { OfficerRole } from "../../db/schema/officers";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { createOfficer } from "../../src/officers/officer-service";
import { createOfficerWorld, type OfficerWorld } from "../support/officer-fixtures";
import { createTestApp, sessionCookie } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

describe(`console officers and audit pages (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;
  const cookies = new Map<OfficerRole, string>();

  const login = (email: string, password: string) => sessionCookie(app, { email, password });
  /** The rows of the page's table (the filters' officer suggestions list every email of the scope). */
  const rows = (html: string) => html.slice(html.indexOf("<tbody>"));
  const page = async (path: string, role: OfficerRole) => {
    const response = await app.request(path, { headers: { cookie: cookies.get(role)! } });
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    app = createTestApp(handle.db);
    world = await createOfficerWorld(handle.db);
    for (const role of ["admin", "manager", "officer", "viewer"] as const) {
      const created = await bootstrapOfficer(handle.db, {
        name: `Trang ${role}`,
        email: `trang-${role}@loa.test`,
        role,
        unitCode: "01",
      });
      cookies.set(role, await login(created.email, created.password));
    }
  });
  afterAll(async () => handle?.close());

  it("refuses the officers and audit pages below manager with the refusal page", async () => {
    for (const role of ["officer", "viewer"] as const) {
      for (const path of ["/console/officers", `/console/officers/${world.inside.officerId}`, "/console/audit"]) {
        const { status, html } = await page(path, role);
        expect(status, `${role} ${path}`).toBe(403);
        expect(html).toContain("Không có quyền");
        expect(html).toContain("Quản lý");
      }
    }
    expect((await page("/console/officers", "manager")).status).toBe(200);
    expect((await page("/console/audit", "manager")).status).toBe(200);
  });

  it("lists officers of the scope only, and answers 404 for one outside it or a malformed id", async () => {
    const list = await page("/console/officers?pageSize=200", "manager");
    expect(list.html).toContain("Cán bộ Ba Đình");
    expect(list.html).not.toContain("NGOAI-PHAM-VI");
    const outside = await page(`/console/officers/${world.outside.officerId}`, "manager");
    expect(outside.status).toBe(404);
    expect(outside.html).toContain("Không có cán bộ này trong phạm vi của bạn");
    expect(outside.html).not.toContain("NGOAI-PHAM-VI");
    expect((await page("/console/officers/not-a-uuid", "manager")).status).toBe(404);
    const inside = await page(`/console/officers/${world.inside.officerId}`, "manager");
    expect(inside.status).toBe(200);
    expect(inside.html).toContain("ba-dinh@loa.test");
    expect(inside.html).toContain("/reset-password");
  });

  it("offers roles up to the officer's own and never lets a manager edit an admin", async () => {
    const list = await page("/console/officers", "manager");
    const roleSelect = list.html.slice(
      list.html.indexOf('name="role"'),
      list.html.indexOf("</select>", list.html.indexOf('name="role"')),
    );
    expect(roleSelect).toContain('value="manager"');
    expect(roleSelect).not.toContain('value="admin"');
    const admin = await page(`/console/officers/${world.principals.admin.officerId}`, "manager");
    expect(admin.status).toBe(200);
    expect(admin.html).toContain("vai trò cao hơn của bạn");
    expect(admin.html).not.toContain("/reset-password");
  });

  it("escapes officer names", async () => {
    const { officer } = await createOfficer(handle.db, world.national.principal, {
      name: `<script>alert("x")</script>`,
      email: "ten-la@loa.test",
      role: "viewer",
      unitCode: "00004",
    });
    const list = await page("/console/officers?page=1", "admin");
    expect(list.html).not.toContain(`<script>alert("x")</script>`);
    expect(list.html).toContain("&lt;script&gt;");
    const one = await page(`/console/officers/${officer.id}`, "admin");
    expect(one.html).not.toContain(`<script>alert`);
  });

  it("shows the audit log of the scope with Vietnamese labels, and filters it", async () => {
    const all = await page("/console/audit", "manager");
    expect(all.html).toContain("Đăng nhập");
    expect(all.html).toContain("trang-manager@loa.test");
    expect(all.html).not.toContain("ngoai-pham-vi@loa.test");
    expect(all.html).not.toContain("NGOAI-PHAM-VI");
    const created = await page("/console/audit?action=officer.create", "manager");
    expect(created.html).toContain("Tạo tài khoản cán bộ");
    expect(rows(created.html)).toContain("ba-dinh@loa.test");
    expect(rows(created.html)).not.toContain("auth.login<");
    const byOfficer = await page("/console/audit?officer=trang-viewer%40loa.test", "manager");
    expect(rows(byOfficer.html)).toContain("trang-viewer@loa.test");
    expect(rows(byOfficer.html)).not.toContain("trang-officer@loa.test");
    const future = await page("/console/audit?from=2099-01-01", "manager");
    expect(future.html).toContain("Không có thao tác nào khớp bộ lọc");
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const todays = await page(`/console/audit?from=${today}&to=${today}&action=auth.login`, "manager");
    expect(todays.html).toContain("trang-manager@loa.test");
    const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const before = await page(`/console/audit?to=${yesterday}&action=auth.login`, "manager");
    expect(before.html).toContain("Không có thao tác nào khớp bộ lọc");
  });

  it("filters the audit API by officer and time as the page does", async () => {
    const get = async (query: string) => {
      const response = await app.request(`/api/audit?${query}`, { headers: { cookie: cookies.get("manager")! } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { entries: Array<{ officerEmail: string | null; action: string }> }).entries;
    };
    const viewer = await get("officer=trang-viewer%40loa.test&limit=200");
    expect(viewer.length).toBeGreaterThan(0);
    expect(new Set(viewer.map((e) => e.officerEmail))).toEqual(new Set(["trang-viewer@loa.test"]));
    expect(await get(`from=${encodeURIComponent("2099-01-01T00:00:00+07:00")}`)).toEqual([]);
    const logins = await get(`action=auth.login&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(logins.some((e) => e.officerEmail === "trang-manager@loa.test")).toBe(true);
    const bad = await app.request("/api/audit?from=yesterday", { headers: { cookie: cookies.get("manager")! } });
    expect(bad.status).toBe(400);
  });
});

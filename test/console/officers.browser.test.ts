// Officers and the audit log in Chromium: a manager creates an officer and reads the one-time password on the page
// (and that officer then logs in with it), edits and resets an officer; viewers and officers get the refusal page;
// an officer outside the scope is a 404 page; the audit log shows the login and filters by action.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officers } from "../../db/schema/index";
import { haveChromium, openConsoleWorld, type ConsoleWorld } from "../support/console-browser";
import { testDriver } from "../support/test-db";

const ONE_TIME_PASSWORD = /^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/;

describe.runIf(haveChromium)(`console officers and audit in Chromium (${testDriver})`, () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await openConsoleWorld();
  }, 120_000);
  afterAll(() => world?.close());

  const officerId = async (email: string) =>
    (await world.database.db.select({ id: officers.id }).from(officers).where(eq(officers.email, email)))[0]!.id;

  it("creates an officer, shows the one-time password once, and that officer logs in with it", async () => {
    const manager = await world.officer("manager", "01", "Trần Văn Quản");
    const page = await world.loggedIn(manager);
    await page.goto(`${world.baseUrl}/console/officers`);
    expect(await page.locator("h1").textContent()).toBe("Cán bộ");
    await world.shot(page, "officers-list");

    const email = `moi-${process.pid}@loa.test`;
    await page.getByLabel("Họ tên").fill("Lê Thị Mới");
    await page.getByLabel("Email").fill(email);
    await page.locator('select[name="role"]').selectOption("officer");
    await page.locator('select[name="unitCode"]').selectOption("00004");
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    const secret = page.locator("#new-officer [data-secret]");
    await secret.waitFor({ state: "visible" });
    const password = (await secret.textContent())!.trim();
    expect(password).toMatch(ONE_TIME_PASSWORD);
    expect(await page.locator("#flash").textContent()).toContain("Đã tạo tài khoản cán bộ");
    await world.shot(page, "officers-created");

    const newcomer = await world.loggedIn({ email, password, role: "officer", unitCode: "00004" });
    expect(await newcomer.locator("header").textContent()).toContain("Lê Thị Mới");

    // The link under the password leads to the new officer's page: change the role, then reset the password.
    await Promise.all([
      page.waitForURL(/\/console\/officers\/[0-9a-f-]{36}$/),
      page.getByText("Xem tài khoản vừa tạo").click(),
    ]);
    expect(await page.locator("h1").textContent()).toBe("Lê Thị Mới");
    await page.locator('select[name="role"]').selectOption("viewer");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Lưu" }).click()]);
    expect(await page.locator("table").first().textContent()).toContain("Xem");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Đặt lại mật khẩu" }).click();
    const reset = page.locator("#new-password [data-secret]");
    await reset.waitFor({ state: "visible" });
    const newPassword = (await reset.textContent())!.trim();
    expect(newPassword).toMatch(ONE_TIME_PASSWORD);
    expect(newPassword).not.toBe(password);
    await world.shot(page, "officers-detail");

    const phone = await world.loggedIn(manager, { width: 390, height: 844 });
    await phone.goto(`${world.baseUrl}/console/officers`);
    await world.shot(phone, "officers-list-phone");
    expect(world.pageErrors).toEqual([]);
  });

  it("refuses the officers and audit pages to viewers and officers, and an officer outside the scope", async () => {
    for (const role of ["viewer", "officer"] as const) {
      const page = await world.loggedIn(await world.officer(role, "01"));
      for (const path of ["/console/officers", "/console/audit"]) {
        const response = await page.goto(`${world.baseUrl}${path}`);
        expect(response!.status(), `${role} ${path}`).toBe(403);
        expect(await page.locator("h1").textContent()).toBe("Không có quyền");
      }
      expect(await page.locator("nav.sections").textContent()).not.toContain("Nhật ký");
      if (role === "viewer") await world.shot(page, "officers-refused");
    }

    const outsider = await world.officer("viewer", "79", "Cán bộ TP Hồ Chí Minh");
    const manager = await world.loggedIn(await world.officer("manager", "01"));
    const response = await manager.goto(`${world.baseUrl}/console/officers/${await officerId(outsider.email)}`);
    expect(response!.status()).toBe(404);
    expect(await manager.locator("main").textContent()).toContain("Không có cán bộ này trong phạm vi của bạn");
    expect(await manager.locator("main").textContent()).not.toContain("Hồ Chí Minh");
    await world.shot(manager, "officers-out-of-scope");
    expect(world.pageErrors).toEqual([]);
  });

  it("shows the login in the audit log, in Vietnamese, and filters by action", async () => {
    const manager = await world.officer("manager", "01", "Phạm Nhật Ký");
    const page = await world.loggedIn(manager);
    await page.goto(`${world.baseUrl}/console/audit`);
    const rows = page.locator("tbody tr");
    await expect
      .poll(() => rows.filter({ hasText: manager.email }).filter({ hasText: "Đăng nhập" }).count())
      .toBeGreaterThan(0);
    await world.shot(page, "audit-log");

    await page.locator('select[name="action"]').selectOption("officer.create");
    await Promise.all([page.waitForURL(/action=officer\.create/), page.getByRole("button", { name: "Lọc" }).click()]);
    const actions = await page.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action).toContain("Tạo tài khoản cán bộ");
    await world.shot(page, "audit-log-filtered");

    const phone = await world.loggedIn(manager, { width: 390, height: 844 });
    await phone.goto(`${world.baseUrl}/console/audit`);
    await world.shot(phone, "audit-log-phone");
    expect(world.pageErrors).toEqual([]);
  });
});

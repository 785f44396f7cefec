// The account page in Chromium: a wrong current password is answered next to its field, a mistyped repeat is
// stopped by the browser before anything is sent, a good change lets the officer log in with the new password only;
// an API token is created (its secret shown once, and it works), listed and revoked. The API reference is read too.
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveChromium, openConsoleWorld, type ConsoleWorld } from "../support/console-browser";
import { testDriver } from "../support/test-db";

describe.runIf(haveChromium)(`console account and API reference in Chromium (${testDriver})`, () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await openConsoleWorld();
  }, 120_000);
  afterAll(() => world?.close());

  it("changes the password, then logs in with the new one only", async () => {
    const officer = await world.officer("viewer", "00004", "Vũ Thị Tài Khoản");
    const page = await world.loggedIn(officer);
    await page.goto(`${world.baseUrl}/console/account`);
    expect(await page.locator("main").textContent()).toContain(officer.email);
    expect(await page.locator("main").textContent()).toContain("Phường Ba Đình");
    await world.shot(page, "account");

    const current = page.getByLabel("Mật khẩu hiện tại");
    const fresh = page.getByLabel("Mật khẩu mới", { exact: true });
    const again = page.getByLabel("Nhập lại mật khẩu mới");
    await current.fill("khong-dung-dau");
    await fresh.fill("mat-khau-moi-2026");
    await again.fill("mat-khau-moi-2026");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect.poll(() => page.locator(".field-error").first().textContent()).toBe("Mật khẩu hiện tại không đúng");
    expect(await current.getAttribute("aria-invalid")).toBe("true");
    await world.shot(page, "account-wrong-password");

    await current.fill(officer.password);
    await again.fill("mat-khau-moi-2025");
    expect(await again.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe(
      "Hai lần nhập mật khẩu mới không khớp",
    );
    await again.fill("mat-khau-moi-2026");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect.poll(() => page.locator("#flash").textContent()).toContain("Đã đổi mật khẩu");
    expect(await current.inputValue()).toBe("");

    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL(/\/console\/login$/);
    await page.getByLabel("Email").fill(officer.email);
    await page.getByLabel("Mật khẩu").fill(officer.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Email hoặc mật khẩu không đúng");
    const again2 = await world.loggedIn({ ...officer, password: "mat-khau-moi-2026" });
    expect(await again2.locator("header").textContent()).toContain("Vũ Thị Tài Khoản");
    expect(world.pageErrors).toEqual([]);
  });

  it("creates an API token shown once that works, lists it and revokes it", async () => {
    const officer = await world.officer("officer", "01", "Hoàng Token");
    const page = await world.loggedIn(officer);
    await page.goto(`${world.baseUrl}/console/account`);
    await page.getByLabel("Tên (để nhận ra sau này)").fill("Báo cáo tự động");
    await page.getByRole("button", { name: "Tạo token" }).click();
    const secret = page.locator("#new-token [data-secret]");
    await secret.waitFor({ state: "visible" });
    const token = (await secret.textContent())!.trim();
    expect(token).toMatch(/^loa_/);
    await world.shot(page, "account-token-created");
    const me = await fetch(`${world.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);

    await page.reload();
    const row = page.locator("tbody tr", { hasText: "Báo cáo tự động" });
    expect(await row.textContent()).toContain("Đang dùng");
    expect(await row.textContent()).not.toContain(token);
    page.once("dialog", (dialog) => dialog.accept());
    await Promise.all([page.waitForEvent("load"), row.getByRole("button", { name: "Thu hồi" }).click()]);
    expect(await page.locator("tbody tr", { hasText: "Báo cáo tự động" }).textContent()).toContain("Đã thu hồi");
    const after = await fetch(`${world.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);

    const phone = await world.loggedIn(officer, { width: 390, height: 844 });
    await phone.goto(`${world.baseUrl}/console/account`);
    await world.shot(phone, "account-phone");
    expect(world.pageErrors).toEqual([]);
  });

  it("renders the API reference from the OpenAPI document, with contents and how to get a token", async () => {
    const page = await world.loggedIn(await world.officer("viewer", "01"));
    await page.goto(`${world.baseUrl}/console/api`);
    expect(await page.locator('a[href="/api/openapi.json"]').count()).toBeGreaterThan(0);
    expect(await page.locator("main").textContent()).toContain("POST /api/me/tokens");
    // The whole page is very tall: keep readable views of its start and of one operation beside it.
    const shots = dirname(await world.shot(page, "api-reference"));
    await page.screenshot({ path: join(shots, "api-reference-top.png") });
    await page.locator('nav a[href="#op-post-api-me-password"]').click();
    const card = page.locator("#op-post-api-me-password");
    expect(await card.textContent()).toContain("currentPassword");
    expect(await card.textContent()).toContain("Đổi mật khẩu của tôi");
    const officers = page.locator("#op-post-api-officers");
    expect(await officers.textContent()).toContain('Cần vai trò "Quản lý" (manager) trở lên');
    await officers.screenshot({ path: join(shots, "api-reference-operation.png") });
    const phone = await world.loggedIn(await world.officer("viewer", "01"), { width: 390, height: 844 });
    await phone.goto(`${world.baseUrl}/console/api#op-post-api-campaigns`);
    await phone.screenshot({ path: join(shots, "api-reference-phone.png") });
    expect(world.pageErrors).toEqual([]);
    // Two logins and four screenshots, one of a page tens of thousands of pixels tall: about 15 s alone, and past
    // the default 30 s once, when the whole suite ran beside it on two cores.
  }, 90_000);
});

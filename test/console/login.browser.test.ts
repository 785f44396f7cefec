// Logging in and out of the console in Chromium: a wrong password is answered on the page, a visitor without a
// session is sent to the login page and brought back where they were going, and logging out ends the session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveChromium, openConsoleWorld, type ConsoleWorld } from "../support/console-browser";
import { testDriver } from "../support/test-db";

describe.runIf(haveChromium)(`console login in Chromium (${testDriver})`, () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await openConsoleWorld();
  }, 120_000);
  afterAll(() => world?.close());

  it("refuses a wrong password on the page, then logs in and out", async () => {
    const officer = await world.officer("officer", "01", "Nguyễn Thị Lan");
    const page = await world.anonymous();
    await page.goto(`${world.baseUrl}/console/questions?status=open`);
    expect(new URL(page.url()).pathname).toBe("/console/login");

    await page.getByLabel("Email").fill(officer.email);
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Email hoặc mật khẩu không đúng");
    await world.shot(page, "login-refused");

    await page.getByLabel("Mật khẩu").fill(officer.password);
    await Promise.all([page.waitForURL(/\/console\/questions\?status=open$/), page.getByRole("button").click()]);
    expect(await page.locator("header").textContent()).toContain("Nguyễn Thị Lan");

    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL(/\/console\/login$/);
    await page.goto(`${world.baseUrl}/console`);
    expect(new URL(page.url()).pathname).toBe("/console/login");
    expect(world.pageErrors).toEqual([]);
  });
});

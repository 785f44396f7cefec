// Surveys in Chromium: the catalog with versions, a version's questions, and opening a wave for a commune through
// the form, which then appears in the list with a link to its results; a viewer reads but has no form.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveChromium, openConsoleWorld, type ConsoleWorld } from "../support/console-browser";
import { testDriver } from "../support/test-db";

describe.runIf(haveChromium)(`console surveys in Chromium (${testDriver})`, () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await openConsoleWorld();
  }, 120_000);
  afterAll(() => world?.close());

  it("opens a wave for a commune and lists it, with the survey's questions readable", async () => {
    const officer = await world.officer("officer", "01", "Đỗ Khảo Sát");
    const page = await world.loggedIn(officer);
    await page.goto(`${world.baseUrl}/console/surveys`);
    expect(await page.locator("h1").textContent()).toBe("Khảo sát");
    await world.shot(page, "surveys-list");

    await Promise.all([
      page.waitForURL(/\/console\/surveys\/law_day_quiz$/),
      page.locator('a[href="/console/surveys/law_day_quiz"]').click(),
    ]);
    expect(await page.locator("main").textContent()).toContain("Chưa có đợt nào trong phạm vi của bạn");
    expect(await page.locator("main").textContent()).toContain("Nam đủ 20, nữ đủ 18");

    await page.getByLabel("Tên đợt").fill("Ngày Pháp luật 2026 — Ba Đình");
    await page.locator('select[name="unitCode"]').selectOption("00004");
    await page.getByLabel("Bên kiểm soát dữ liệu").fill("UBND phường Ba Đình");
    await page.getByLabel("Kết thúc (để trống nếu không hạn)").fill("2026-12-31T17:00");
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Mở đợt khảo sát" }).click()]);
    const row = page.locator("tbody tr", { hasText: "Ngày Pháp luật 2026 — Ba Đình" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Phường Ba Đình");
    expect(await row.textContent()).toContain("31/12/2026 17:00");
    expect(await row.locator("a", { hasText: "Kết quả" }).getAttribute("href")).toMatch(
      /^\/console\/results\/law_day_quiz\?wave=\d+$/,
    );
    await world.shot(page, "surveys-wave-opened");

    // A wave ending before it starts is refused on the form, naming the field.
    await page.getByLabel("Tên đợt").fill("Đợt sai");
    await page.getByLabel("Kết thúc (để trống nếu không hạn)").fill("2020-01-01T08:00");
    await page.getByRole("button", { name: "Mở đợt khảo sát" }).click();
    await expect.poll(() => page.locator("form .form-error").textContent()).toContain("kết thúc phải sau");

    const phone = await world.loggedIn(officer, { width: 390, height: 844 });
    await phone.goto(`${world.baseUrl}/console/surveys/law_day_quiz`);
    await world.shot(phone, "surveys-detail-phone");
    expect(world.pageErrors).toEqual([]);
  });

  it("shows a viewer the waves of the scope without the form, and a province elsewhere none of them", async () => {
    const viewer = await world.loggedIn(await world.officer("viewer", "01"));
    await viewer.goto(`${world.baseUrl}/console/surveys/law_day_quiz`);
    expect(await viewer.locator("main").textContent()).toContain("Ngày Pháp luật 2026 — Ba Đình");
    expect(await viewer.getByRole("button", { name: "Mở đợt khảo sát" }).count()).toBe(0);

    const elsewhere = await world.loggedIn(await world.officer("officer", "79"));
    await elsewhere.goto(`${world.baseUrl}/console/surveys/law_day_quiz`);
    expect(await elsewhere.locator("main").textContent()).not.toContain("Ba Đình");
    expect((await elsewhere.goto(`${world.baseUrl}/console/surveys/khong_co`))!.status()).toBe(404);
    expect(world.pageErrors).toEqual([]);
  });
});

// Survey results in Chromium for a province officer: the list shows their completed responses per survey and wave,
// a survey's page draws each question's counts and shares (answers given through the real web chat, another
// province's left out), free text stays text, and the page's XLSX and CSV links download files (through the console
// script's progress) that exceljs and csv-parse read back with the same rows and labels.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv, readXlsx, satisfactionAnswers, sheetRecords, takeSurvey } from "../exports/export-fixtures";
import { haveChromium, openConsoleWorld, type ConsoleWorld } from "../support/console-browser";
import { testDriver } from "../support/test-db";

describe.runIf(haveChromium)(`console survey results in Chromium (${testDriver})`, () => {
  let world: ConsoleWorld;
  const baDinh = "phường Ba Đình, Hà Nội";

  beforeAll(async () => {
    world = await openConsoleWorld();
    const app = world.app;
    await takeSurvey(app, "rb-a", "pbgdpl_satisfaction", satisfactionAnswers.full(baDinh));
    await takeSurvey(app, "rb-b", "pbgdpl_satisfaction", satisfactionAnswers.unreached(baDinh));
    await takeSurvey(app, "rb-c", "pbgdpl_satisfaction", satisfactionAnswers.zaloOnly(baDinh));
    await takeSurvey(app, "rb-hcm", "pbgdpl_satisfaction", satisfactionAnswers.unsure("phường Bến Thành, Hồ Chí Minh"));
    await takeSurvey(app, "rb-la", "legal_access_satisfaction", [baDinh, "a:4", "a:no", "a:yes", "<b>Thêm giờ</b>"]);
  }, 240_000);
  afterAll(() => world?.close());

  /** The values written beside the bars of a question's chart, by label. */
  async function bars(page: Page, questionId: string): Promise<Record<string, string>> {
    const chart = page.locator(`#q-${questionId} .wide figure.chart`);
    // Each label carries its full text as a <title> (the visible text may be shortened).
    const labels = await chart.locator("text.chart-label > title").allTextContents();
    const values = await chart.locator("text.chart-value").allTextContents();
    return Object.fromEntries(labels.map((label, i) => [label, values[i]!]));
  }

  /** Clicks a download link; the file saved, and the X-Total-Rows the page's progress counted against. */
  async function download(page: Page, name: RegExp): Promise<{ bytes: Buffer; totalRows: string | null }> {
    const link = page.getByRole("link", { name });
    const [file, response] = await Promise.all([
      page.waitForEvent("download"),
      page.waitForResponse((r) => r.url().includes("/api/exports/responses")),
      link.click(),
    ]);
    const path = await file.path();
    expect(path).toBeTruthy();
    const status = link.locator("xpath=following-sibling::span[1]");
    await expect.poll(() => status.textContent()).toContain("Đã tải xong");
    return { bytes: await readFile(path!), totalRows: (await response.allHeaders())["x-total-rows"] ?? null };
  }

  it("lists the surveys, draws a survey's answers per question, downloads XLSX and CSV of the same rows", async () => {
    const officer = await world.officer("viewer", "01", "Phạm Thu Hà");
    const page = await world.loggedIn(officer);
    await page.getByRole("link", { name: "Kết quả khảo sát" }).click();
    await page.waitForURL(/\/console\/results$/);
    const card = page.locator("section.card", { hasText: "phổ biến, giáo dục pháp luật" });
    expect(await card.locator(".stat").textContent()).toBe("3");
    await world.shot(page, "results-list");

    await card.locator("h2 a").click();
    await page.waitForURL(/\/console\/results\/pbgdpl_satisfaction$/);
    expect(await page.locator(".results-n .stat").textContent()).toBe("3");
    expect(await bars(page, "heard")).toEqual({ Có: "2 (66,7%)", Không: "1 (33,3%)", "Không rõ": "0 (0%)" });
    const satisfaction = await bars(page, "satisfaction");
    expect(satisfaction["Rất hài lòng"]).toBe("2 (66,7%)");
    expect(satisfaction["Không hài lòng"]).toBe("1 (33,3%)");
    // Multiple choice: shares of the two who answered.
    expect((await bars(page, "channel"))["Zalo, mạng xã hội"]).toBe("2 (100%)");
    expect(await page.locator("#q-channel p.muted").first().textContent()).toContain("2/3 người trả lời");
    const zalo = page.locator("#q-channel .wide rect.chart-bar").nth(2);
    expect(Number(await zalo.getAttribute("width"))).toBeCloseTo(270, 0);
    await world.shot(page, "results-survey");

    const excel = await download(page, /Tải Excel/);
    // XLSX bytes are compressed: no lines to count, so no row total (the page shows the size received).
    expect(excel.totalRows).toBeNull();
    const xlsx = await readXlsx(excel.bytes.buffer as ArrayBuffer);
    expect(xlsx.map((s) => s.name)).toEqual(["Dữ liệu", "Từ điển dữ liệu"]);
    const rows = sheetRecords(xlsx[0]!);
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.heard_label === "Có")).toHaveLength(2);
    expect(rows.filter((r) => r.satisfaction_label === "Rất hài lòng")).toHaveLength(2);
    expect(rows.every((r) => String(r.unit_name).includes("Ba Đình"))).toBe(true);

    const csvFile = await download(page, /^Tải CSV$/);
    expect(csvFile.totalRows).toBe("3");
    const csv = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(csvFile.bytes));
    expect(csv.records).toHaveLength(3);
    expect(csv.records.filter((r) => r.heard === "yes")).toHaveLength(2);
    expect(csv.records.filter((r) => r.channel__zalo === "1")).toHaveLength(2);
    expect(world.pageErrors).toEqual([]);
  });

  it("filters by unit and wave, keeps free text as text, and refuses a unit outside the scope", async () => {
    const officer = await world.officer("viewer", "01");
    const page = await world.loggedIn(officer);
    await page.goto(`${world.baseUrl}/console/results/legal_access_satisfaction?unit=00004`);
    expect(await page.locator(".results-n .stat").textContent()).toBe("1");
    const answer = page.locator("#q-suggestion ul.latest-answers pre");
    expect(await answer.textContent()).toBe("<b>Thêm giờ</b>");
    expect(await page.locator("#q-suggestion b").count()).toBe(0);
    const xlsxLink = await page.getByRole("link", { name: /Tải Excel/ }).getAttribute("href");
    expect(xlsxLink).toContain("unit=00004");
    expect(xlsxLink).toContain("format=xlsx");
    await world.shot(page, "results-text");

    await page.goto(`${world.baseUrl}/console/results/pbgdpl_satisfaction`);
    const wave = page.locator('select[name="wave"] option').nth(1);
    await page.locator('select[name="wave"]').selectOption((await wave.getAttribute("value"))!);
    await Promise.all([page.waitForURL(/wave=\d+/), page.getByRole("button", { name: "Xem" }).click()]);
    expect(await page.locator(".results-n .stat").textContent()).toBe("3");
    // The unit box suggests the province's own communes by name (a Hà Nội officer: not Bến Thành of Hồ Chí Minh City).
    const choices = page.locator("datalist#unit-choices option");
    expect(await choices.count()).toBeGreaterThan(50);
    expect(await page.locator('datalist#unit-choices option[value="00004"]').textContent()).toContain("Ba Đình");
    expect(await page.locator('datalist#unit-choices option[value="26743"]').count()).toBe(0);
    // Ngọc Hà, a commune of Hà Nội where nobody answered.
    await page.locator('input[name="unit"]').fill("00008");
    await Promise.all([page.waitForURL(/unit=00008/), page.getByRole("button", { name: "Xem" }).click()]);
    expect(await page.locator(".results-n .stat").textContent()).toBe("0");
    expect(await page.locator(".heading p.muted").textContent()).toContain("Ngọc Hà");

    const phone = await world.loggedIn(officer, { width: 390, height: 844 });
    await phone.goto(`${world.baseUrl}/console/results/pbgdpl_satisfaction`);
    await world.shot(phone, "results-survey-phone");
    // On a phone each label stands above its bar, in a drawing narrow enough to keep the text readable.
    expect(await phone.locator("#q-heard .narrow figure.chart").isVisible()).toBe(true);
    expect(await phone.locator("#q-heard .wide figure.chart").isVisible()).toBe(false);
    expect(await phone.locator("#q-heard .narrow text.chart-value").first().textContent()).toBe("2 (66,7%)");

    const response = await page.goto(`${world.baseUrl}/console/results/pbgdpl_satisfaction?unit=79`);
    expect(response!.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Không tìm thấy");
    const missing = await page.goto(`${world.baseUrl}/console/results/khong_co`);
    expect(missing!.status()).toBe(404);
    expect(world.pageErrors).toEqual([]);
  });
});

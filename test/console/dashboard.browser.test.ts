// The dashboard in Chromium for a province officer: the indicators chart and the communes ranking show the shares of
// answers given through the real web chat (below the minimum sample: drawn in the warning colour), the responses per
// day chart counts today's responses, a campaign's progress bar counts its ledger, and the headline numbers count
// what lies in the province only. Screenshots on a laptop and a phone.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignDeliveries, campaigns, contacts, units } from "../../db/schema/index";
import { takeSurvey } from "../exports/export-fixtures";
import { haveChromium, openConsoleWorld, type ConsoleWorld } from "../support/console-browser";
import { say } from "../support/test-app";
import { testDriver } from "../support/test-db";

describe.runIf(haveChromium)(`console dashboard in Chromium (${testDriver})`, () => {
  let world: ConsoleWorld;
  let campaignId: number;

  beforeAll(async () => {
    world = await openConsoleWorld();
    const baDinh = "phường Ba Đình, Hà Nội";
    // legal_access_satisfaction feeds QĐ 27/2025's indicators (info_access: 5 or 4 is positive).
    await takeSurvey(world.app, "d-a", "legal_access_satisfaction", [baDinh, "a:5", "a:no", "a:yes", "s:skip"]);
    await takeSurvey(world.app, "d-b", "legal_access_satisfaction", [baDinh, "a:2", "a:no", "a:no", "s:skip"]);
    await takeSurvey(world.app, "d-c", "legal_access_satisfaction", [baDinh, "a:4", "a:no", "a:yes", "s:skip"]);
    await takeSurvey(world.app, "d-hcm", "legal_access_satisfaction", [
      "phường Bến Thành, Hồ Chí Minh",
      "a:1",
      "a:no",
      "a:no",
      "s:skip",
    ]);
    // An escalated-question-free world: the inbox numbers are zero. A running campaign of Ba Đình with a ledger of
    // three people: two sent, one still queued.
    const db = world.database.db;
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, "00004"));
    const people = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(inArray(contacts.platformId, ["d-a", "d-b", "d-c"]));
    expect(people).toHaveLength(3);
    const [campaign] = await db
      .insert(campaigns)
      .values({
        unitId: unit!.id,
        name: "Ngày Pháp luật ở Ba Đình",
        state: "running",
        channels: ["web"],
        audience: { unitCodes: ["00004"] },
        messages: [{ text: "Tin chiến dịch" }],
        startAt: new Date(Date.now() - 3_600_000),
      })
      .returning({ id: campaigns.id });
    campaignId = campaign!.id;
    await db.insert(campaignDeliveries).values(
      people.map((person, index) => ({
        campaignId,
        contactId: person.id,
        channel: "web",
        state: index < 2 ? ("sent" as const) : ("queued" as const),
        dueAt: new Date(),
        sentAt: index < 2 ? new Date() : null,
      })),
    );
    await say(world.app, "d-a", "xin chào");
  }, 240_000);
  afterAll(() => world?.close());

  it("shows the province's indicators, ranking, responses per day and campaign progress as charts", async () => {
    const officer = await world.officer("viewer", "01", "Trần Văn Tỉnh");
    const page = await world.loggedIn(officer);
    expect(await page.locator("h1").textContent()).toBe("Tổng quan");

    // Headline: three responses completed this period in Hà Nội (not Hồ Chí Minh City's).
    expect(await page.locator('[data-stat="responses"]').textContent()).toBe("3");
    expect(await page.locator('[data-stat="questions"]').textContent()).toBe("0");

    // Indicators of Hà Nội: info_access 2 of 3 positive, below the minimum sample of 30 (warning colour).
    const indicators = page.locator("#indicators .wide figure.chart");
    const firstValue = await indicators.locator("text.chart-value").first().textContent();
    expect(firstValue).toContain("66,7%");
    expect(firstValue).toContain("n=3");
    expect(await indicators.locator("rect.chart-bar.warn").count()).toBeGreaterThan(0);
    const width = Number(await indicators.locator("rect.chart-bar").first().getAttribute("width"));
    expect(width).toBeCloseTo((2 / 3) * 270, 0);
    // The sub-units' table: Ba Đình, and no commune of another province.
    const table = await page.locator("#indicators table.children").textContent();
    expect(table).toContain("Ba Đình");
    expect(table).not.toContain("Bến Thành");

    // Communes ranked within Hà Nội on the first indicator: Ba Đình with 66,7 %.
    const ranking = page.locator("#ranking .wide figure.chart");
    expect(await ranking.locator("text.chart-label > title").allTextContents()).toEqual([
      expect.stringContaining("Ba Đình"),
    ]);
    expect(await ranking.locator("text.chart-value").first().textContent()).toContain("66,7%");

    // Responses per day: the last column is today, with three.
    const columns = page.locator("#activity rect.chart-bar");
    expect(await columns.count()).toBe(30);
    expect(await columns.last().locator("title").textContent()).toMatch(/: 3 phiếu$/);

    // Campaign progress: two of three sent.
    const campaign = page.locator("#campaigns .campaign-progress").first();
    expect(await campaign.locator("a").first().getAttribute("href")).toBe(`/console/campaigns/${campaignId}`);
    const legend = await campaign.locator("figcaption").textContent();
    expect(legend).toContain("Đã gửi: 2");
    expect(legend).toContain("Chờ gửi: 1");
    expect(Number(await campaign.locator("rect.part.done").getAttribute("width"))).toBeCloseTo(400, 0);

    await world.shot(page, "dashboard");
    const phone = await world.loggedIn(officer, { width: 390, height: 844 });
    await world.shot(phone, "dashboard-phone");
    // Nothing wider than the phone's screen but the tables, which scroll inside their cards.
    expect(await phone.locator("#indicators .narrow figure.chart").isVisible()).toBe(true);
    expect(await phone.locator("#indicators .wide figure.chart").isVisible()).toBe(false);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(390);
    expect(world.pageErrors).toEqual([]);
  });

  it("a national officer chooses the province whose communes are ranked", async () => {
    const officer = await world.officer("viewer", "VN", "Lê Thị Quốc");
    const page = await world.loggedIn(officer);
    expect(await page.locator('[data-stat="responses"]').textContent()).toBe("4");
    await page.locator('select[name="province"]').selectOption("79");
    await Promise.all([page.waitForURL(/province=79/), page.getByRole("button", { name: "Xem" }).click()]);
    expect(await page.locator("#ranking h2").textContent()).toContain("Hồ Chí Minh");
    const labels = await page.locator("#ranking .wide text.chart-label > title").allTextContents();
    expect(labels).toEqual([expect.stringContaining("Bến Thành")]);
    expect(await page.locator("#ranking .wide text.chart-value").first().textContent()).toContain("0%");
    await world.shot(page, "dashboard-national");

    // A period of a week is charted day by day; the indicators count that week only.
    const day = (offset: number) =>
      new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${world.baseUrl}/console?from=${day(-6)}&to=${day(0)}`);
    const columns = page.locator("#activity rect.chart-bar");
    expect(await columns.count()).toBe(7);
    expect(await columns.last().locator("title").textContent()).toMatch(/: 4 phiếu$/);
    expect(await page.locator('[data-stat="responses"]').textContent()).toBe("4");
    await page.goto(`${world.baseUrl}/console?from=${day(-20)}&to=${day(-10)}`);
    expect(await page.locator("#activity rect.chart-bar").count()).toBe(11);
    expect(await page.locator('[data-stat="responses"]').textContent()).toBe("0");
    expect(world.pageErrors).toEqual([]);
  });
});

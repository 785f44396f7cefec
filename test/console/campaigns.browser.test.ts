// Campaigns in the console, in Chromium: a Hà Nội officer creates a campaign from the Law Day template, choosing
// two communes in the unit tree picker, previews it, sends a test to their own web chat, schedules, pauses and
// resumes it, and watches the polled progress change as the sender (run here as the server's loop runs it, at
// Law Day times) delivers to the web chat; an officer of another province gets the 404 page for it.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns, lessons, units } from "../../db/schema/index";
import { DEFAULT_CAMPAIGN_RATES } from "../../src/campaigns/campaign-dispatch";
import { sendDueCampaigns } from "../../src/campaigns/campaign-sender";
import { addSubscriber } from "../campaigns/campaign-fixtures";
import { ledgerStates } from "../campaigns/dispatch-fixtures";
import { haveChromium, openConsoleWorld, type ConsoleWorld } from "../support/console-browser";
import { say, signedWebUser, type WebReply } from "../support/test-app";
import { testDriver } from "../support/test-db";

const PHONE = { width: 390, height: 844 };
/** The progress fragment is polled every 2 s. */
const LIVE = { timeout: 10_000, interval: 200 };

describe.runIf(haveChromium)(`console campaigns in Chromium (${testDriver})`, () => {
  let world: ConsoleWorld;
  let communes: Array<{ code: string; fullName: string }>;

  beforeAll(async () => {
    world = await openConsoleWorld();
    const db = world.database.db;
    const [hanoi] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.code, "01"), eq(units.kind, "province")));
    communes = await db
      .select({ code: units.code, fullName: units.fullName })
      .from(units)
      .where(eq(units.parentId, hanoi!.id))
      .orderBy(asc(units.code))
      .limit(3);
    // Two people in the first chosen commune, one in the second, one in a commune left out.
    await addSubscriber(db, { channel: "web", unitCode: communes[0]!.code });
    await addSubscriber(db, { channel: "web", unitCode: communes[0]!.code });
    await addSubscriber(db, { channel: "web", unitCode: communes[1]!.code });
    await addSubscriber(db, { channel: "web", unitCode: communes[2]!.code });
  }, 120_000);
  afterAll(() => world?.close());

  it("Law Day template, two communes, preview, test send, schedule, pause, resume, live progress", async () => {
    const db = world.database.db;
    const officer = await world.officer("officer", "01", "Trần Văn Minh");
    const page = await world.loggedIn(officer);
    page.on("dialog", (dialog) => dialog.accept());

    await page.goto(`${world.baseUrl}/console/campaigns`);
    expect(await page.locator("main").textContent()).toContain("Chưa có chiến dịch nào.");
    await page.getByRole("link", { name: "Tạo chiến dịch Ngày Pháp luật" }).click();
    await page.waitForURL(/\/console\/campaigns\/new\?template=law-day$/);
    expect(await page.getByLabel("Tên chiến dịch").inputValue()).toMatch(/^Ngày Pháp luật Việt Nam 9\/11\/\d{4}$/);
    expect(await page.locator('textarea[name="messages.0.text"]').inputValue()).toContain("Hưởng ứng Ngày Pháp luật");
    expect(await page.getByLabel("Bắt đầu").inputValue()).toMatch(/^\d{4}-11-0\dT\d\d:\d\d$/);
    expect(await page.getByLabel("Thành phố Hà Nội", { exact: true }).isChecked()).toBe(true);

    // The picker: open the province, narrow by name without diacritics, tick two communes.
    await page.getByRole("button", { name: "Mở danh sách đơn vị trực thuộc" }).click();
    await page.getByLabel(communes[0]!.fullName, { exact: true }).waitFor();
    expect(await page.locator(".unit-tree li li").count()).toBeGreaterThan(50);
    const folded = communes[1]!.fullName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D");
    await page.getByLabel("Lọc đơn vị").fill(folded);
    expect(await page.getByLabel(communes[0]!.fullName, { exact: true }).isVisible()).toBe(
      communes[0]!.fullName.includes(communes[1]!.fullName),
    );
    await page.getByLabel(communes[1]!.fullName, { exact: true }).check();
    await page.getByLabel("Lọc đơn vị").fill("");
    await page.getByLabel(communes[0]!.fullName, { exact: true }).check();
    // A commune covers itself only; the province, which would cover them all, is cleared.
    expect(await page.getByLabel("Thành phố Hà Nội", { exact: true }).isChecked()).toBe(false);
    expect(await page.locator("[data-unit-summary]").textContent()).toBe(
      `Đã chọn 2: ${communes[0]!.fullName}, ${communes[1]!.fullName}`,
    );
    await world.shot(page, "campaigns-new");

    // The API's field error shows next to the field, then the fixed form creates the draft.
    const name = await page.getByLabel("Tên chiến dịch").inputValue();
    await page.getByLabel("Gửi đến", { exact: true }).fill("25:00");
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect.poll(() => page.locator(".field-error").first().textContent()).toContain("HH:MM");
    await page.locator('[name="schedule.window.to"]').fill("21:00");
    await Promise.all([
      page.waitForURL(/\/console\/campaigns\/\d+\?created=1$/),
      page.getByRole("button", { name: "Lưu bản nháp" }).click(),
    ]);
    const id = Number(new URL(page.url()).pathname.split("/").pop());
    const [stored] = await db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(stored).toMatchObject({ name, state: "draft", channels: ["web", "telegram", "zalo_oa"] });
    expect([...(stored!.audience as { unitCodes: string[] }).unitCodes].sort()).toEqual(
      [communes[0]!.code, communes[1]!.code].sort(),
    );
    expect((stored!.messages as Array<{ lessonId?: number }>)[0]!.lessonId).toBeGreaterThan(0);

    // Editing the draft: the picker opens on the chosen communes, ticked; the new name and another lesson for the
    // first message are saved.
    await page.getByRole("link", { name: "Sửa bản nháp" }).click();
    await page.waitForURL(new RegExp(`/console/campaigns/${id}/edit$`));
    expect(await page.getByLabel(communes[0]!.fullName, { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel(communes[1]!.fullName, { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel(communes[2]!.fullName, { exact: true }).isChecked()).toBe(false);
    expect(await page.locator("[data-unit-summary]").textContent()).toMatch(/^Đã chọn 2: /);
    await world.shot(page, "campaigns-edit");
    const renamed = `${name} (hai phường)`;
    await page.getByLabel("Tên chiến dịch").fill(renamed);
    const firstLesson = (stored!.messages as Array<{ lessonId?: number }>)[0]!.lessonId;
    const lessonSelect = page.getByLabel('Bài kèm tin 1 (nút "Đọc bài")');
    expect(await lessonSelect.inputValue()).toBe(String(firstLesson));
    const published = await db
      .select({ id: lessons.id, title: lessons.title })
      .from(lessons)
      .where(eq(lessons.status, "published"))
      .orderBy(asc(lessons.id));
    const chosenLesson = published.find((lesson) => lesson.id !== firstLesson)!;
    await lessonSelect.selectOption(String(chosenLesson.id));
    // A lesson in the empty fourth slot is not dropped: the API asks for its text, on that slot (the third message).
    const fourth = page.locator("[data-message-slot]").nth(3);
    await fourth.locator("select").selectOption(String(chosenLesson.id));
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect.poll(() => fourth.locator(".field-error").textContent()).toContain("không được để trống");
    expect(await page.locator("[data-message-slot] .field-error").count()).toBe(1);
    await fourth.locator("select").selectOption("");
    // The second message links to an article found by a few words (without diacritics), chosen from the list.
    const second = page.locator("[data-message-slot]").nth(1);
    expect(await second.locator("[data-article-chosen]").textContent()).toBe("Không kèm điều luật.");
    await second.getByText('Kèm một điều luật (nút "Đọc Điều")').click();
    await second.getByLabel("Tìm điều luật kèm tin 2").fill("dang ky thuong tru");
    await second.getByRole("button", { name: "Tìm điều luật" }).click();
    const firstChoice = second.locator("[data-article-choice]").first();
    await firstChoice.waitFor();
    const chosenArticle = Number(await firstChoice.getAttribute("data-article-choice"));
    const chosenLabel = (await firstChoice.getAttribute("data-article-label"))!;
    expect(chosenLabel).toMatch(/^Điều \d+/);
    await firstChoice.click();
    expect(await second.locator("[data-article-chosen]").textContent()).toBe(`Kèm điều luật: ${chosenLabel}`);
    expect(await second.getByRole("button", { name: "Bỏ điều luật" }).isVisible()).toBe(true);
    expect(
      await page.locator("[data-message-slot]").nth(2).getByRole("button", { name: "Bỏ điều luật" }).isVisible(),
    ).toBe(false);
    await world.shot(page, "campaigns-article-picker");
    await Promise.all([
      page.waitForURL(new RegExp(`/console/campaigns/${id}\\?saved=1$`)),
      page.getByRole("button", { name: "Lưu bản nháp" }).click(),
    ]);
    expect(await page.locator("h1").textContent()).toBe(renamed);
    const [edited] = await db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(edited!.audience).toEqual(stored!.audience);
    const storedMessages = stored!.messages as Array<{ text: string; lessonId?: number }>;
    expect(edited!.messages).toEqual([
      { ...storedMessages[0], lessonId: chosenLesson.id },
      { ...storedMessages[1], articleId: chosenArticle },
      ...storedMessages.slice(2),
    ]);
    expect(edited!.startAt).toEqual(stored!.startAt);

    // Preview: the messages per channel, with the lesson button and the unsubscribe hint; the audience forecast.
    const main = page.locator("main");
    expect(await main.textContent()).toContain("Đã lưu bản nháp");
    const preview = page.locator(".channel-preview").first();
    expect(await preview.locator("h3").textContent()).toBe("Trang chat web");
    expect(await preview.textContent()).toContain(`📖 Đọc bài: ${chosenLesson.title.slice(0, 15)}`);
    expect(await preview.textContent()).toContain("📄 Đọc Điều");
    expect(await preview.textContent()).toContain("Hủy nhận tin");
    expect(await page.locator(".stat").textContent()).toBe("3");
    expect(await main.textContent()).toContain("Nếu lên lịch bây giờ: 3 người nhận");

    // A test send to the officer's own web chat: unknown first (the API's error on the field), then theirs.
    await page.getByLabel("Mã cuộc trò chuyện").fill("khong-co-ai");
    await page.getByRole("button", { name: "Gửi thử" }).click();
    await expect.poll(() => page.locator(".field-error").textContent()).toContain("Không tìm thấy cuộc trò chuyện");
    await say(world.app, "can-bo-minh", "menu");
    const ownChat = await signedWebUser(world.app, "can-bo-minh");
    await page.getByLabel("Mã cuộc trò chuyện").fill(ownChat);
    await page.getByRole("button", { name: "Gửi thử" }).click();
    await expect.poll(() => page.locator("#flash").textContent()).toBe("Đã xếp tin thử vào hàng đợi gửi.");
    const polled = await world.app.request(`/web/messages?user=${encodeURIComponent(ownChat)}`);
    const { messages } = (await polled.json()) as { messages: Array<{ kind: string; replies: WebReply[] }> };
    expect(messages.map((m) => m.kind)).toEqual(["campaign_test"]);
    expect(messages[0]!.replies[0]!.text).toMatch(/^\[Tin thử\] Hưởng ứng Ngày Pháp luật/);

    // Schedule, pause, resume: each button answers on the page and the state follows.
    const state = async () => (await db.select().from(campaigns).where(eq(campaigns.id, id)))[0]!.state;
    await page.getByRole("button", { name: "Lên lịch gửi" }).click();
    await expect.poll(state).toBe("scheduled");
    await page.waitForLoadState("load");
    await expect.poll(() => page.locator("#flash").textContent()).toBe("Đã lên lịch.");
    expect(await page.getByRole("button", { name: "Lên lịch gửi" }).count()).toBe(0);
    await page.getByRole("button", { name: "Tạm dừng" }).click();
    await expect.poll(state).toBe("paused");
    await expect.poll(() => page.locator("#campaign-progress").textContent(), LIVE).toContain("Tạm dừng");
    await page.getByRole("button", { name: "Tiếp tục gửi" }).click();
    await expect.poll(state).toBe("scheduled");
    await expect.poll(() => page.getByRole("button", { name: "Tạm dừng" }).count()).toBe(1);
    expect(await page.locator("#campaign-progress").textContent()).toContain("Đã gửi 0/3 người nhận");

    // The sender at Law Day times: an hour in, the first of the spread turns is sent; the next day, all of them.
    const run = (at: string) =>
      sendDueCampaigns({ db, channels: {}, rates: DEFAULT_CAMPAIGN_RATES, now: () => new Date(at) });
    const year = stored!.startAt.getUTCFullYear();
    await run(`${year}-11-01T08:00:00+07:00`);
    const first = (await ledgerStates(db, id)).sent ?? 0;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(3);
    await expect
      .poll(() => page.locator("#campaign-progress").textContent(), LIVE)
      .toContain(`Đã gửi ${first}/3 người nhận`);
    expect(await page.locator("#campaign-progress").textContent()).toContain("Trạng thái: Đang gửi");
    await world.shot(page, "campaigns-detail-running");
    await run(`${year}-11-02T09:00:00+07:00`);
    await run(`${year}-11-02T09:00:05+07:00`);
    expect(await ledgerStates(db, id)).toEqual({ sent: 3 });
    await expect.poll(() => page.locator("#campaign-progress").textContent(), LIVE).toContain("Đã gửi 3/3 người nhận");
    await expect.poll(() => page.locator("#campaign-progress").textContent(), LIVE).toContain("Đã xong");
    await world.shot(page, "campaigns-detail");

    // The list shows it with its badge and bar.
    await page.goto(`${world.baseUrl}/console/campaigns`);
    expect(await page.locator("tbody tr").count()).toBe(1);
    expect(await page.locator("tbody tr").textContent()).toContain("Đã xong");
    expect(await page.locator("tbody .legend").textContent()).toContain("Đã gửi: 3");
    await world.shot(page, "campaigns-list");

    // On a phone the form still fits.
    const phone = await world.loggedIn(officer, PHONE);
    await phone.goto(`${world.baseUrl}/console/campaigns/new?template=law-day`);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await world.shot(phone, "campaigns-new-phone");
    await phone.goto(`${world.baseUrl}/console/campaigns/${id}`);
    await world.shot(phone, "campaigns-detail-phone");

    // Another province's officer: the 404 page, and nothing of the campaign.
    const other = await world.loggedIn(await world.officer("manager", "79"));
    const response = await other.goto(`${world.baseUrl}/console/campaigns/${id}`);
    expect(response?.status()).toBe(404);
    expect(await other.locator("h1").textContent()).toBe("Không tìm thấy");
    expect(await other.locator("main").textContent()).not.toContain(renamed);
    const fragment = await other.goto(`${world.baseUrl}/console/campaigns/${id}/progress`);
    expect(fragment?.status()).toBe(404);
    await other.goto(`${world.baseUrl}/console/campaigns`);
    expect(await other.locator("main").textContent()).toContain("Chưa có chiến dịch nào.");

    expect(world.pageErrors).toEqual([]);
  }, 180_000);

  it("opens the tree two levels down for a national officer: country, then province, then its communes", async () => {
    const page = await world.loggedIn(await world.officer("manager", "VN"));
    await page.goto(`${world.baseUrl}/console/campaigns/new`);
    await page.getByRole("button", { name: "Mở danh sách đơn vị trực thuộc" }).click();
    await page.getByLabel("Thành phố Hà Nội", { exact: true }).waitFor();
    expect(await page.locator(".unit-tree > li > ul > li").count()).toBe(34);
    const hanoi = page.locator('li[data-code="01"]');
    await hanoi.getByRole("button", { name: "Mở danh sách đơn vị trực thuộc" }).click();
    await page.getByLabel(communes[0]!.fullName, { exact: true }).check();
    expect(await page.locator('li[data-code="VN"] > label > input').isChecked()).toBe(false);
    // Filtering keeps a province whose communes match, and hides the provinces that have none.
    await page.getByLabel("Lọc đơn vị").fill(communes[0]!.fullName.toLowerCase());
    expect(await hanoi.isVisible()).toBe(true);
    expect(await page.locator('li[data-code="79"]').isVisible()).toBe(false);
    await hanoi.getByRole("button", { name: "Thu gọn" }).click();
    expect(await page.getByLabel(communes[0]!.fullName, { exact: true }).isVisible()).toBe(false);
    expect(await page.locator("[data-unit-summary]").textContent()).toBe(`Đã chọn 1: ${communes[0]!.fullName}`);
    expect(world.pageErrors).toEqual([]);
  }, 120_000);
});

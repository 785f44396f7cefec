// The chat page in real headless Chromium against the app served by @hono/node-server on the test database: a
// person taps through the menus, reads an article, searches without diacritics, and receives a pushed message.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { eq } from "drizzle-orm";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { contacts, surveyResponses } from "../../../db/schema/index";
import { pushToContact } from "../../../src/conversations/outbox";
import { createTestApp } from "../../support/test-app";
import { createTestDb, testDriver } from "../../support/test-db";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// CI installs Chromium (.ci/run) and must run this; elsewhere, say plainly why it did not run.
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI)
  throw new Error(`Chromium not found at ${CHROMIUM}; CI must run the browser tests`);
if (!haveChromium) console.warn(`Browser tests not run: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

describe.runIf(haveChromium)(`chat page in Chromium (${testDriver})`, () => {
  let dataDir: string;
  let database: DbHandle;
  let server: ServerType;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "loa-browser-"));
    database = await createTestDb({ seed: "quick" });
    server = serve({ fetch: createTestApp(database.db).fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" }); // a phone
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const lastBotMessage = () => page.locator(".msg.bot").last();
  /** Taps a button of the newest reply, once that reply (recognised by `after`) has arrived. */
  const tap = async (name: string | RegExp, after: string) => {
    await expect.poll(() => lastBotMessage().textContent()).toContain(after);
    await page
      .locator(".options")
      .last()
      .getByRole("button", { name, exact: typeof name === "string" })
      .click();
  };

  it("opens with the menu as buttons", async () => {
    await page.goto(`${baseUrl}/chat`);
    await expect.poll(() => page.locator(".options button").count()).toBe(5);
    expect(await page.locator(".options button").allTextContents()).toEqual([
      "📚 Tra cứu văn bản pháp luật",
      "📖 Bài phổ biến pháp luật",
      "🔎 Tìm kiếm",
      "📝 Khảo sát",
      "❓ Hướng dẫn",
    ]);
  });

  it("taps through topic, statute and article", async () => {
    await tap("📚 Tra cứu văn bản pháp luật", "Bạn muốn làm gì?");
    await tap(/Dân sự, hôn nhân và gia đình/, "Chọn lĩnh vực pháp luật");
    await tap("Luật Hôn nhân và gia đình", "Các văn bản thuộc lĩnh vực");
    await tap(/^Điều 8\. Điều kiện kết hôn/, "Chọn điều muốn đọc");
    await expect
      .poll(() => lastBotMessage().textContent())
      .toContain("Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên");
    await page.screenshot({ path: join(process.env.LOA_SCREENSHOT_DIR ?? dataDir, "chat-article.png") });
  });

  it('searches "ly hon" typed without diacritics', async () => {
    await page.locator("#text").fill("ly hon");
    await page.locator("#text").press("Enter");
    await expect.poll(() => lastBotMessage().textContent()).toMatch(/Kết quả tìm kiếm cho "ly hon"/);
    // The hits are the buttons (shown once, not also as a list in the text).
    await expect
      .poll(async () => (await page.locator(".options button").allTextContents()).join("\n"))
      .toMatch(/[Ll]y hôn/);
  });

  it("takes a survey by tapping buttons, consent first", async () => {
    await tap("🏠 Menu chính", "Kết quả tìm kiếm");
    await tap("📝 Khảo sát", "Bạn muốn làm gì?");
    await tap(/Câu trả lời có giúp ích/, "Các khảo sát đang mở");
    await tap("Từ 16 tuổi trở lên", "nhóm tuổi");
    await tap("Đồng ý", "Đơn vị chịu trách nhiệm xử lý dữ liệu");
    await expect.poll(() => lastBotMessage().textContent()).toContain("Câu 1/1");
    await page.screenshot({ path: join(process.env.LOA_SCREENSHOT_DIR ?? dataDir, "chat-survey.png") });
    await tap("Có một phần", "Câu 1/1");
    await expect.poll(() => lastBotMessage().textContent()).toContain("Cảm ơn bạn đã phản hồi!");
    const user = await page.evaluate(() => localStorage.getItem("loa.web.user"));
    const [contact] = await database.db.select().from(contacts).where(eq(contacts.platformId, user!));
    const [response] = await database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.contactId, contact!.id));
    expect(response).toMatchObject({ status: "completed", surveyKey: "answer_feedback", channel: "web" });
  });

  it("shows a message pushed to this person, by polling", async () => {
    const user = await page.evaluate(() => localStorage.getItem("loa.web.user"));
    expect(user).toMatch(/^web-/);
    const [contact] = await database.db.select().from(contacts).where(eq(contacts.platformId, user!));
    await pushToContact(database.db, contact!.id, "test", [{ text: "Cán bộ tư pháp đã trả lời câu hỏi của bạn." }]);
    await expect
      .poll(() => lastBotMessage().textContent(), { timeout: 10_000 })
      .toBe("Cán bộ tư pháp đã trả lời câu hỏi của bạn.");
    // Reloading the page does not show it again: the cursor is remembered.
    await page.reload();
    await expect.poll(() => page.locator(".options button").count()).toBe(5);
    await page.waitForTimeout(500);
    expect(await page.locator(".msg.bot", { hasText: "Cán bộ tư pháp đã trả lời" }).count()).toBe(0);
  });
});

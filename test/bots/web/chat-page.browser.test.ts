// The chat page in real headless Chromium against the app served by @hono/node-server on the test database: a
// person taps through the menus, reads a long article from its top, searches without diacritics, takes a survey,
// receives a pushed message and reloads without losing the conversation; the page's CSP is never violated.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
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
  const consoleErrors: string[] = [];
  // Screenshots are test artifacts (gitignored) for a person to look at.
  const shots = process.env.LOA_SCREENSHOT_DIR ?? join(process.cwd(), "test-results", "chat-page");

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
    // A CSP violation is reported on the console ("Refused to execute inline script…"); so is any script error.
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await mkdir(shots, { recursive: true });
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

  /** The person's bare id: what the page keeps is `<id>.<signature>`. */
  const bareUser = async () => {
    const signed = await page.evaluate(() => localStorage.getItem("loa.web.user"));
    return signed!.slice(0, signed!.lastIndexOf("."));
  };

  it("opens with the menu as buttons, under a CSP, with secure headers", async () => {
    const response = await page.goto(`${baseUrl}/chat`);
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    await expect.poll(() => page.locator(".options button").count()).toBe(6);
    expect(await page.locator(".options button").allTextContents()).toEqual([
      "📚 Tra cứu văn bản pháp luật",
      "📖 Bài phổ biến pháp luật",
      "🔎 Tìm kiếm",
      "📝 Khảo sát",
      "🔔 Đăng ký nhận tin",
      "❓ Hướng dẫn",
    ]);
    expect(consoleErrors).toEqual([]);
  });

  it("makes every button at least 44 px tall", async () => {
    const heights = await page
      .locator("button")
      .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(5);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
  });

  it("taps through topic, statute and article", async () => {
    await tap("📚 Tra cứu văn bản pháp luật", "Bạn muốn làm gì?");
    await tap(/Dân sự, hôn nhân và gia đình/, "Chọn lĩnh vực pháp luật");
    // Statutes are listed with their year and number (law versions): "Luật Hôn nhân và gia đình 2014 (…)".
    await tap(/^Luật Hôn nhân và gia đình/, "Các văn bản thuộc lĩnh vực");
    // Article 3 defines 20-odd terms: far longer than a phone's screen.
    await tap(/^Điều 3\. Giải thích từ ngữ/, "Chọn điều muốn đọc");
    await expect
      .poll(() => lastBotMessage().textContent())
      .toContain("Hôn nhân là quan hệ giữa vợ và chồng sau khi kết hôn");
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, "chat-article.png") });
  });

  it("shows a long article from its first line", async () => {
    const article = page.locator(".msg.bot", { hasText: "Giải thích từ ngữ" }).last();
    const [box, log] = [await article.boundingBox(), await page.locator("#log").boundingBox()];
    expect(box!.height).toBeGreaterThan(log!.height); // really longer than the screen
    // Its top is at the top of the conversation pane (scrolled to its start), not above it.
    expect(box!.y).toBeGreaterThanOrEqual(log!.y - 1);
    expect(box!.y).toBeLessThan(log!.y + 40);
  });

  it('answers "ly hon" typed without diacritics as a question, with cited articles', async () => {
    await page.locator("#text").fill("ly hon");
    await page.locator("#text").press("Enter");
    await expect.poll(() => lastBotMessage().textContent()).toMatch(/Các quy định liên quan đến câu hỏi của bạn/);
    await expect
      .poll(async () => (await page.locator(".options button").allTextContents()).join("\n"))
      .toMatch(/Đọc Điều \d+[\s\S]*Hỏi cán bộ tư pháp/);
  });

  it("takes a survey by tapping buttons, consent first", async () => {
    await tap("🏠 Menu chính", "Câu trả lời có giúp ích cho bạn không?");
    await tap("📝 Khảo sát", "Bạn muốn làm gì?");
    await tap(/Câu trả lời có giúp ích/, "Các khảo sát đang mở");
    await tap("Từ 16 tuổi trở lên", "nhóm tuổi");
    await tap("Đồng ý", "Đơn vị chịu trách nhiệm xử lý dữ liệu");
    await expect.poll(() => lastBotMessage().textContent()).toContain("Câu 1/1");
    await page.screenshot({ path: join(shots, "chat-survey.png") });
    await tap("Có một phần", "Câu 1/1");
    await expect.poll(() => lastBotMessage().textContent()).toContain("Cảm ơn bạn đã phản hồi!");
    const [contact] = await database.db
      .select()
      .from(contacts)
      .where(eq(contacts.platformId, await bareUser()));
    const [response] = await database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.contactId, contact!.id));
    expect(response).toMatchObject({ status: "completed", surveyKey: "answer_feedback", channel: "web" });
  });

  it("shows a message pushed to this person, by polling", async () => {
    const user = await bareUser();
    expect(user).toMatch(/^web-/);
    const [contact] = await database.db.select().from(contacts).where(eq(contacts.platformId, user));
    await pushToContact(database.db, contact!.id, "test", [{ text: "Cán bộ tư pháp đã trả lời câu hỏi của bạn." }]);
    await expect
      .poll(() => lastBotMessage().textContent(), { timeout: 10_000 })
      .toBe("Cán bộ tư pháp đã trả lời câu hỏi của bạn.");
  });

  it("keeps the conversation across a reload, without showing a pushed message twice", async () => {
    const before = await page.locator("#log > *").allTextContents();
    expect(before.length).toBeGreaterThan(10);
    const signedBefore = await page.evaluate(() => localStorage.getItem("loa.web.user"));
    await page.reload();
    await expect.poll(() => page.locator("#log > *").count()).toBe(before.length);
    await page.waitForTimeout(500); // a poll has run by now
    expect(await page.locator("#log > *").allTextContents()).toEqual(before);
    expect(await page.locator(".msg.bot", { hasText: "Cán bộ tư pháp đã trả lời" }).count()).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem("loa.web.user"))).toBe(signedBefore);
    // The conversation goes on where it was.
    await page.locator("#text").fill("menu");
    await page.locator("#text").press("Enter");
    await expect.poll(() => page.locator(".options").last().getByRole("button").count()).toBe(6);
    await page.screenshot({ path: join(shots, "chat-after-reload.png") });
    expect(consoleErrors).toEqual([]);
  });
});

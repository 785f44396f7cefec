// The Q&A inbox in Chromium, end to end: a citizen on the web chat page (a phone, its own browser context) asks a
// question and taps "Hỏi cán bộ tư pháp"; an officer of the commune's province logs into the console, finds it in the
// inbox, claims it, answers it citing an article chosen with the article picker, and the answer with "Căn cứ: …"
// arrives on the citizen's chat page. Then promote and close; a second officer's answer refused with the API's
// message (409); an overdue question highlighted and filtered; another province's officer gets the 404 page.
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedAnswers, contacts, questions, units } from "../../db/schema/index";
import { flagOverdueQuestions } from "../../src/qa/question-service";
import { type ConsoleOfficer, type ConsoleWorld, haveChromium, openConsoleWorld } from "../support/console-browser";
import { testDriver } from "../support/test-db";

const QUESTION = "Vợ tôi bỏ đi biệt tích 3 năm nay, không liên lạc được. Tôi có ly hôn một mình được không?";
const ANSWER =
  "Anh có thể nộp đơn ly hôn theo yêu cầu của một bên tới Tòa án nhân dân khu vực. Vợ anh đã bị Tòa án tuyên bố " +
  "mất tích thì Tòa án giải quyết cho ly hôn. <b>Không</b> cần chữ ký của vợ.";

describe.runIf(haveChromium)(`console Q&A inbox in Chromium (${testDriver})`, () => {
  let world: ConsoleWorld;
  let lan: ConsoleOfficer;
  let officerPage: Page;
  let citizen: Page;
  let questionId: string;

  const unitId = async (code: string) =>
    (await world.database.db.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]!.id;

  /** A question written straight into the inbox of `unitCode` (what the chat's escalation stores). */
  const storedQuestion = async (unitCode: string, text: string, dueAt: Date) => {
    const db = world.database.db;
    const [contact] = await db
      .insert(contacts)
      .values({ channel: "web", platformId: `web-console-${Math.random().toString(36).slice(2)}` })
      .returning({ id: contacts.id });
    const [row] = await db
      .insert(questions)
      .values({ contactId: contact!.id, channel: "web", text, unitId: await unitId(unitCode), dueAt })
      .returning({ id: questions.id });
    return row!.id;
  };

  beforeAll(async () => {
    world = await openConsoleWorld();
    lan = await world.officer("officer", "01", "Nguyễn Thị Lan");
  }, 120_000);
  afterAll(() => world?.close());

  it("a citizen asks on the web chat page and sends the question to the officers", async () => {
    citizen = await world.anonymous({ width: 390, height: 844 });
    await citizen.goto(`${world.baseUrl}/chat`);
    await expect.poll(() => citizen.locator(".options button").count()).toBe(6);
    await citizen.locator("#text").fill(QUESTION);
    await citizen.locator("#text").press("Enter");
    const askOfficer = citizen.locator(".options").last().getByRole("button", { name: "🙋 Hỏi cán bộ tư pháp" });
    await askOfficer.waitFor();

    // The citizen named their commune earlier (a survey's unit question): Phường Ba Đình, Hà Nội.
    const signed = await citizen.evaluate(() => localStorage.getItem("loa.web.user"));
    const platformId = signed!.slice(0, signed!.lastIndexOf("."));
    await world.database.db
      .update(contacts)
      .set({ unitId: await unitId("00004") })
      .where(eq(contacts.platformId, platformId));

    await askOfficer.click();
    await expect
      .poll(() => citizen.locator(".msg.bot").last().textContent())
      .toContain("Phường Ba Đình, Thành phố Hà Nội");
    await citizen.locator(".options").last().getByRole("button", { name: "✅ Gửi câu hỏi" }).click();
    await expect
      .poll(() => citizen.locator(".msg.bot").last().textContent())
      .toMatch(/^Câu hỏi đã được gửi đến cán bộ tư pháp của Phường Ba Đình/);
    const [stored] = await world.database.db.select().from(questions).where(eq(questions.text, QUESTION));
    expect(stored).toMatchObject({ status: "open", channel: "web" });
    questionId = stored!.id;
  });

  it("the province's officer sees it in the inbox, with its unit and due date in Vietnamese time", async () => {
    officerPage = await world.loggedIn(lan);
    await officerPage.getByRole("navigation", { name: "Các mục" }).getByRole("link", { name: "Hỏi đáp" }).click();
    await officerPage.waitForURL(/\/console\/questions$/);
    const row = officerPage.locator(`tr[data-question="${questionId}"]`);
    expect(await row.textContent()).toContain("Vợ tôi bỏ đi biệt tích 3 năm nay");
    expect(await row.textContent()).toContain("Phường Ba Đình, Thành phố Hà Nội");
    expect(await row.textContent()).toMatch(/Đang\schờ/);
    const [stored] = await world.database.db.select().from(questions).where(eq(questions.id, questionId));
    const due = stored!.dueAt;
    // Due at the end of a working day in Vietnam: 23:59 there, whatever the server's zone.
    const local = new Date(due.getTime() + 7 * 3600_000).toISOString();
    const dueCell = await row.locator("td").nth(1).textContent();
    expect(dueCell).toContain(`${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`);
    expect(dueCell).toContain(local.slice(11, 16));
    await world.shot(officerPage, "questions-inbox");
  });

  it("claims it, answers citing an article picked by words, and the answer arrives in the chat", async () => {
    await officerPage.getByRole("link", { name: /Vợ tôi bỏ đi biệt tích/ }).click();
    await officerPage.waitForURL(new RegExp(`/console/questions/${questionId}$`));
    expect(await officerPage.locator("[data-question-text]").textContent()).toBe(QUESTION);
    expect(await officerPage.locator("main").textContent()).toContain("Trang web");
    await world.shot(officerPage, "question-detail-open");

    await officerPage.getByRole("button", { name: "Nhận trả lời" }).click();
    await expect.poll(() => officerPage.locator("#flash").textContent()).toBe("Bạn đã nhận trả lời câu hỏi này.");
    expect(await officerPage.locator("main").textContent()).toContain("Nguyễn Thị Lan");
    expect(await officerPage.getByRole("button", { name: "Nhận trả lời" }).count()).toBe(0);

    await officerPage.getByLabel(/^Câu trả lời/).fill(ANSWER);
    const search = officerPage.getByLabel("Tìm điều luật để trích dẫn");
    await search.fill("ly hôn theo yêu cầu của một bên");
    await search.press("Enter"); // searches; does not send the answer
    const pick = officerPage.getByRole("button", { name: "Chọn Điều 56 Luật Hôn nhân và gia đình" });
    await pick.waitFor();
    await pick.click();
    await pick.click(); // twice: still one citation
    expect(await officerPage.locator("[data-picked] li").allTextContents()).toEqual([
      "Điều 56 Luật Hôn nhân và gia đình Bỏ",
    ]);
    await world.shot(officerPage, "question-detail-picking");

    await officerPage.getByRole("button", { name: "Gửi câu trả lời" }).click();
    await expect.poll(() => officerPage.locator("#flash").textContent()).toBe("Đã gửi câu trả lời tới người hỏi.");
    const answer = officerPage.locator("[data-answer]");
    expect(await answer.locator("pre").textContent()).toBe(ANSWER); // the <b> is text, not markup
    expect(await answer.locator("[data-citations]").textContent()).toBe("Căn cứ: Điều 56 Luật Hôn nhân và gia đình");
    expect(await officerPage.locator(".heading").textContent()).toMatch(/Đã\strả\slời/);
    await world.shot(officerPage, "question-detail-answered");

    // The citizen's page polls and shows it, with its legal basis and the rating buttons.
    const answered = citizen.locator(".msg.bot", { hasText: "đã trả lời câu hỏi của bạn" });
    await answered.waitFor({ timeout: 15_000 });
    const text = await answered.textContent();
    expect(text).toContain("Cán bộ tư pháp của Phường Ba Đình, Thành phố Hà Nội đã trả lời câu hỏi của bạn");
    expect(text).toContain(ANSWER);
    expect(text).toContain("Căn cứ: Điều 56 Luật Hôn nhân và gia đình");
    await citizen.waitForTimeout(300);
    await world.shot(citizen, "question-answer-in-chat");
  });

  it("promotes the answer to an approved answer, then closes the question", async () => {
    await officerPage
      .getByLabel("Câu hỏi mẫu")
      .fill("Vợ bỏ đi biệt tích nhiều năm, chồng có ly hôn một mình được không?");
    await officerPage.getByRole("button", { name: "Đưa vào câu trả lời mẫu" }).click();
    await expect.poll(() => officerPage.locator("#flash").textContent()).toBe("Đã đưa vào câu trả lời mẫu.");
    const [approved] = await world.database.db
      .select()
      .from(approvedAnswers)
      .where(eq(approvedAnswers.sourceQuestionId, questionId));
    expect(approved).toMatchObject({
      question: "Vợ bỏ đi biệt tích nhiều năm, chồng có ly hôn một mình được không?",
      answer: ANSWER,
      status: "published",
    });
    expect(await officerPage.locator("[data-answer]").textContent()).toContain(
      `Đã là câu trả lời mẫu #${approved!.id}`,
    );
    expect(await officerPage.getByRole("button", { name: "Đưa vào câu trả lời mẫu" }).count()).toBe(0);

    officerPage.once("dialog", (dialog) => dialog.accept());
    await officerPage.getByRole("button", { name: "Đóng câu hỏi" }).click();
    await expect.poll(() => officerPage.locator("#flash").textContent()).toBe("Đã đóng câu hỏi.");
    expect(await officerPage.locator(".heading").textContent()).toMatch(/Đã\sđóng/);
    const [closed] = await world.database.db.select().from(questions).where(eq(questions.id, questionId));
    expect(closed!.status).toBe("closed");
  });

  it("shows the API's refusal when another officer has claimed the question", async () => {
    const id = await storedQuestion(
      "00004",
      "Tôi muốn đăng ký tạm trú cho con thì cần giấy tờ gì?",
      new Date(Date.now() + 3 * 86_400_000),
    );
    const other = await world.officer("officer", "01", "Trần Văn Minh");
    const otherPage = await world.loggedIn(other);
    await otherPage.goto(`${world.baseUrl}/console/questions/${id}`);
    await otherPage.getByRole("button", { name: "Nhận trả lời" }).click();
    await expect.poll(() => otherPage.locator("#flash").textContent()).toBe("Bạn đã nhận trả lời câu hỏi này.");

    await officerPage.goto(`${world.baseUrl}/console/questions/${id}`);
    expect(await officerPage.locator("main").textContent()).toContain(
      "Câu hỏi đã được Trần Văn Minh nhận; chỉ người nhận mới trả lời được.",
    );
    await officerPage.getByLabel(/^Câu trả lời/).fill("Cần giấy khai sinh của con.");
    await officerPage.getByRole("button", { name: "Gửi câu trả lời" }).click();
    await expect
      .poll(() => officerPage.locator("form .form-error").textContent())
      .toBe("Câu hỏi đã được Trần Văn Minh nhận; chỉ người nhận mới trả lời được");
    const [row] = await world.database.db.select().from(questions).where(eq(questions.id, id));
    expect(row!.status).toBe("claimed");
  });

  it("highlights an overdue question and filters to it", async () => {
    const id = await storedQuestion(
      "00004",
      "Hàng xóm xây nhà lấn sang đất nhà tôi thì tôi phải làm gì?",
      new Date(Date.now() - 2 * 86_400_000),
    );
    expect(await flagOverdueQuestions(world.database.db, new Date())).toBeGreaterThanOrEqual(1);
    await officerPage.goto(`${world.baseUrl}/console/questions`);
    const row = officerPage.locator(`tr[data-question="${id}"]`);
    expect(await row.getAttribute("class")).toBe("overdue");
    expect(await row.locator(".badge.bad").textContent()).toBe("Quá\u00a0hạn");
    expect(await officerPage.locator("tr.overdue").count()).toBe(1);

    await officerPage.getByLabel("Chỉ câu hỏi quá hạn").check();
    await officerPage.getByRole("button", { name: "Lọc" }).click();
    await officerPage.waitForURL(/overdue=1/);
    expect(await officerPage.locator("tbody tr").count()).toBe(1);
    expect(await officerPage.locator("tbody tr").getAttribute("data-question")).toBe(id);

    await officerPage.getByLabel("Tìm trong câu hỏi").fill("không có câu này");
    await officerPage.getByRole("button", { name: "Lọc" }).click();
    await officerPage.waitForURL(/q=/);
    expect(await officerPage.locator("main .card").first().textContent()).toContain("Chưa có câu hỏi nào khớp bộ lọc.");

    // On a phone: the table scrolls sideways inside its card.
    const phone = await world.loggedIn(lan, { width: 390, height: 844 });
    await phone.goto(`${world.baseUrl}/console/questions`);
    expect(await phone.locator("tr.overdue").count()).toBe(1);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await world.shot(phone, "questions-inbox-phone");
    await phone.goto(`${world.baseUrl}/console/questions/${id}`);
    await world.shot(phone, "question-detail-phone");
    await world.shot(officerPage, "questions-inbox-filtered");
  });

  it("gives another province's officer the 404 page for the question's address", async () => {
    const outsider = await world.officer("officer", "79", "Lê Thị Hồng");
    const page = await world.loggedIn(outsider);
    const response = await page.goto(`${world.baseUrl}/console/questions/${questionId}`);
    expect(response!.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Không tìm thấy");
    expect(await page.locator("main").textContent()).not.toContain("biệt tích");
    await page.goto(`${world.baseUrl}/console/questions`);
    expect(await page.locator("main").textContent()).toContain("Chưa có câu hỏi nào.");
    expect(world.pageErrors).toEqual([]);
  });
});

// What the hostile and citizen trials found in the engine, each through the web route on the real database:
// emoji at a cut, long input, greetings, "điều 51", wording, and survey labels.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { lessons } from "../../db/schema/index";
import { messages } from "../../src/engine/messages";
import { surveyMessages } from "../../src/engine/survey-messages";
import { searchVectorLiteral } from "../../src/text/search-terms";
import { loadSurveys } from "../../surveys/catalog";
import { yesNoOptions } from "../../surveys/schema";
import { seedLessons } from "../../db/seed/lessons";
import { createTestApp, optionValue, say, type WebReply } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe(`citizen and hostile trial findings in the engine (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    app = createTestApp(handle.db);
  });
  afterAll(async () => handle?.close());

  const last = (replies: WebReply[]) => replies.at(-1)!;

  it("C1: an emoji straddling the 200-character search cut is not split (200, not 500)", async () => {
    const replies = await say(app, "c1-user", `ly hôn ${"x".repeat(192)}😀 abc`);
    expect(JSON.stringify(replies)).not.toMatch(LONE_SURROGATE);
    const next = await say(app, "c1-user", "menu");
    expect(last(next).options.length).toBeGreaterThan(0);
  });

  it("C2: an emoji at the cut point of a lesson title keeps the lesson list working", async () => {
    const title = `${"Bài học về quyền trẻ em ".repeat(3).slice(0, 62)}😀 và gia đình`;
    await handle.db.insert(lessons).values({
      slug: "emoji-at-cut",
      title,
      summary: "Tóm tắt",
      body: "Nội dung",
      status: "published",
      ordinal: -1,
      publishedAt: new Date(),
      search: searchVectorLiteral([{ text: title, weight: "A" }]),
    });
    const list = await say(app, "c2-user", "lessons");
    const labels = last(list).options.map((o) => o.label);
    const cut = labels.find((l) => l.startsWith("Bài học về quyền trẻ em"))!;
    expect(cut).toBeDefined();
    expect(cut).not.toMatch(LONE_SURROGATE);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(64);
    // And again: the stored session and reply are readable on the next message.
    expect(last(await say(app, "c2-user", "lessons")).options.length).toBe(last(list).options.length);
  });

  it("D4: labels are cut at a word boundary with …", async () => {
    const list = await say(app, "d4-user", "khảo sát");
    const title = loadSurveys().find((s) => s.key === "pbgdpl_satisfaction")!.title;
    const label = last(list).options.find((o) => o.value === "survey:pbgdpl_satisfaction")!.label;
    expect(title.length).toBeGreaterThan(64);
    expect(label.endsWith("…")).toBe(true);
    const kept = label.slice(0, -1);
    expect(title.startsWith(kept)).toBe(true);
    expect(title[kept.length]).toMatch(/[\s,]/);
  });

  it("D6: greetings, thanks and ok get a friendly word and the menu, not a search", async () => {
    for (const text of ["xin chào", "Chào bạn", "chao ban a", "cảm ơn", "Cám ơn bạn nhé!", "cam on", "ok", "OK ạ"]) {
      const replies = await say(app, "d6-user", text);
      expect(replies.map((r) => r.text).join("\n"), text).not.toMatch(/Kết quả tìm kiếm|Các quy định liên quan/);
      expect(replies.map((r) => r.text).join("\n"), text).not.toContain("chưa tìm thấy");
      expect(
        last(replies).options.map((o) => o.value),
        text,
      ).toEqual(["topics", "lessons", "search", "survey", "subs", "help"]);
    }
    // A real question that starts like a greeting is still searched.
    expect((await say(app, "d6-user", "chào cờ ly hôn"))[0]!.text).not.toBe(messages.smallTalk.greeting);
  });

  it('D7: "điều 51" opens article 51 of the statute being read; "điều 51 luật hôn nhân" from anywhere', async () => {
    const user = "d7-user";
    const topics = await say(app, user, "topics");
    const family = await say(app, user, optionValue(topics, "hôn nhân"));
    const law = await say(app, user, optionValue(family, "Luật Hôn nhân"));
    expect(last(law).text).toContain("Chọn điều muốn đọc (trang 1/14):");
    const article = await say(app, user, "điều 51");
    expect(last(article).text).toMatch(/^Luật Hôn nhân và gia đình 2014 \(52\/2014\/QH13\)\nĐiều 51\. /);
    // While reading an article, another number opens that article of the same statute.
    const other = await say(app, user, "Điều 8");
    expect(last(other).text).toContain("Điều 8. Điều kiện kết hôn");
    const missing = await say(app, user, "điều 999");
    expect(last(missing).text).toContain("từ Điều 1 đến Điều 133");

    await say(app, user, "menu");
    const anywhere = await say(app, user, "dieu 51 luat hon nhan");
    expect(last(anywhere).text).toMatch(/^Luật Hôn nhân và gia đình 2014 \(52\/2014\/QH13\)\nĐiều 51\. /);
    const which = await say(app, "d7-other", "điều 51");
    expect(last(which).text).toBe(messages.articleLookup.which);
    const unknown = await say(app, "d7-other", "điều 5 luật không có");
    expect(last(unknown).text).toContain("chưa tìm thấy văn bản nào");
  });

  it("D9: wording the trial asked for", async () => {
    expect(yesNoOptions.find((o) => o.code === "dk")!.label).toBe("Không rõ");
    const quiz = loadSurveys().find((s) => s.key === "law_day_quiz")!;
    const marriage = quiz.questions.find((q) => q.id === "q1_marriage_age")!;
    expect(marriage.type === "quiz" && marriage.explanation).toContain("tính từ ngày sinh nhật lần thứ 20");
    const said = JSON.stringify([messages, surveyMessages.erase, surveyMessages.reprompt, loadSurveys(), seedLessons]);
    const consent = surveyMessages.consent({
      title: "t",
      purpose: "p",
      controller: "c",
      collected: ["x"],
      sensitive: [],
      anonymous: false,
    });
    for (const text of [said, consent]) {
      expect(text).not.toMatch(/huỷ|xoá|Huỷ|Xoá/);
      expect(text).not.toMatch(/\b0\d năm/);
    }
    expect(consent).toContain('"hủy"');
    expect(consent).toContain('"xóa dữ liệu"');
    // Input accepts both spellings.
    expect((await say(app, "d9-user", "Huỷ"))[0]!.text).toBe(messages.welcome);
  });
});

// The engine against the real content repository on a test database: no stand-in for the content it reads.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { handle, type EngineResult } from "../../src/engine/handle";
import type { EngineDeps } from "../../src/engine/ports";
import { newSession, restoreSession, sessionSchema, type Session } from "../../src/engine/session";
import { engineDeps } from "../support/engine-deps";
import { createTestDb, testDriver } from "../support/test-db";

describe(`conversation engine (${testDriver})`, () => {
  let db: DbHandle;
  let deps: EngineDeps;
  const contactId = crypto.randomUUID();

  beforeAll(async () => {
    db = await createTestDb({ seed: "quick" });
    deps = engineDeps(db.db);
  });
  afterAll(async () => db?.close());

  /** Runs a conversation, each message on the session the previous one left. */
  async function converse(...texts: string[]): Promise<EngineResult> {
    let session: Session = newSession();
    let result: EngineResult | undefined;
    for (const text of texts) {
      result = await handle({ text, contactId }, session, deps);
      session = result.session;
    }
    return result!;
  }
  const options = (r: EngineResult) => r.replies.at(-1)!.options ?? [];
  const pick = (r: EngineResult, label: string) => {
    const index = options(r).findIndex((o) => o.label.includes(label));
    if (index < 0)
      throw new Error(
        `no option "${label}" in ${options(r)
          .map((o) => o.label)
          .join(" | ")}`,
      );
    return String(index + 1);
  };

  it("greets with the main menu and remembers its options", async () => {
    const result = await converse("xin chào bạn");
    const menu = await converse("menu");
    expect(menu.replies[0]!.text).toContain("Loa");
    expect(menu.session.options).toEqual(["topics", "lessons", "search", "survey", "subs", "help"]);
    expect(sessionSchema.parse(result.session)).toEqual(result.session);
  });

  it("browses topic → statute → article by numbers, as on a channel without buttons", async () => {
    const topics = await converse("menu", "1");
    expect(topics.session.screen).toEqual({ kind: "topics" });
    const family = await handle({ text: pick(topics, "hôn nhân"), contactId }, topics.session, deps);
    expect(family.session.screen.kind).toBe("documents");
    const law = await handle({ text: pick(family, "Luật Hôn nhân"), contactId }, family.session, deps);
    expect(law.replies[0]!.text).toContain("Luật Hôn nhân và gia đình 2014 (52/2014/QH13) (133 điều)");
    const article = await handle({ text: pick(law, "Điều 8."), contactId }, law.session, deps);
    expect(article.replies[0]!.text).toContain("Điều 8. Điều kiện kết hôn");
    expect(article.replies[0]!.text).toContain("Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên");
    const next = await handle({ text: pick(article, "Điều 9 ▶"), contactId }, article.session, deps);
    expect(next.replies[0]!.text).toContain("Điều 9.");
    const list = await handle({ text: pick(next, "Danh sách điều"), contactId }, next.session, deps);
    expect(list.session.screen).toMatchObject({ kind: "articles", page: 1 });
  });

  it("pages forward and back through a long statute", async () => {
    const topics = await converse("menu", "1");
    const family = await handle({ text: pick(topics, "hôn nhân"), contactId }, topics.session, deps);
    const law = await handle({ text: pick(family, "Luật Hôn nhân"), contactId }, family.session, deps);
    const page2 = await handle({ text: pick(law, "Trang sau"), contactId }, law.session, deps);
    expect(page2.replies[0]!.text).toContain("(trang 2/14)");
    expect(options(page2)[0]!.label).toMatch(/^Điều 11\./);
    const back = await handle({ text: pick(page2, "Trang trước"), contactId }, page2.session, deps);
    expect(options(back)[0]!.label).toMatch(/^Điều 1\./);
  });

  it("picks an option by its text, with or without diacritics or emoji, as on a channel without buttons", async () => {
    const menu = await converse("menu");
    expect(menu.session.labels).toEqual([
      "tra cuu van ban phap luat",
      "bai pho bien phap luat",
      "tim kiem",
      "khao sat",
      "dang ky nhan tin",
      "huong dan",
    ]);
    for (const typed of ["Bài phổ biến pháp luật", "bai pho bien phap luat", "📖 BÀI PHỔ BIẾN PHÁP LUẬT"]) {
      const lessons = await handle({ text: typed, contactId }, menu.session, deps);
      expect(lessons.session.screen).toEqual({ kind: "lessons", page: 1 });
    }
    const topics = await handle({ text: "tra cuu van ban phap luat", contactId }, menu.session, deps);
    expect(topics.session.screen).toEqual({ kind: "topics" });
    // The command words still work; a session saved before labels existed takes the text as a question.
    expect((await handle({ text: "bai pho bien", contactId }, menu.session, deps)).session.screen.kind).toBe("lessons");
    const { labels: _, ...older } = menu.session;
    expect((await handle({ text: "tim kiem phap luat", contactId }, older, deps)).session.screen.kind).toBe(
      "qa_answer",
    );
  });

  it("says so when a number is not among the options, and keeps the session", async () => {
    const menu = await converse("menu");
    const wrong = await handle({ text: "9", contactId }, menu.session, deps);
    expect(wrong.replies[0]!.text).toContain("từ 1 đến 6");
    expect(wrong.session).toEqual(menu.session);
  });

  it('goes back to the menu with "huỷ" from anywhere', async () => {
    const deep = await converse("menu", "1", "1", "1");
    const cancelled = await handle({ text: "Huỷ", contactId }, deep.session, deps);
    expect(cancelled.session.screen).toEqual({ kind: "menu" });
  });

  it("searches on the search screen, pages results and opens a hit", async () => {
    const results = await converse("search", "ly hon");
    expect(results.session.screen).toEqual({ kind: "search_results", query: "ly hon", page: 1 });
    const page2 = await handle({ text: pick(results, "Trang sau"), contactId }, results.session, deps);
    expect(page2.session.screen).toMatchObject({ page: 2 });
    // Shown once: the hits are the buttons, the text carries no second, numbered copy of them.
    expect(page2.replies[0]!.text).toMatch(/^Kết quả tìm kiếm cho "ly hon" \(\d+ kết quả\) \(trang 2\/\d+\)\./);
    expect(page2.replies[0]!.text).not.toMatch(/\n\d+\. /);
    expect(options(page2).filter((o) => /^(art|lesson):/.test(o.value))).toHaveLength(10);
    const opened = await handle({ text: "1", contactId }, page2.session, deps);
    expect(opened.session.screen.kind).toMatch(/article|lesson/);
  });

  it("prompts for a search and runs the next message as the query", async () => {
    const prompt = await converse("menu", "3");
    expect(prompt.session.screen).toEqual({ kind: "search_prompt" });
    const results = await handle({ text: "đăng ký tạm trú", contactId }, prompt.session, deps);
    expect(results.replies[0]!.text).toContain('Kết quả tìm kiếm cho "đăng ký tạm trú"');
  });

  it("reads a lesson and opens the article it cites", async () => {
    const lessons = await converse("menu", "2");
    const lesson = await handle({ text: pick(lessons, "kết hôn"), contactId }, lessons.session, deps);
    expect(lesson.replies[0]!.text).toContain("Căn cứ pháp lý:");
    const cited = await handle({ text: pick(lesson, "Đọc Điều 8"), contactId }, lesson.session, deps);
    expect(cited.replies[0]!.text).toContain("Điều 8. Điều kiện kết hôn");
  });

  it("answers politely when nothing is found or the message is empty", async () => {
    const none = await converse("xyzzyq qwxv");
    expect(none.replies[0]!.text).toContain("chưa tìm thấy");
    const empty = await converse("   ");
    expect(empty.replies[0]!.text).toContain("chưa nhận được nội dung");
    const gone = await converse("art:999999");
    expect(gone.replies[0]!.text).toContain("không còn nữa");
  });

  it("starts over from a stored session that no longer parses", () => {
    expect(restoreSession({ version: 99, screen: "??" })).toEqual(newSession());
    expect(restoreSession(null)).toEqual(newSession());
  });

  it("always answers, with a valid session, whatever is typed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.constantFrom("1", "2", "3", "9", "menu", "huỷ", "search:p2", "doc:1:p99", "art:1"),
          ),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        async (texts) => {
          let session = newSession();
          for (const text of texts) {
            const result = await handle({ text, contactId }, session, deps);
            expect(result.replies.length).toBeGreaterThan(0);
            for (const reply of result.replies) expect(reply.text.length).toBeGreaterThan(0);
            session = sessionSchema.parse(result.session);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

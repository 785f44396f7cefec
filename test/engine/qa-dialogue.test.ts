// The Q&A dialogue in the engine, on a real test database: a question gets cited articles (or an approved answer
// with its legal basis), a rating is described as a de-identified effect linked to what it rates, and "Hỏi cán bộ
// tư pháp" says where the question goes and what is sent before the escalation effect is produced. Assertions do
// not depend on the retrieval's exact ranking (the provisional source is replaced by the retrieval index).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { approvedAnswers } from "../../db/schema/index";
import { handle, type EngineResult } from "../../src/engine/handle";
import type { EngineDeps } from "../../src/engine/ports";
import { newSession, restoreSession, type Session } from "../../src/engine/session";
import { engineDeps } from "../support/engine-deps";
import { createTestDb, testDriver } from "../support/test-db";

describe(`Q&A dialogue (${testDriver})`, () => {
  let db: DbHandle;
  let deps: EngineDeps;
  const contactId = crypto.randomUUID();
  const now = new Date("2026-11-20T03:00:00Z");

  beforeAll(async () => {
    db = await createTestDb({ seed: "quick" });
    deps = engineDeps(db.db, { now: () => now });
  });
  afterAll(async () => db?.close());

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
  const labels = (r: EngineResult) => options(r).map((o) => o.label);

  it("answers free text with up to three cited articles, each with a button, rating and ask-an-officer", async () => {
    const answer = await converse("Điều kiện kết hôn là gì?");
    const text = answer.replies.map((r) => r.text).join("\n");
    expect(text).toMatch(/^Các quy định liên quan đến câu hỏi của bạn:\n\n1\. Điều \d+\w? .+/);
    expect(text).toContain("Câu trả lời có giúp ích cho bạn không?");
    const reads = options(answer).filter((o) => o.value.startsWith("art:"));
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads.length).toBeLessThanOrEqual(3);
    expect(reads.every((o) => o.label.startsWith("📄 Đọc Điều "))).toBe(true);
    expect(labels(answer)).toEqual(
      expect.arrayContaining(["Có, rất hữu ích", "Có một phần", "Không", "🙋 Hỏi cán bộ tư pháp", "🏠 Menu chính"]),
    );
    expect(answer.session.screen).toMatchObject({ kind: "qa_answer", question: "Điều kiện kết hôn là gì?" });
    expect(answer.effects).toEqual([]);
    // The article button opens the article in full.
    const opened = await handle({ text: reads[0]!.value, contactId }, answer.session, deps);
    expect(opened.session.screen.kind).toBe("article");
  });

  it("says kindly when nothing is found, and still offers an officer and the menu", async () => {
    const none = await converse("zzqx wvvy kkjh");
    expect(none.replies[0]!.text).toContain("Tôi chưa tìm thấy quy định nào phù hợp");
    expect(options(none).map((o) => o.value)).toEqual(["ask_officer", "topics", "menu"]);
  });

  it("keeps small talk, article commands and the explicit search screen as they were", async () => {
    expect((await converse("cảm ơn nhé")).session.screen.kind).toBe("menu");
    expect((await converse("điều 8 luật hôn nhân")).session.screen.kind).toBe("article");
    expect((await converse("search", "kết hôn")).session.screen.kind).toBe("search_results");
  });

  it("tells where the question goes and what is sent, then escalates only on confirmation", async () => {
    const answer = await converse("Điều kiện kết hôn là gì?");
    const confirm = await handle({ text: "ask_officer", contactId }, answer.session, deps);
    expect(confirm.replies[0]!.text).toContain("cơ quan Tư pháp trung ương");
    expect(confirm.replies[0]!.text).toContain("chậm nhất vào ngày 27/11/2026");
    expect(confirm.replies[0]!.text).toContain('nội dung câu hỏi "Điều kiện kết hôn là gì?"');
    expect(confirm.effects).toEqual([]);
    expect(options(confirm).map((o) => o.value)).toEqual(["ask_send", "ask_cancel"]);

    const sent = await handle({ text: "1", contactId }, confirm.session, deps);
    expect(sent.replies[0]!.text).toContain("Câu hỏi đã được gửi đến cán bộ tư pháp của cơ quan Tư pháp trung ương");
    expect(sent.effects).toEqual([
      expect.objectContaining({
        type: "escalate_question",
        text: "Điều kiện kết hôn là gì?",
        dueAt: "2026-11-27T16:59:59.999Z",
        unitId: expect.any(Number),
      }),
    ]);
    const effect = sent.effects[0] as Extract<EngineResult["effects"][number], { type: "escalate_question" }>;
    expect(effect.articles.length).toBeGreaterThan(0);
    expect(effect.articles[0]).toMatchObject({ document: expect.any(String), article: expect.any(String) });
    expect(sent.session.screen.kind).toBe("menu");

    // Declining sends nothing; a stale "send" (no confirmation on screen) sends nothing either.
    const declined = await handle({ text: "ask_cancel", contactId }, confirm.session, deps);
    expect(declined.effects).toEqual([]);
    const stale = await handle({ text: "ask_send", contactId }, sent.session, deps);
    expect(stale.effects).toEqual([]);
    expect((await converse("ask_officer")).replies[0]!.text).toContain("Bạn hãy gõ câu hỏi của mình trước");
  });

  it("rates the answer on screen as a de-identified effect linked to the articles shown", async () => {
    const answer = await converse("Điều kiện kết hôn là gì?");
    const rated = await handle({ text: "fb:partly", contactId }, answer.session, deps);
    expect(rated.replies[0]!.text).toBe("Cảm ơn bạn đã phản hồi!");
    const screen = answer.session.screen as { articleIds: number[] };
    expect(rated.effects).toEqual([
      expect.objectContaining({
        type: "rate_answer",
        code: "partly",
        approvedAnswerId: null,
        questionId: null,
        articleIds: screen.articleIds,
      }),
    ]);
    // An unknown code, or a rating with no answer on screen, is thanked and stores nothing.
    expect((await handle({ text: "fb:great", contactId }, answer.session, deps)).effects).toEqual([]);
    expect((await converse("fb:yes")).effects).toEqual([]);
  });

  it("gives an approved answer with its legal basis (matched with or without diacritics)", async () => {
    await db.db.insert(approvedAnswers).values({
      question: "Bao nhiêu tuổi thì được kết hôn?",
      answer: "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi.",
      citations: [{ document: "Luật Hôn nhân và gia đình", article: "8", articleId: null }],
    });
    // The index is cached per content revision: the deps a turn gets after the change see it (as process-inbound
    // passes the revision each message reads).
    deps = engineDeps(db.db, { now: () => now });
    const answer = await converse("bao nhieu tuoi thi duoc ket hon");
    expect(answer.replies[0]!.text).toBe(
      [
        "Trả lời:",
        "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi.",
        "",
        "Căn cứ: Điều 8 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)",
        "",
        "Câu trả lời có giúp ích cho bạn không?",
      ].join("\n"),
    );
    expect(answer.session.screen).toMatchObject({ kind: "qa_answer", approvedId: expect.any(Number) });
    const rated = await handle({ text: "fb:yes", contactId }, answer.session, deps);
    expect(rated.effects[0]).toMatchObject({ type: "rate_answer", approvedAnswerId: expect.any(Number) });
  });

  it("refuses a question longer than an officer would take, and restores old and new sessions", async () => {
    const long = await converse(`Tôi hỏi ${"rất ".repeat(600)}dài`);
    expect(long.replies[0]!.text).toContain("Câu hỏi dài quá");
    expect(long.effects).toEqual([]);
    const saved = (await converse("Điều kiện kết hôn là gì?")).session;
    expect(restoreSession(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    const old = { version: 1, screen: { kind: "search_results", query: "ly hon", page: 2 }, options: ["menu"] };
    expect(restoreSession(old)).toEqual(old);
  });
});

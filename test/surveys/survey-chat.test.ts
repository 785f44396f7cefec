// Every seeded survey taken end to end through POST /web/messages, as a person would: consent, wrong answers,
// "quay lại", a break and resume, completion; no consent; withdrawal and deletion; waves; expiry.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import {
  auditLog,
  consentRecords,
  contacts,
  conversationSessions,
  surveyAnswers,
  surveyResponses,
  surveyWaves,
  surveyVersions,
} from "../../db/schema/index";
import { expireAbandonedResponses } from "../../src/surveys/expire-responses";
import { surveyCatalog } from "../../src/surveys/survey-repository";
import { createTestApp, say, type WebReply } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

describe(`surveys in the web chat (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    app = createTestApp(handle.db);
  });
  afterAll(async () => handle?.close());

  const last = (replies: WebReply[]) => replies.at(-1)!;
  const contactOf = async (user: string) =>
    (await handle.db.select().from(contacts).where(eq(contacts.platformId, user)))[0];
  const responsesOf = async (user: string) => {
    const contact = await contactOf(user);
    return contact ? handle.db.select().from(surveyResponses).where(eq(surveyResponses.contactId, contact.id)) : [];
  };
  const answersOf = async (responseId: string) =>
    handle.db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, responseId));

  /** Starts a survey as a person of 16 or more: the age group comes before consent. */
  async function begin(user: string, start: string): Promise<WebReply[]> {
    const age = await say(app, user, start);
    if (!age.at(-1)!.options.some((o) => o.value === "age:adult")) return age;
    return say(app, user, "age:adult");
  }

  /** A sensible answer to whatever question is showing. */
  function answerFor(reply: WebReply): string {
    if (/xã, phường/i.test(reply.text) && reply.options.every((o) => !o.value.startsWith("a:"))) {
      if (reply.options.some((o) => o.value.startsWith("u:")))
        return reply.options.find((o) => o.value.startsWith("u:"))!.value;
      return "phường Ba Đình, Hà Nội";
    }
    // Multiple choice: tap one option (it is ticked), then "Xong".
    if (reply.options.some((o) => o.value === "s:done") && reply.options.some((o) => o.label.startsWith("✓")))
      return "s:done";
    const choice = reply.options.find((o) => o.value.startsWith("a:"));
    if (choice) return choice.value;
    return "Cần thêm buổi giải đáp pháp luật vào buổi tối.";
  }

  async function runToEnd(user: string, replies: WebReply[], limit = 40): Promise<WebReply[]> {
    let current = replies;
    for (let i = 0; i < limit && /^Câu \d+\b|nhiều nơi trùng tên/m.test(last(current).text); i++)
      current = await say(app, user, answerFor(last(current)));
    return current;
  }

  for (const key of ["pbgdpl_satisfaction", "legal_access_satisfaction", "law_day_quiz", "answer_feedback"]) {
    it(`${key}: consent, a wrong answer, back, a break, resume, completion — all stored with codes`, async () => {
      const user = `taker-${key}`;
      const survey = surveyCatalog().get(key)!;
      const consent = await begin(user, `survey:${key}`);
      expect(last(consent).text).toContain("Đơn vị chịu trách nhiệm xử lý dữ liệu");
      expect(last(consent).options.map((o) => o.label)).toEqual(["Đồng ý", "Không đồng ý"]);

      // Something that is not an answer to the consent question: asked again, nothing stored.
      const unsure = await say(app, user, "để tôi nghĩ");
      expect(last(unsure).text).toContain('Bạn hãy chọn "Đồng ý" hoặc "Không đồng ý"');
      expect(await responsesOf(user)).toEqual([]);

      let replies = await say(app, user, "Đồng ý");
      expect(replies[0]!.text).toBe(survey.intro);
      expect(last(replies).text).toMatch(/^Câu 1\b/);

      // A wrong answer: re-prompted with what is accepted, nothing stored.
      const wrong = await say(app, user, "7");
      expect(last(wrong).text).toMatch(/chưa đúng dạng|Không có mục số đó|chưa tìm thấy/);
      const [response] = await responsesOf(user);
      expect(await answersOf(response!.id)).toEqual([]);

      replies = await say(app, user, answerFor(last(replies)));
      if (survey.questions.length > 1) {
        const back = await say(app, user, "quay lại");
        if (survey.questions[0]!.type === "quiz") {
          // A revealed quiz answer is final: "back" says so and stays on question 2.
          expect(last(back).text).toMatch(/^Đáp án các câu đố đã được công bố.*\nCâu 2\/10\n/);
        } else {
          // Back to the first question, answer it again, carry on.
          expect(last(back).text).toMatch(/^Câu 1\b/);
          expect(last(back).text).toContain("Câu trả lời trước của bạn:");
          replies = await say(app, user, answerFor(last(back)));
        }

        // A break: the person goes to the menu, comes back later and continues where they were.
        await say(app, user, "menu");
        const again = await begin(user, `survey:${key}`);
        expect(last(again).text).toContain("chưa xong");
        replies = await say(app, user, "s:continue");
        expect(last(replies).text).toMatch(/^Câu 2\b/);
      }
      replies = await runToEnd(user, replies);
      expect(last(replies).text).toContain(survey.outro);

      const [done] = await responsesOf(user);
      expect(done).toMatchObject({ status: "completed", surveyKey: key, surveyVersion: survey.version });
      const [version] = await handle.db
        .select()
        .from(surveyVersions)
        .where(eq(surveyVersions.id, done!.surveyVersionId));
      expect(version).toMatchObject({ key, version: survey.version });
      const [wave] = await handle.db.select().from(surveyWaves).where(eq(surveyWaves.id, done!.waveId));
      expect(wave!.surveyKey).toBe(key);
      const [consentRow] = await handle.db.select().from(consentRecords).where(eq(consentRecords.id, done!.consentId!));
      expect(consentRow).toMatchObject({ purpose: `survey:${key}`, channel: "web", withdrawnAt: null });
      expect(consentRow!.text).toContain(survey.purpose);

      const answers = await answersOf(done!.id);
      expect(answers.length).toBeGreaterThan(0);
      for (const answer of answers) {
        const question = survey.questions.find((q) => q.id === answer.questionId)!;
        expect(question, answer.questionId).toBeDefined();
        if (answer.value.kind === "options") {
          const codes =
            "options" in question
              ? question.options.map((o) => o.code)
              : question.type === "likert5"
                ? ["1", "2", "3", "4", "5"]
                : ["yes", "no", "dk"];
          for (const code of answer.value.codes) expect(codes).toContain(code);
        }
        if (question.type === "quiz") expect(typeof answer.correct).toBe("boolean");
      }
    });
  }

  it("explains each quiz answer with its article", async () => {
    const user = "quiz-learner";
    await begin(user, "survey:law_day_quiz");
    await say(app, user, "c:yes");
    const right = await say(app, user, "2"); // "Nam đủ 20, nữ đủ 18"
    expect(right[0]!.text).toContain("✅ Chính xác!");
    expect(right[0]!.text).toContain("Điều 8 Luật Hôn nhân và gia đình");
    const wrong = await say(app, user, "1"); // 7 days: wrong
    expect(wrong[0]!.text).toContain("❌ Chưa đúng. Đáp án đúng: 30 ngày");
    expect(wrong[0]!.text).toContain("Điều 27 Luật Cư trú");
    const [response] = await responsesOf(user);
    const answers = await answersOf(response!.id);
    expect(answers.map((a) => [a.questionId, a.correct])).toEqual([
      ["q1_marriage_age", true],
      ["q2_temporary_residence", false],
    ]);
  });

  it("stores nothing when the person does not consent", async () => {
    const user = "declines";
    await begin(user, "survey:pbgdpl_satisfaction");
    const bye = await say(app, user, "Không đồng ý");
    expect(bye[0]!.text).toContain("không lưu thông tin nào");
    expect(await responsesOf(user)).toEqual([]);
    const contact = await contactOf(user);
    expect(await handle.db.select().from(consentRecords).where(eq(consentRecords.contactId, contact!.id))).toEqual([]);
  });

  it("offers a review, not a second response, in the same wave", async () => {
    const user = "twice";
    await begin(user, "survey:answer_feedback");
    await say(app, user, "c:yes");
    await say(app, user, "a:yes");
    const again = await begin(user, "survey:answer_feedback");
    expect(last(again).text).toContain("Mỗi người chỉ trả lời một lần cho mỗi đợt");
    expect(last(again).text).toContain("Có, rất hữu ích");
    expect(await responsesOf(user)).toHaveLength(1);
  });

  it("re-prompts a number question in words, then accepts digits; skips an optional question", async () => {
    const user = "numbers";
    await begin(user, "survey:legal_access_satisfaction");
    await say(app, user, "c:yes");
    const unit = await say(app, user, "Ba Đình");
    // Several communes are called Ba Đình: the person picks theirs.
    expect(last(unit).text).toContain("nhiều nơi trùng tên");
    const picked = await say(app, user, last(unit).options.find((o) => o.label.includes("Hà Nội"))!.value);
    expect(last(picked).text).toMatch(/^Câu 2\b/);
    const [response] = await responsesOf(user);
    expect(response!.unitId).not.toBeNull();
    expect((await contactOf(user))!.unitId).toBe(response!.unitId);
    let replies = await say(app, user, "a:5");
    replies = await say(app, user, "a:no"); // no procedure: the follow-up is not shown
    expect(last(replies).text).not.toContain("thái độ và hướng dẫn");
    replies = await say(app, user, "a:yes");
    expect(last(replies).text).toContain("(không bắt buộc)");
    replies = await say(app, user, "bỏ qua");
    expect(last(replies).text).toContain("Cảm ơn bạn đã góp ý");
    const answers = await answersOf(response!.id);
    expect(answers.map((a) => a.questionId).sort()).toEqual(["commune", "info_access", "mediation", "used_procedure"]);
  });

  it("after three misses offers to stop, and stopping keeps what was answered", async () => {
    const user = "misses";
    await begin(user, "survey:pbgdpl_satisfaction");
    await say(app, user, "c:yes");
    await say(app, user, "a:no");
    let replies: WebReply[] = [];
    for (const attempt of ["mười", "abc", "99"]) replies = await say(app, user, attempt);
    expect(last(replies).options.map((o) => o.label)).toContain("Dừng khảo sát");
    const stopped = await say(app, user, "s:stop");
    expect(stopped[0]!.text).toContain("Đã dừng khảo sát");
    const [response] = await responsesOf(user);
    expect(response!.status).toBe("stopped");
    expect((await answersOf(response!.id)).map((a) => a.questionId)).toEqual(["heard"]);
  });

  it('withdrawal mid-way, then "xóa toàn bộ": nothing of the person remains', async () => {
    const user = "withdraws";
    await begin(user, "survey:pbgdpl_satisfaction");
    await say(app, user, "c:yes");
    await say(app, user, "a:yes");
    const contact = await contactOf(user);
    const ack = await say(app, user, "rut dong y");
    expect(ack[0]!.text).toContain("Đã ghi nhận bạn rút đồng ý");
    const [stopped] = await responsesOf(user);
    expect(stopped!.status).toBe("stopped");
    const gone = await say(app, user, "erase:delete");
    expect(gone[0]!.text).toContain("Đã xóa toàn bộ dữ liệu");

    expect(await contactOf(user)).toBeUndefined();
    expect(await handle.db.select().from(surveyResponses).where(eq(surveyResponses.id, stopped!.id))).toEqual([]);
    expect(await handle.db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, stopped!.id))).toEqual([]);
    expect(await handle.db.select().from(consentRecords).where(eq(consentRecords.contactId, contact!.id))).toEqual([]);
    expect(
      await handle.db.select().from(conversationSessions).where(eq(conversationSessions.contactId, contact!.id)),
    ).toEqual([]);
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "data.erase"));
    expect(audit!.details).toMatchObject({ mode: "delete", channel: "web", responses: 1 });
    expect(JSON.stringify(audit)).not.toContain(user);
  });

  it('"xoá dữ liệu" deletes at once, from anywhere', async () => {
    const user = "deleter";
    await begin(user, "survey:answer_feedback");
    await say(app, user, "c:yes");
    const replies = await say(app, user, "Xoá dữ liệu");
    expect(replies[0]!.text).toContain("Đã xóa toàn bộ dữ liệu");
    expect(await contactOf(user)).toBeUndefined();
  });

  it("keeps answers de-identified when the person chooses, dropping free text", async () => {
    const user = "anonymous";
    await begin(user, "survey:legal_access_satisfaction");
    await say(app, user, "c:yes");
    const unit = await say(app, user, "phuong ba dinh, ha noi");
    expect(last(unit).text).toMatch(/^Câu 2\b/);
    for (const answer of ["a:4", "a:no", "a:yes"]) await say(app, user, answer);
    await say(app, user, "Tên tôi là Nguyễn Văn A, số điện thoại 0912345678");
    const [response] = await responsesOf(user);
    expect(response!.status).toBe("completed");
    await say(app, user, "rút đồng ý");
    await say(app, user, "erase:keep");
    expect(await contactOf(user)).toBeUndefined();
    const [kept] = await handle.db.select().from(surveyResponses).where(eq(surveyResponses.id, response!.id));
    expect(kept).toMatchObject({ contactId: null, consentId: null, deidentified: true, status: "completed" });
    const answers = await answersOf(response!.id);
    expect(answers.map((a) => a.questionId).sort()).toEqual(["commune", "info_access", "mediation", "used_procedure"]);
    expect(JSON.stringify(answers)).not.toContain("0912345678");
  });

  it("expires an abandoned response and lets the person start again in the same wave", async () => {
    const user = "abandons";
    await begin(user, "survey:answer_feedback");
    await say(app, user, "c:yes");
    const [response] = await responsesOf(user);
    const longAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    await handle.db
      .update(surveyResponses)
      .set({ lastActivityAt: longAgo })
      .where(eq(surveyResponses.id, response!.id));
    await say(app, user, "menu");
    const back = await begin(user, "survey:answer_feedback");
    expect(last(back).text).toContain("quá hạn");
    const [expired] = await responsesOf(user);
    expect(expired!.status).toBe("expired");
    await say(app, user, "s:restart");
    await say(app, user, "age:adult");
    await say(app, user, "c:yes");
    await say(app, user, "a:partly");
    const responses = await responsesOf(user);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ status: "completed" });
    expect((await answersOf(responses[0]!.id)).map((a) => a.value)).toEqual([{ kind: "options", codes: ["partly"] }]);
  });

  it("expires abandoned responses in the hourly sweep, and only those", async () => {
    const user = "sweep";
    await begin(user, "survey:law_day_quiz");
    await say(app, user, "c:yes");
    const [response] = await responsesOf(user);
    expect(await expireAbandonedResponses(handle.db)).toBe(0);
    await handle.db
      .update(surveyResponses)
      .set({ lastActivityAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) })
      .where(eq(surveyResponses.id, response!.id));
    expect(await expireAbandonedResponses(handle.db)).toBe(1);
    const [after] = await responsesOf(user);
    expect(after!.status).toBe("expired");
  });

  it("starts a specific wave from a deep link", async () => {
    const [wave] = await handle.db
      .insert(surveyWaves)
      .values({
        surveyKey: "answer_feedback",
        name: "Sau Ngày Pháp luật 2026",
        unitId: 1,
        controller: "Sở Tư pháp Hà Nội",
        startsAt: new Date("2026-11-10T00:00:00+07:00"),
      })
      .returning();
    const user = "deep-link";
    const consent = await begin(user, `survey:answer_feedback:w${wave!.id}`);
    expect(last(consent).text).toContain("Sở Tư pháp Hà Nội");
    await say(app, user, "c:yes");
    await say(app, user, "a:no");
    const [response] = await responsesOf(user);
    expect(response!.waveId).toBe(wave!.id);
    const [n] = await handle.db
      .select({ n: count() })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.waveId, wave!.id)));
    expect(n!.n).toBe(1);
  });

  it('lists open surveys under "Khảo sát"', async () => {
    const list = await say(app, "browser", "khảo sát");
    expect(last(list).options.map((o) => o.value)).toEqual(
      expect.arrayContaining([
        "survey:pbgdpl_satisfaction",
        "survey:legal_access_satisfaction",
        "survey:law_day_quiz",
        "survey:answer_feedback",
      ]),
    );
  });
});

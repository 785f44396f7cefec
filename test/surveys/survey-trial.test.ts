// What the citizen trial found in surveys, taken through POST /web/messages on the real database: the age group
// before consent (children answer anonymously or not at all), final quiz answers, progress that never jumps back,
// multiple choice that toggles, commune pick-lists that name the province, and a cap on unit answers.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import {
  consentRecords,
  contacts,
  surveyAnswers,
  surveyResponses,
  surveyVersions,
  surveyWaves,
} from "../../db/schema/index";
import { handle as handleMessage } from "../../src/engine/handle";
import { applyEffects } from "../../src/surveys/apply-effects";
import type { EngineDeps } from "../../src/engine/ports";
import { newSession, type Session } from "../../src/engine/session";
import { createSurveyRepository } from "../../src/surveys/survey-repository";
import { createTestApp, say, type WebReply } from "../support/test-app";
import { engineDeps } from "../support/engine-deps";
import { createTestDb, testDriver } from "../support/test-db";

describe(`survey findings of the citizen trial (${testDriver})`, () => {
  let db: DbHandle;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    db = await createTestDb({ seed: "quick" });
    app = createTestApp(db.db);
  });
  afterAll(async () => db?.close());

  const last = (replies: WebReply[]) => replies.at(-1)!;
  const contactOf = async (user: string) =>
    (await db.db.select().from(contacts).where(eq(contacts.platformId, user)))[0];
  const responsesOf = async (user: string) => {
    const contact = await contactOf(user);
    return contact ? db.db.select().from(surveyResponses).where(eq(surveyResponses.contactId, contact.id)) : [];
  };
  const answersOf = async (responseId: string) =>
    db.db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, responseId));

  async function start(user: string, key: string, age: "age:adult" | "age:minor" = "age:adult") {
    const ask = await say(app, user, `survey:${key}`);
    expect(last(ask).options.map((o) => o.value)).toEqual(["age:minor", "age:adult"]);
    const consent = await say(app, user, age);
    return consent;
  }

  it("D1: a revealed quiz answer is final; the reveal names its own question", async () => {
    const user = "d1-quiz";
    await start(user, "law_day_quiz");
    const intro = await say(app, user, "c:yes");
    expect(last(intro).text).toMatch(/^Câu 1\/10\n/);
    const revealed = await say(app, user, "a:a"); // wrong: "Nam đủ 18, nữ đủ 18"
    expect(revealed[0]!.text).toMatch(/^Câu 1\/10: ❌ Chưa đúng/);
    expect(last(revealed).text).toMatch(/^Câu 2\/10\n/);
    expect(last(revealed).options.map((o) => o.value)).not.toContain("s:back");
    const back = await say(app, user, "quay lại");
    expect(last(back).text).toContain("không sửa được");
    expect(last(back).text).toMatch(/\nCâu 2\/10\n/);
    // The old answer button of question 1, sent again, is an answer to question 2 at most: q1 stays wrong.
    await say(app, user, "a:b");
    const [response] = await responsesOf(user);
    const q1 = (await answersOf(response!.id)).find((a) => a.questionId === "q1_marriage_age")!;
    expect(q1).toMatchObject({ correct: false, value: { kind: "options", codes: ["a"] } });
    // The ledger keeps the first quiz answer even if a later turn asked to store another.
    const contact = (await contactOf(user))!;
    const retry = { kind: "options" as const, codes: ["b"] };
    await db.db.transaction((tx) =>
      applyEffects(
        tx,
        contact.id,
        "web",
        [{ type: "save_answer", responseId: response!.id, questionId: q1.questionId, value: retry, correct: true }],
        new Date(),
      ),
    );
    const kept = (await answersOf(response!.id)).find((a) => a.questionId === "q1_marriage_age")!;
    expect(kept).toMatchObject({ correct: false, value: { kind: "options", codes: ["a"] } });
  });

  it("D2: progress never jumps backwards and intros state no count", async () => {
    const user = "d2-progress";
    await start(user, "pbgdpl_satisfaction");
    let replies = await say(app, user, "c:yes");
    expect(replies[0]!.text).not.toMatch(/\d+\s*câu/);
    const seen: number[] = [];
    for (let i = 0; i < 20 && /^Câu \d+/.test(last(replies).text); i++) {
      const heading = /^Câu (\d+)(\/\d+)?/.exec(last(replies).text)!;
      // The total depends on the answers here, so none is shown.
      expect(heading[2]).toBeUndefined();
      seen.push(Number(heading[1]));
      const reply = last(replies);
      const value = reply.options.some((o) => o.value === "s:done")
        ? reply.options.some((o) => o.label.startsWith("✓"))
          ? "s:done"
          : reply.options.find((o) => o.value.startsWith("a:"))!.value
        : (reply.options.find((o) => o.value.startsWith("a:"))?.value ?? "phường Ba Đình, Hà Nội");
      replies = await say(app, user, value);
    }
    expect(seen.length).toBeGreaterThan(5);
    // One step forward, one more; a tick on a multiple-choice option stays on the same number.
    for (let i = 1; i < seen.length; i++) expect(seen[i]! - seen[i - 1]!).toBeGreaterThanOrEqual(0);
    expect([...new Set(seen)]).toEqual(seen.filter((n, i) => seen.indexOf(n) === i).map((_, i) => i + 1));
  });

  it("D3: tapping a multiple-choice option toggles it (✓), Xong ends; nothing ticked is re-prompted", async () => {
    const user = "d3-multi";
    await start(user, "pbgdpl_satisfaction");
    await say(app, user, "c:yes");
    const channel = await say(app, user, "a:yes");
    expect(last(channel).text).toContain("qua những kênh nào");
    const none = await say(app, user, "s:done");
    expect(last(none).text).toContain("Bạn chưa chọn lựa chọn nào");
    let replies = await say(app, user, "a:zalo");
    expect(last(replies).text).toContain("qua những kênh nào");
    expect(last(replies).options.find((o) => o.value === "a:zalo")!.label).toBe("✓ Zalo, mạng xã hội");
    replies = await say(app, user, "a:meeting");
    replies = await say(app, user, "a:zalo");
    expect(last(replies).options.find((o) => o.value === "a:zalo")!.label).toBe("Zalo, mạng xã hội");
    expect(last(replies).options.find((o) => o.value === "a:meeting")!.label).toMatch(/^✓ /);
    const [before] = await responsesOf(user);
    expect((await answersOf(before!.id)).map((a) => a.questionId)).toEqual(["heard"]);
    replies = await say(app, user, "Xong");
    expect(last(replies).text).toContain("chủ động tìm hiểu");
    const stored = (await answersOf(before!.id)).find((a) => a.questionId === "channel")!;
    expect(stored.value).toEqual({ kind: "options", codes: ["meeting"] });

    // Typing the numbers still answers at once.
    const typed = "d3-typed";
    await start(typed, "pbgdpl_satisfaction");
    await say(app, typed, "c:yes");
    await say(app, typed, "a:yes");
    await say(app, typed, "1, 3");
    const [response] = await responsesOf(typed);
    const channels = (await answersOf(response!.id)).find((a) => a.questionId === "channel")!;
    expect(channels.value).toEqual({ kind: "options", codes: ["loudspeaker", "zalo"] });
  });

  it("D5: a commune pick-list names each one's province, and the old unit for a former name", async () => {
    const user = "d5-units";
    await start(user, "legal_access_satisfaction");
    await say(app, user, "c:yes");
    const same = await say(app, user, "Ba Đình");
    const labels = last(same)
      .options.filter((o) => o.value.startsWith("u:"))
      .map((o) => o.label);
    expect(labels.length).toBeGreaterThan(1);
    for (const label of labels) expect(label).toMatch(/^\S.* \((Tỉnh|Thành phố) [^)]+\)/);
    expect(new Set(labels).size).toBe(labels.length);
    const old = await say(app, user, "yen dinh");
    const oldLabels = last(old)
      .options.filter((o) => o.value.startsWith("u:"))
      .map((o) => o.label);
    expect(oldLabels.some((l) => /\) — trước đây: .+, .+/.test(l))).toBe(true);
  });

  it("an unfinished response to an older version of a survey is started again on the current version", async () => {
    const user = "old-version";
    await say(app, user, "menu");
    const contact = (await contactOf(user))!;
    const [old] = await db.db
      .insert(surveyVersions)
      .values({ key: "answer_feedback", version: 1, title: "cũ", definition: {}, definitionHash: "old" })
      .onConflictDoNothing()
      .returning();
    const [wave] = await db.db.select().from(surveyWaves).where(eq(surveyWaves.surveyKey, "answer_feedback"));
    const [response] = await db.db
      .insert(surveyResponses)
      .values({
        id: crypto.randomUUID(),
        contactId: contact.id,
        surveyVersionId: old!.id,
        surveyKey: "answer_feedback",
        surveyVersion: 1,
        waveId: wave!.id,
        channel: "web",
        startedAt: new Date(),
        lastActivityAt: new Date(),
      })
      .returning();
    const offered = await say(app, user, "survey:answer_feedback");
    expect(last(offered).options.map((o) => o.value)).toContain("s:restart");
    await say(app, user, "s:restart");
    await say(app, user, "age:adult");
    await say(app, user, "c:yes");
    await say(app, user, "a:yes");
    const responses = await responsesOf(user);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ status: "completed", surveyVersion: 2 });
    expect(responses[0]!.id).not.toBe(response!.id);
  });

  it("C4: a 4,096-character commune answer is re-prompted before any unit lookup", async () => {
    const real = createSurveyRepository(db.db);
    let lookups = 0;
    const deps: EngineDeps = engineDeps(db.db, {
      surveys: { ...real, findUnits: (text, level) => (lookups++, real.findUnits(text, level)) },
    });
    const contactId = crypto.randomUUID();
    let session: Session = newSession();
    for (const text of ["survey:legal_access_satisfaction", "age:adult", "c:yes"])
      session = (await handleMessage({ text, contactId }, session, deps)).session;
    expect(session.screen).toMatchObject({ kind: "survey_question", questionId: "commune" });
    const long = await handleMessage(
      { text: `xã ${"Yên Định ".repeat(410)}`.slice(0, 4096), contactId },
      session,
      deps,
    );
    expect(lookups).toBe(0);
    expect(long.replies.at(-1)!.text).toContain("gõ tên xã/phường, ví dụ");
    expect(long.session.screen).toMatchObject({ kind: "survey_question", questionId: "commune" });
    // A normal answer still looks the commune up.
    await handleMessage({ text: "phường Ba Đình, Hà Nội", contactId }, long.session, deps);
    expect(lookups).toBe(1);
  });

  it("D10: under-16s answer anonymously, no identifying question; a survey excluding children says so", async () => {
    const user = "d10-child";
    const consent = await start(user, "pbgdpl_satisfaction", "age:minor");
    expect(last(consent).text).toContain("Vì bạn dưới 16 tuổi, bạn trả lời ẩn danh");
    expect(last(consent).text).not.toContain("mã định danh tài khoản");
    let replies = await say(app, user, "c:yes");
    const asked: string[] = [];
    for (let i = 0; i < 20 && /^Câu \d+/.test(last(replies).text); i++) {
      asked.push(last(replies).text.split("\n")[1]!);
      const reply = last(replies);
      const value = reply.options.some((o) => o.value === "s:done")
        ? reply.options.some((o) => o.label.startsWith("✓"))
          ? "s:done"
          : reply.options.find((o) => o.value.startsWith("a:"))!.value
        : reply.options.find((o) => o.value.startsWith("a:"))!.value;
      replies = await say(app, user, value);
    }
    expect(last(replies).text).toContain("Cảm ơn bạn!");
    expect(asked.join("\n")).not.toMatch(/xã, phường nào|nhóm tuổi|Giới tính/);
    // Nothing links the answers to the chat identity: no response, no consent record of this contact.
    const contact = (await contactOf(user))!;
    expect(await responsesOf(user)).toEqual([]);
    expect(await db.db.select().from(consentRecords).where(eq(consentRecords.contactId, contact.id))).toEqual([]);
    const anonymous = await db.db.select().from(surveyResponses).where(eq(surveyResponses.deidentified, true));
    const completed = anonymous.filter((r) => r.surveyKey === "pbgdpl_satisfaction" && r.status === "completed");
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ contactId: null, consentId: null, unitId: null });
    const answers = await answersOf(completed[0]!.id);
    expect(answers.map((a) => a.questionId)).not.toContain("commune");
    expect(answers.map((a) => a.questionId)).not.toContain("age_band");
    expect(contact.unitId).toBeNull();

    const excluded = await start("d10-excluded", "legal_access_satisfaction", "age:minor");
    expect(last(excluded).text).toContain("chỉ dành cho người từ 16 tuổi trở lên");
    expect(await responsesOf("d10-excluded")).toEqual([]);
  });
});

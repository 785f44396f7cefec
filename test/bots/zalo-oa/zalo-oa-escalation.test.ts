// An escalated question answered days later on Zalo OA: the officer's answer waits outside the 48-hour reply window
// (the delivery loop parks it), and reaches the person, ahead of the reply, as soon as they write again; its rating
// buttons still name the question.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerRatings, contacts, questions } from "../../../db/schema/index";
import { createLogger } from "../../../src/log";
import { bootstrapOfficer } from "../../../src/officers/bootstrap";
import { type SentMessage, userText } from "../../support/fake-zalo-oa";
import { apiCall } from "../../support/test-app";
import { testDriver } from "../../support/test-db";
import { openZaloOaWorld, type ZaloOaWorld } from "../../support/zalo-oa-world";

describe(`Zalo OA escalation round trip (${testDriver})`, () => {
  let world: ZaloOaWorld;
  let token: string;
  const user = "2001";

  beforeAll(async () => {
    world = await openZaloOaWorld(createLogger("error", () => {}));
    token = (
      await bootstrapOfficer(world.handle.db, { name: "Cán bộ", email: "oa@loa.test", role: "admin", unitCode: "VN" })
    ).token;
  });
  afterAll(async () => world?.close());

  async function write(text: string): Promise<SentMessage[]> {
    const before = world.api.sent.length;
    expect((await world.post(userText(user, text))).status).toBe(200);
    await world.settle();
    return world.api.sent.slice(before).filter((m) => m.userId === user);
  }
  /** A button's payload, or the option's number where more options than buttons fit came as a numbered list. */
  const payload = (messages: SentMessage[], label: string) => {
    const button = messages.flatMap((m) => m.buttons).find((b) => b.title.includes(label));
    if (button) return button.payload;
    const line = messages
      .flatMap((m) => m.text.split("\n"))
      .map((l) => /^(\d+)\. (.*)$/u.exec(l))
      .find((m) => m?.[2]!.includes(label));
    if (!line) throw new Error(`no option ${label} in ${JSON.stringify(messages)}`);
    return line[1]!;
  };

  it("parks the answer outside the reply window and delivers it when the person writes again", async () => {
    const answer = await write("Điều kiện kết hôn là gì?");
    const confirm = await write(payload(answer, "Hỏi cán bộ tư pháp"));
    await write(payload(confirm, "Gửi câu hỏi"));
    const [question] = await world.handle.db.select().from(questions);
    expect(question).toMatchObject({ channel: "zalo_oa", status: "open" });

    // Three days pass before an officer answers: Zalo no longer lets the OA write first.
    await world.handle.db
      .update(contacts)
      .set({ lastSeenAt: new Date(Date.now() - 72 * 3_600_000) })
      .where(and(eq(contacts.channel, "zalo_oa"), eq(contacts.platformId, user)));
    const answered = await apiCall(world.app, token, "POST", `/api/questions/${question!.id}/answer`, {
      text: "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; tự nguyện; không mất năng lực hành vi dân sự.",
      citations: [{ document: "Luật Hôn nhân và gia đình", article: "8" }],
    });
    expect(answered.status).toBe(200);
    const before = world.api.sent.length;
    expect((await world.oa.deliver()).waiting).toBe(1);
    expect(world.api.sent.length).toBe(before);

    const sent = await write("menu");
    expect(sent[0]!.text).toContain("đã trả lời câu hỏi của bạn");
    expect(sent[0]!.text).toContain("Căn cứ: Điều 8 Luật Hôn nhân và gia đình");
    expect(sent[1]!.text).toContain("Câu trả lời có giúp ích cho bạn không?");
    expect(sent.at(-1)!.text).toContain("Bạn muốn làm gì?");

    await write(payload(sent, "Có, rất hữu ích"));
    expect(
      await world.handle.db.select().from(answerRatings).where(eq(answerRatings.questionId, question!.id)),
    ).toHaveLength(1);
  });
});

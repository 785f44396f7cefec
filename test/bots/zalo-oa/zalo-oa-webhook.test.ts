// The OA channel behind POST /zalo/webhook, replying through a fake OA platform on 127.0.0.1 over real HTTP: the
// signature, replays, duplicates, malformed events, follow and unfollow, a whole seeded survey by buttons and
// numbered lists, a revoked token, an unreachable person, and messages that wait for the reply window.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, outboxMessages, surveyAnswers, surveyResponses } from "../../../db/schema/index";
import { pushToContact } from "../../../src/conversations/outbox";
import { createLogger } from "../../../src/log";
import { type SentMessage, userText } from "../../support/fake-zalo-oa";
import { testDriver } from "../../support/test-db";
import { openZaloOaWorld, type ZaloOaWorld } from "../../support/zalo-oa-world";

describe(`Zalo OA webhook (${testDriver})`, () => {
  let world: ZaloOaWorld;
  const logged: Array<{ event: string; fields?: Record<string, unknown> }> = [];

  beforeAll(async () => {
    world = await openZaloOaWorld(createLogger("debug", (line) => logged.push(JSON.parse(line))));
  });
  afterAll(async () => world?.close());

  /** Posts the person's text (a typed message or a button's payload) and waits for the replies to go out. */
  async function write(userId: string, text: string): Promise<SentMessage[]> {
    const before = world.api.sent.length;
    const response = await world.post(userText(userId, text));
    expect(response.status).toBe(200);
    await world.settle();
    return world.api.sent.slice(before).filter((m) => m.userId === userId);
  }
  const lastTo = (userId: string) => world.api.sent.filter((m) => m.userId === userId).at(-1)!;
  /**
   * Chooses an option of a message: its button's payload, or its number in a numbered list. A label matches
   * exactly, or as the start of a shortened label ("…").
   */
  function choice(message: SentMessage, label: string): string {
    const matches = (title: string) => title === label || (title.endsWith("…") && label.startsWith(title.slice(0, -1)));
    const button = message.buttons.find((b) => matches(b.title) || b.title.startsWith(label));
    if (button) return button.payload;
    const line = message.text
      .split("\n")
      .map((l) => /^(\d+)\. (?:[^\p{L}\p{N}\s]+ )?(.*)$/u.exec(l))
      .find((m) => m && matches(m[2]!));
    if (!line) throw new Error(`no option "${label}" in: ${message.text} ${JSON.stringify(message.buttons)}`);
    return line[1]!;
  }
  const contactOf = async (userId: string) =>
    (
      await world.handle.db
        .select()
        .from(contacts)
        .where(and(eq(contacts.channel, "zalo_oa"), eq(contacts.platformId, userId)))
    )[0];

  it("greets a new follower with the welcome and the menu (six entries: a numbered list)", async () => {
    const response = await world.post({
      event_name: "follow",
      oa_id: "1",
      follower: { id: "1001" },
      source: "oa_profile",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    await world.settle();
    const sent = world.api.textsTo("1001");
    expect(sent[0]).toContain("Xin chào! Tôi là Loa");
    // Zalo shows at most five buttons: the six menu entries (with "Đăng ký nhận tin") come as a numbered list.
    expect(lastTo("1001").buttons).toEqual([]);
    expect(sent.at(-1)).toContain("5. 🔔 Đăng ký nhận tin");
    expect(sent.at(-1)).toContain("6. ❓ Hướng dẫn");
    // The first send refreshed the token pair with the configured refresh token, which Zalo then retired.
    expect(world.api.refreshes).toEqual([{ refreshToken: "refresh-token-0", accepted: true }]);
    expect(world.api.isRefreshTokenValid("refresh-token-0")).toBe(false);
  });

  it("takes a whole seeded survey by buttons and numbered lists, storing every answer", async () => {
    const user = "1002";
    let sent = await write(user, "survey");
    sent = await write(user, choice(sent.at(-1)!, "Khảo sát mức độ hài lòng về hoạt động phổ biến"));
    sent = await write(user, choice(sent.at(-1)!, "Từ 16 tuổi trở lên"));
    expect(sent.at(-1)!.text).toContain("Đơn vị chịu trách nhiệm xử lý dữ liệu");
    sent = await write(user, choice(sent.at(-1)!, "Đồng ý"));
    expect(sent.at(-1)!.text).toMatch(/^Câu 1\b/);
    sent = await write(user, choice(sent.at(-1)!, "Có"));
    // Six channels and "done" do not fit in five buttons: a numbered list; numbers toggle, then "Xong".
    expect(sent.at(-1)!.buttons).toEqual([]);
    expect(sent.at(-1)!.text).toContain("Trả lời bằng số thứ tự");
    sent = await write(user, choice(sent.at(-1)!, "Zalo, mạng xã hội"));
    sent = await write(user, choice(sent.at(-1)!, "Loa truyền thanh"));
    sent = await write(user, choice(sent.at(-1)!, "Xong"));
    sent = await write(user, choice(sent.at(-1)!, "Thỉnh thoảng"));
    sent = await write(user, choice(sent.at(-1)!, "Có"));
    sent = await write(user, choice(sent.at(-1)!, "Hiểu phần lớn"));
    sent = await write(user, choice(sent.at(-1)!, "Hài lòng"));
    sent = await write(user, choice(sent.at(-1)!, "31–45"));
    sent = await write(user, choice(sent.at(-1)!, "Nữ"));
    sent = await write(user, "phường Ba Đình, Hà Nội");
    if (!sent.at(-1)!.text.includes("Cảm ơn bạn!")) {
      // Several communes share the name: the person picks theirs.
      const hanoi = sent.at(-1)!.buttons.find((b) => b.title.includes("Hà Nội"));
      sent = await write(user, hanoi?.payload ?? "1");
    }
    expect(sent.at(-1)!.text).toContain("Cảm ơn bạn!");

    const contact = await contactOf(user);
    const [response] = await world.handle.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.contactId, contact!.id));
    expect(response).toMatchObject({ status: "completed", channel: "zalo_oa", surveyKey: "pbgdpl_satisfaction" });
    const answers = await world.handle.db
      .select()
      .from(surveyAnswers)
      .where(eq(surveyAnswers.responseId, response!.id));
    const byQuestion = Object.fromEntries(answers.map((a) => [a.questionId, a.value]));
    expect(byQuestion.channel).toEqual({ kind: "options", codes: ["zalo", "loudspeaker"].sort() });
    expect(byQuestion.satisfaction).toEqual({ kind: "options", codes: ["4"] });
    const everyQuestion = ["heard", "channel", "self_learning", "knows_law", "understands_law", "satisfaction"];
    everyQuestion.push("age_band", "gender", "commune");
    expect(Object.keys(byQuestion).sort()).toEqual(everyQuestion.sort());
    const pending = await world.handle.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.contactId, contact!.id));
    expect(pending.every((m) => m.deliveredAt !== null)).toBe(true);
  }, 60_000);

  it("refuses a forged signature, a wrong secret and a replayed old call with 401, processing nothing", async () => {
    const forged = await world.app.request("/zalo/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "x-zevent-signature": `mac=${"0".repeat(64)}` },
      body: JSON.stringify({ app_id: "3141592653589793", timestamp: String(Date.now()), ...userText("1003", "menu") }),
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe("unauthorized");
    const wrongSecret = await world.post(userText("1003", "menu"), { secretKey: "another-oa-secret" });
    expect(wrongSecret.status).toBe(401);
    const replayed = await world.post(userText("1003", "menu"), { timestamp: Date.now() - 3 * 3_600_000 });
    expect(replayed.status).toBe(401);
    expect((await replayed.json()).error.message).toContain("timestamp");
    const fromTheFuture = await world.post(userText("1003", "menu"), { timestamp: Date.now() + 3_600_000 });
    expect(fromTheFuture.status).toBe(401);
    await world.settle();
    expect(world.api.textsTo("1003")).toEqual([]);
    expect(await contactOf("1003")).toBeUndefined();
  });

  it("answers malformed calls with 400 naming the field, and acknowledges events it does not use", async () => {
    const notJson = await world.app.request("/zalo/webhook", { method: "POST", body: "{not json" });
    expect(notJson.status).toBe(400);
    const noTimestamp = await world.app.request("/zalo/webhook", {
      method: "POST",
      body: JSON.stringify({ app_id: "3141592653589793", event_name: "user_send_text" }),
    });
    expect(noTimestamp.status).toBe(400);
    expect((await noTimestamp.json()).error.issues[0].field).toBe("timestamp");
    const noText = await world.post({
      event_name: "user_send_text",
      sender: { id: "1004" },
      message: { msg_id: "x1" },
    });
    expect(noText.status).toBe(400);
    expect((await noText.json()).error.issues[0].field).toBe("message.text");
    const badSender = await world.post(userText("not-a-number", "menu"));
    expect(badSender.status).toBe(400);
    for (const event_name of ["user_send_image", "user_received_message", "oa_send_text", "something_new"]) {
      const ignored = await world.post({ event_name, sender: { id: "1004" }, message: { msg_id: `i-${event_name}` } });
      expect(ignored.status).toBe(200);
    }
    await world.settle();
    expect(world.api.textsTo("1004")).toEqual([]);
    expect(logged.some((l) => l.event === "zalo_oa.event_failed")).toBe(false);
  });

  it("acknowledges a redelivered msg_id without answering it again", async () => {
    const event = userText("1005", "menu", "msg-redelivered-1");
    expect((await world.post(event)).status).toBe(200);
    expect((await world.post(event)).status).toBe(200);
    await world.settle();
    const welcomes = world.api.textsTo("1005").filter((t) => t.includes("Xin chào! Tôi là Loa"));
    expect(welcomes).toHaveLength(1);
  });

  it("refreshes once and sends again when Zalo rejects the access token", async () => {
    world.api.revokeAccessTokens();
    const refreshesBefore = world.api.refreshes.length;
    const sent = await write("1006", "menu");
    expect(sent.map((m) => m.text).join("\n")).toContain("Xin chào! Tôi là Loa");
    expect(world.api.refreshes.slice(refreshesBefore)).toHaveLength(1);
    expect(world.api.refreshes.at(-1)!.accepted).toBe(true);
  });

  it("marks a person Zalo says cannot be reached, and opts out one who unfollows", async () => {
    await write("1007", "menu");
    world.api.makeUnreachable("1007");
    const contact = await contactOf("1007");
    await pushToContact(world.handle.db, contact!.id, "notice", [{ text: "Thông báo" }], "zalo_oa");
    await world.oa.deliver();
    expect((await contactOf("1007"))!.unreachableAt).not.toBeNull();

    await write("1008", "menu");
    const unfollow = await world.post({ event_name: "unfollow", oa_id: "1", follower: { id: "1008" } });
    expect(unfollow.status).toBe(200);
    await world.settle();
    const left = await contactOf("1008");
    expect(left!.optedOutAt).not.toBeNull();
    expect(left!.unreachableAt).not.toBeNull();
    // Following again makes them reachable; the opt-out stays until they subscribe again.
    await world.post({ event_name: "follow", oa_id: "1", follower: { id: "1008" } });
    await world.settle();
    expect((await contactOf("1008"))!.unreachableAt).toBeNull();
  });

  it("keeps a message outside the reply window until the person writes, then sends it before the answer", async () => {
    const user = "1009";
    await write(user, "menu");
    const contact = await contactOf(user);
    // The person last wrote three days ago: past the default 48-hour window.
    await world.handle.db
      .update(contacts)
      .set({ lastSeenAt: new Date(Date.now() - 72 * 3_600_000) })
      .where(eq(contacts.id, contact!.id));
    const id = await pushToContact(world.handle.db, contact!.id, "answer", [{ text: "Trả lời của cán bộ" }], "zalo_oa");
    const before = world.api.sent.length;
    const report = await world.oa.deliver();
    expect(report.waiting).toBe(1);
    expect(world.api.sent.length).toBe(before);
    const [parked] = await world.handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(parked!.awaitingContactSince).not.toBeNull();
    expect((await world.oa.deliver()).waiting).toBe(0); // parked rows are not claimed again

    const sent = await write(user, "menu");
    expect(sent[0]!.text).toBe("Trả lời của cán bộ");
    expect(sent[1]!.text).toContain("Xin chào! Tôi là Loa");
  });

  it("parks a message when Zalo itself says the window is closed (-230)", async () => {
    const user = "1010";
    await write(user, "menu");
    world.api.closeWindow(user);
    const contact = await contactOf(user);
    const id = await pushToContact(world.handle.db, contact!.id, "answer", [{ text: "Tin chờ" }], "zalo_oa");
    expect((await world.oa.deliver()).waiting).toBe(1);
    world.api.closeWindow(user, false);
    const sent = await write(user, "giúp");
    expect(sent[0]!.text).toBe("Tin chờ");
    const [row] = await world.handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(row!.deliveredAt).not.toBeNull();
    expect(row!.lastError).toBeNull();
  });
});

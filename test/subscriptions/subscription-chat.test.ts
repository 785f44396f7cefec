// Subscribing and opting out over the web chat, end to end: the rows appear only after consent, with the exact
// text shown; the commune becomes the contact's unit; a stop word ends every subscription, withdraws their
// consents and marks the contact opted out, so the officers' count of reachable subscribers drops at once; the
// privacy commands end subscriptions too.
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { consentRecords, contacts, subscriptions, units } from "../../db/schema/index";
import type { OfficerWorld } from "../support/officer-fixtures";
import { openOfficerWorld } from "../support/officer-fixtures";
import { apiCall, type createTestApp, optionValue, say } from "../support/test-app";
import { testDriver } from "../support/test-db";

describe(`subscriptions over the web chat (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
  });
  afterAll(async () => handle?.close());

  const db = () => handle.db;
  async function contactOf(user: string) {
    const [row] = await db()
      .select()
      .from(contacts)
      .where(and(eq(contacts.channel, "web"), eq(contacts.platformId, user)));
    return row;
  }
  async function subsOf(user: string) {
    const contact = await contactOf(user);
    if (!contact) return [];
    return db().select().from(subscriptions).where(eq(subscriptions.contactId, contact.id));
  }
  async function consentsOf(user: string) {
    const contact = (await contactOf(user))!;
    return db().select().from(consentRecords).where(eq(consentRecords.contactId, contact.id));
  }
  async function summary(unit: string) {
    const response = await apiCall(app, world.tokens.viewer, "GET", `/api/subscriptions/summary?unit=${unit}`);
    expect(response.status).toBe(200);
    return (await response.json()) as {
      total: number;
      topics: Array<{ topic: string; total: number; byChannel: Record<string, number> }>;
    };
  }
  const last = (replies: Array<{ text: string }>) => replies.at(-1)!.text;

  it("subscribes only after consent, then a stop word ends delivery eligibility at once", async () => {
    const user = "sub-web-1";
    const terms = await say(app, user, "Đăng ký nhận tin");
    expect(last(terms)).toContain("Bạn sẽ nhận");
    // Shown, not yet agreed: nothing is written.
    expect(await subsOf(user)).toEqual([]);

    const agreed = await say(app, user, "Đồng ý");
    const news = await subsOf(user);
    expect(news).toHaveLength(1);
    expect(news[0]).toMatchObject({ topic: "news", unsubscribedAt: null });
    const [consent] = await consentsOf(user);
    expect(consent).toMatchObject({ id: news[0]!.consentId, purpose: "subscription:news", channel: "web" });
    expect(consent!.text).toBe(last(terms));

    const topic = optionValue(agreed, "hôn nhân");
    await say(app, user, topic);
    const slug = topic.slice("subs:t:".length);
    expect((await subsOf(user)).map((s) => s.topic).sort()).toEqual(["news", slug].sort());
    const topicConsent = (await consentsOf(user)).find((c) => c.purpose === `subscription:${slug}`)!;
    expect(topicConsent.text).toContain(last(agreed));

    const asked = await say(app, user, "xong");
    expect(last(asked)).toContain("xã, phường nào");
    const saved = await say(app, user, "phường Ba Đình, Hà Nội");
    expect(saved[0]!.text).toContain("Phường Ba Đình");
    const [baDinh] = await db().select({ id: units.id }).from(units).where(eq(units.code, "00004"));
    expect((await contactOf(user))!.unitId).toBe(baDinh!.id);

    const before = await summary("00004");
    expect(before.total).toBe(1);
    expect(before.topics.find((t) => t.topic === "news")!.byChannel.web).toBe(1);
    expect(before.topics.find((t) => t.topic === slug)!.total).toBe(1);
    const listed = await say(app, user, "tin da dang ky");
    expect(last(listed)).toContain("Tin pháp luật chung");
    expect(last(listed)).toContain("Phường Ba Đình");

    const stopped = await say(app, user, "DỪNG!");
    expect(last(stopped)).toContain("dừng nhận tin");
    const ended = await subsOf(user);
    expect(ended).toHaveLength(2);
    for (const s of ended) expect(s.unsubscribedAt).not.toBeNull();
    expect((await contactOf(user))!.optedOutAt).not.toBeNull();
    for (const c of await consentsOf(user)) expect(c.withdrawnAt).not.toBeNull();
    expect((await summary("00004")).total).toBe(0);

    // Coming back: a new consent, the opt-out cleared, the news live again; the dropped topic stays dropped.
    await say(app, user, "dang ky nhan tin");
    await say(app, user, "dong y");
    expect((await contactOf(user))!.optedOutAt).toBeNull();
    const again = await subsOf(user);
    const newsAgain = again.find((s) => s.topic === "news")!;
    expect(newsAgain.unsubscribedAt).toBeNull();
    expect(newsAgain.consentId).not.toBe(consent!.id);
    expect(again.find((s) => s.topic === slug)!.unsubscribedAt).not.toBeNull();
    expect((await summary("00004")).total).toBe(1);
  });

  it("a second stop word and a stop word from someone never subscribed are harmless", async () => {
    const user = "sub-web-2";
    await say(app, user, "stop");
    await say(app, user, "huy dang ky");
    const contact = (await contactOf(user))!;
    expect(contact.optedOutAt).not.toBeNull();
    expect(await subsOf(user)).toEqual([]);
  });

  it("withdrawing consent ends subscriptions; erasing one's data removes them", async () => {
    const withdrawing = "sub-web-3";
    await say(app, withdrawing, "Đăng ký nhận tin");
    await say(app, withdrawing, "Đồng ý");
    await say(app, withdrawing, "rút đồng ý");
    const [ended] = await subsOf(withdrawing);
    expect(ended!.unsubscribedAt).not.toBeNull();
    expect((await contactOf(withdrawing))!.optedOutAt).not.toBeNull();

    const erasing = "sub-web-4";
    await say(app, erasing, "Đăng ký nhận tin");
    await say(app, erasing, "Đồng ý");
    const contactId = (await contactOf(erasing))!.id;
    await say(app, erasing, "xóa dữ liệu");
    expect(await contactOf(erasing)).toBeUndefined();
    expect(await db().select().from(subscriptions).where(eq(subscriptions.contactId, contactId))).toEqual([]);
  });

  it("cancels one topic and keeps the rest; the commune can be changed later", async () => {
    const user = "sub-web-5";
    await say(app, user, "Đăng ký nhận tin");
    const agreed = await say(app, user, "Đồng ý");
    const topic = optionValue(agreed, "Cư trú");
    await say(app, user, topic);
    await say(app, user, "xong");
    await say(app, user, "bỏ qua");
    expect((await contactOf(user))!.unitId).toBeNull();

    const cancel = await say(app, user, "Hủy nhận tin");
    await say(app, user, optionValue(cancel, "Cư trú"));
    const rows = await subsOf(user);
    expect(rows.find((s) => s.topic === "news")!.unsubscribedAt).toBeNull();
    expect(rows.find((s) => s.topic === topic.slice("subs:t:".length))!.unsubscribedAt).not.toBeNull();
    expect((await contactOf(user))!.optedOutAt).toBeNull();

    await say(app, user, "xã/phường của tôi");
    await say(app, user, "phường Trúc Bạch");
    const [baDinh] = await db().select({ id: units.id }).from(units).where(eq(units.code, "00004"));
    expect((await contactOf(user))!.unitId).toBe(baDinh!.id);
    await say(app, user, "xã/phường của tôi");
    const picked = await say(app, user, "Ba Đình");
    await say(app, user, optionValue(picked, "Thanh Ho"));
    const moved = (await contactOf(user))!.unitId;
    expect(moved).not.toBe(baDinh!.id);
    const live = await db()
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.contactId, (await contactOf(user))!.id), isNull(subscriptions.unsubscribedAt)));
    expect(live.map((s) => s.topic)).toEqual(["news"]);
  });
});

// The Zalo personal gateway against a fake of zca-js's API and listener, on a real test database: messages in and
// out, numbered choices, drops with queued sends, a session taken over by another, groups and failed sends.
import { and, eq } from "drizzle-orm";
import { ZaloApiError } from "zca-js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sealCredentials } from "../../../bots/zalo-personal/credentials-box";
import { PRIVATE_ONLY_NOTE } from "../../../bots/zalo-personal/group-guard";
import { loadZaloSession, saveZaloSession } from "../../../bots/zalo-personal/session-store";
import { startZaloPersonalGateway } from "../../../bots/zalo-personal/start-gateway";
import {
  createZaloPersonalGateway,
  type ZaloGatewayOptions,
  type ZaloPersonalGateway,
} from "../../../bots/zalo-personal/zalo-personal-gateway";
import type { DbHandle } from "../../../db/db";
import { contacts, outboxMessages } from "../../../db/schema/contacts";
import { NUMBERED_LIST_HINT } from "../../../bots/numbered-list";
import { createLogger } from "../../../src/log";
import { BOT_ID, connectionRefused, FAKE_CREDENTIALS, FakeZalo } from "../../support/fake-zca";
import { createTestApp } from "../../support/test-app";
import { createTestDb, testDriver } from "../../support/test-db";

const KEY = "11".repeat(32);
const FAST = { perSecond: 1000, perChatPerSecond: 1000, perChatBurst: 100 };

describe(`Zalo personal gateway (${testDriver})`, () => {
  let handle: DbHandle;
  let zalo: FakeZalo;
  let gateway: ZaloPersonalGateway;
  let lines: Array<Record<string, unknown>>;
  const log = createLogger("debug", (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  const events = (name: string) => lines.filter((l) => l.event === name);

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
  });
  afterAll(async () => handle?.close());

  async function open(extra: Partial<ZaloGatewayOptions> = {}) {
    zalo = new FakeZalo();
    gateway = createZaloPersonalGateway({
      db: handle.db,
      log,
      connect: zalo.connect,
      pacing: FAST,
      reconnect: { initialMs: 5, maxMs: 40 },
      random: () => 1,
      ...extra,
    });
    await gateway.start();
    await expect.poll(() => gateway.health()).toBe("connected");
  }
  beforeEach(async () => {
    lines = [];
    await saveZaloSession(handle.db, {
      credentials: await sealCredentials(
        FAKE_CREDENTIALS,
        Uint8Array.from({ length: 32 }, () => 0x11),
      ),
      ownId: BOT_ID,
      displayName: "Loa",
    });
  });

  /** Waits until `thread` has received `count` messages and no more arrive for a moment. */
  async function received(thread: string, count: number) {
    await expect.poll(() => zalo.sentTo(thread).length, { timeout: 10_000 }).toBe(count);
    await new Promise((r) => setTimeout(r, 50));
    expect(zalo.sentTo(thread).length).toBe(count);
    return zalo.sentTo(thread).map((m) => m.text);
  }

  it("answers a person's message through the outbox, with options as a numbered list", async () => {
    await open();
    zalo.direct("5001", "xin chào");
    const texts = await received("5001", 2);
    expect(texts[1]).toContain("1. 📚 Tra cứu văn bản pháp luật");
    expect(texts[1]).toContain("6. ❓ Hướng dẫn");
    expect(texts[1]).toContain(NUMBERED_LIST_HINT);
    expect(zalo.sentTo("5001").every((m) => m.type === 0)).toBe(true);
    const [row] = await handle.db
      .select()
      .from(outboxMessages)
      .innerJoin(contacts, eq(contacts.id, outboxMessages.contactId))
      .where(and(eq(contacts.channel, "zalo"), eq(contacts.platformId, "5001")));
    expect(row!.outbox_messages.deliveredAt).not.toBeNull();
    expect(row!.outbox_messages.partsSent).toBe(2);
    await gateway.stop();
  });

  it("handles a message Zalo delivers twice only once (its message id is the update key)", async () => {
    await open();
    const id = zalo.direct("5002", "menu");
    await received("5002", 2);
    zalo.direct("5002", "menu", id);
    await received("5002", 2);
    await gateway.stop();
  });

  it('picks options by number ("1", "2") and by their text with or without diacritics', async () => {
    await open();
    zalo.direct("5003", "menu");
    await received("5003", 2);
    zalo.direct("5003", "2");
    expect((await received("5003", 3))[2]).toContain("Bài phổ biến pháp luật");
    zalo.direct("5003", "menu");
    await received("5003", 5);
    zalo.direct("5003", "tra cuu van ban phap luat");
    expect((await received("5003", 6))[5]).toContain("Chọn lĩnh vực pháp luật");
    zalo.direct("5003", "huỷ");
    await received("5003", 8);
    zalo.direct("5003", "Tìm kiếm");
    expect((await received("5003", 9))[8]).toContain("Bạn muốn tìm quy định về vấn đề gì?");
    await gateway.stop();
  });

  it("ignores what it cannot read: other people's stickers, malformed events, its own messages", async () => {
    await open();
    zalo.direct("5004", { title: "sticker", href: "https://example.invalid/s.png" });
    zalo.current.listener.emit("message", { type: 0, threadId: 5004, data: { msgId: null } } as never);
    zalo.current.listener.emit("message", { type: 7, threadId: "5004", isSelf: false, data: {} } as never);
    zalo.direct("5004", "menu");
    await received("5004", 2);
    expect(events("zalo.message_ignored").map((l) => l.reason)).toEqual([
      "not_text",
      "isSelf, data.msgId, data.uidFrom, data.content",
      "type, data.msgId, data.uidFrom, data.content",
    ]);
    // No log line quotes what a person wrote or who they are.
    expect(JSON.stringify(lines)).not.toContain("5004");
    await gateway.stop();
  });

  it("sends nothing while down, then what was queued once after reconnecting: none lost, none doubled", async () => {
    await open({ reconnect: { initialMs: 300, maxMs: 300 } });
    zalo.direct("5005", "menu");
    await received("5005", 2);
    const [found] = await handle.db
      .select({ contactId: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.channel, "zalo"), eq(contacts.platformId, "5005")));
    const contactId = found!.contactId;
    zalo.current.listener.outcomes.push("fail");
    zalo.current.listener.drop(1006);
    expect(gateway.health()).toBe("reconnecting");
    const [queued] = await handle.db
      .insert(outboxMessages)
      .values({ contactId, kind: "campaign", channel: "zalo", replies: [{ text: "Tin nhắn đang chờ" }] })
      .returning({ id: outboxMessages.id });
    // While down, deliver() claims nothing: no attempt is burned.
    expect(await gateway.deliver()).toEqual({ delivered: 0, deferred: 0, failed: 0, lost: 0, waiting: 0 });
    expect(await gateway.deliver([queued!.id])).toEqual({ delivered: 0, deferred: 0, failed: 0, lost: 0, waiting: 0 });
    const [waiting] = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, queued!.id));
    expect(waiting!.attempts).toBe(0);
    // The first try fails (closed 1006 again), the second opens; the queued message then goes out once.
    await expect.poll(() => gateway.health(), { timeout: 10_000 }).toBe("connected");
    expect(zalo.current.listener.starts).toBe(3);
    expect(await received("5005", 3)).toContain("Tin nhắn đang chờ");
    const [sent] = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.id, queued!.id));
    expect(sent!.deliveredAt).not.toBeNull();
    expect(sent!.attempts).toBe(1);
    expect(await gateway.deliver()).toEqual({ delivered: 0, deferred: 0, failed: 0, lost: 0, waiting: 0 });
    expect(events("zalo.reconnect_scheduled").map((l) => l.attempt)).toEqual([1, 2]);
    await gateway.stop();
  });

  it("a send cut off by a drop waits and goes out after reconnecting, once", async () => {
    await open({ reconnect: { initialMs: 50, maxMs: 50 } });
    // The network goes just as the reply is being sent: the socket drops and the request never leaves.
    const listener = zalo.current.listener;
    zalo.current.failures.push(() => {
      listener.drop(1006);
      return connectionRefused();
    });
    zalo.direct("5006", "giúp");
    await expect.poll(() => events("zalo.disconnected").length).toBe(1);
    const texts = await received("5006", 1);
    expect(texts[0]).toContain("Cách dùng Loa");
    expect(events("zalo.connected")).toHaveLength(2);
    const [row] = await handle.db
      .select()
      .from(outboxMessages)
      .innerJoin(contacts, eq(contacts.id, outboxMessages.contactId))
      .where(eq(contacts.platformId, "5006"));
    expect(row!.outbox_messages).toMatchObject({ partsSent: 1, attempts: 1 });
    expect(row!.outbox_messages.deliveredAt).not.toBeNull();
    await gateway.stop();
  });

  it("stops for good when another session takes the account: says so in the log, /health, the database", async () => {
    await open();
    const before = { logins: zalo.logins, starts: zalo.current.listener.starts };
    zalo.current.listener.drop(3000, "Another connection is opened");
    await expect.poll(() => gateway.health()).toBe("replaced");
    await expect.poll(async () => (await loadZaloSession(handle.db))?.state).toBe("replaced");
    await new Promise((r) => setTimeout(r, 150));
    expect({ logins: zalo.logins, starts: zalo.current.listener.starts }).toEqual(before);
    const [replaced] = events("zalo.session_replaced");
    expect(replaced).toMatchObject({ level: "error", code: 3000 });
    expect(String(replaced!.hint)).toContain("npm run zalo:login");
    expect(await gateway.deliver()).toEqual({ delivered: 0, deferred: 0, failed: 0, lost: 0, waiting: 0 });
    // A message arriving on the old socket after that is not handled.
    zalo.direct("5007", "menu");
    await new Promise((r) => setTimeout(r, 100));
    expect(zalo.sentTo("5007")).toEqual([]);

    const app = createTestApp(handle.db, log, { channels: { zalo: gateway } });
    const health = await app.request("/health");
    expect(await health.json()).toEqual({ status: "ok", db: "ok", zalo: "replaced" });

    // The next server start leaves the replaced session off and says how to log in again.
    lines = [];
    const next = await startZaloPersonalGateway({
      db: handle.db,
      log,
      config: { ZALO_CREDENTIALS_KEY: KEY, ZALO_PERSONAL_MESSAGES_PER_MINUTE: 20 },
      connect: zalo.connect,
    });
    expect(next).toBeUndefined();
    expect(events("zalo.personal_off")).toMatchObject([{ reason: "replaced" }]);
    expect(String(events("zalo.personal_off")[0]!.hint)).toContain("npm run zalo:login");
    await gateway.stop();
  });

  it("treats a kick (3003) like a replaced session", async () => {
    await open();
    zalo.current.listener.drop(3003);
    await expect.poll(() => gateway.health()).toBe("replaced");
    await gateway.stop();
    expect(gateway.health()).toBe("replaced");
  });

  it("logs in again after failed reconnects, and gives up as logged out when Zalo refuses the session", async () => {
    await open({ reconnect: { initialMs: 5, maxMs: 5, reloginAfter: 2, refusalsBeforeLoggedOut: 2 } });
    const first = zalo.current;
    first.listener.outcomes.push("fail");
    first.listener.drop(1006);
    await expect.poll(() => zalo.logins, { timeout: 5_000 }).toBe(2);
    await expect.poll(() => gateway.health()).toBe("connected");
    expect(zalo.current).not.toBe(first);
    // Old sockets are let go: a late event from the first session changes nothing.
    first.listener.drop(3000);
    expect(gateway.health()).toBe("connected");

    zalo.loginFailures.push(
      connectionRefused(),
      new ZaloApiError("Đăng nhập thất bại"),
      new ZaloApiError("Đăng nhập thất bại"),
    );
    // The socket keeps failing too, so every other try is a fresh login.
    zalo.current.listener.outcomes.push("fail", "fail", "fail", "fail", "fail");
    zalo.current.listener.drop(1006);
    await expect.poll(() => gateway.health(), { timeout: 5_000 }).toBe("logged_out");
    expect(zalo.logins).toBe(5);
    await expect.poll(async () => (await loadZaloSession(handle.db))?.state).toBe("logged_out");
    expect(events("zalo.session_logged_out")).toHaveLength(1);
    await gateway.stop();
  });

  it("keeps the refreshed cookies for the next start, encrypted", async () => {
    const saved: string[] = [];
    await open({
      persistCredentials: async (credentials) => {
        saved.push(String((credentials.cookie as Array<{ value: string }>)[0]!.value));
      },
    });
    await gateway.stop();
    expect(saved).toEqual(["refreshed-1", "refreshed-1"]);
  });

  it("answers in a group only when mentioned, on the group's session, and keeps surveys out of groups", async () => {
    await open();
    zalo.group("9001", "5101", "Hôm nay họp tổ dân phố lúc 8 giờ");
    zalo.group("9001", "5101", "@Lan nhớ mang sổ nhé", [{ uid: "5102", text: "@Lan" }]);
    zalo.group("9001", "5101", "@Loa ly hôn", [{ uid: BOT_ID, text: "@Loa" }]);
    const texts = await received("9001", 1);
    expect(texts[0]).toContain("Các quy định liên quan đến câu hỏi của bạn:");
    expect(zalo.sentTo("9001")[0]!.type).toBe(1);
    // One shared session for the group: its platform id is the group's, and no member becomes a contact.
    const groupContacts = await handle.db
      .select({ platformId: contacts.platformId })
      .from(contacts)
      .where(eq(contacts.channel, "zalo"));
    expect(groupContacts.map((c) => c.platformId)).toContain("group:9001");
    expect(groupContacts.map((c) => c.platformId)).not.toContain("5101");
    // A number picks from what the group was shown.
    zalo.group("9001", "5103", "@Loa 1", [{ uid: BOT_ID, text: "@Loa" }]);
    expect((await received("9001", 2))[1]).toMatch(/Điều \d+/);

    zalo.group("9001", "5101", "@Loa menu", [{ uid: BOT_ID, text: "@Loa" }]);
    await received("9001", 4);
    // "4" is "📝 Khảo sát" on the menu: like "khảo sát" or "xóa dữ liệu", it belongs in a private chat.
    // Sending a question to an officer is personal too: the answer would come back to the whole group.
    const privateOnly = [
      "@Loa 4",
      "@Loa khảo sát",
      "@Loa xoa du lieu",
      "@Loa survey:answer_feedback",
      "@Loa ask_officer",
    ];
    for (const text of privateOnly) {
      zalo.group("9001", "5101", text, [{ uid: BOT_ID, text: "@Loa" }]);
    }
    const notes = (await received("9001", 4 + privateOnly.length)).slice(4);
    expect(notes).toEqual(privateOnly.map(() => PRIVATE_ONLY_NOTE));
    await gateway.stop();
  });

  it("maps failed sends: blocked marks the contact unreachable, an unknown outcome is never sent twice", async () => {
    await open({ leaseMs: 400 });
    zalo.direct("5008", "menu");
    await received("5008", 2);
    // Zalo 122: the person takes no messages from strangers.
    zalo.current.failures.push(new ZaloApiError("Không thể gửi", 122));
    zalo.direct("5008", "giúp");
    await expect
      .poll(async () => {
        const [c] = await handle.db.select().from(contacts).where(eq(contacts.platformId, "5008"));
        return c?.unreachableAt ?? null;
      })
      .not.toBeNull();
    expect(zalo.sentTo("5008")).toHaveLength(2);

    // The send's answer never comes: cut off inside the lease, counted as sent, logged, not repeated.
    zalo.current.failures.push("hang");
    zalo.direct("5009", "giúp");
    await expect.poll(() => events("zalo.send_outcome_unknown").length, { timeout: 5_000 }).toBe(1);
    expect(await received("5009", 1)).toHaveLength(1);
    expect(events("zalo.send_outcome_unknown")[0]).toMatchObject({ name: "TimeoutError", counted: "sent" });
    await gateway.stop();
  });
});

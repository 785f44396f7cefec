import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts } from "../../../db/schema/index";
import type { DbHandle } from "../../../db/db";
import { pushToContact } from "../../../src/conversations/outbox";
import { hmacSha256 } from "../../../src/crypto";
import { createTestApp, optionValue, say, signedWebUser } from "../../support/test-app";
import { createTestDb, testDriver } from "../../support/test-db";

describe(`web chat routes (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;

  const PORTAL_SECRET = "cổng-thông-tin-tỉnh-bí-mật-dùng-chung-32+";
  beforeAll(async () => {
    handle = await createTestDb();
    app = createTestApp(handle.db, undefined, {}, { WEB_PORTAL_SECRET: PORTAL_SECRET });
  });
  const poll = async (user: string, query = "") =>
    app.request(`/web/messages?user=${encodeURIComponent(await signedWebUser(app, user))}${query}`);
  afterAll(async () => handle?.close());

  const post = (body: unknown, raw?: string) =>
    app.request("/web/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: raw ?? JSON.stringify(body),
    });

  it("creates the contact on the first message and answers with the menu", async () => {
    const replies = await say(app, "first-timer", "xin chào");
    expect(replies.length).toBeGreaterThan(0);
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.platformId, "first-timer"));
    expect(contact).toMatchObject({ channel: "web", locale: "vi" });
    const menu = await say(app, "first-timer", "menu");
    expect(menu.at(-1)!.options.map((o) => o.value)).toEqual(["topics", "lessons", "search", "survey", "subs", "help"]);
  });

  it("chooses an option when its value is sent as text, and by its number", async () => {
    const topics = await say(app, "chooser", "topics");
    expect(topics[0]!.text).toContain("Chọn lĩnh vực");
    const family = optionValue(topics, "Dân sự, hôn nhân");
    const documents = await say(app, "chooser", family);
    expect(documents[0]!.text).toContain("Dân sự, hôn nhân và gia đình");
    const position = documents[0]!.options.findIndex((o) => o.label.includes("Hôn nhân và gia đình"));
    const articles = await say(app, "chooser", String(position + 1));
    expect(articles[0]!.text).toMatch(/^Luật Hôn nhân và gia đình 2014 \(52\/2014\/QH13\) \(133 điều\)/);
  });

  it('finds "ly hôn" when asked "ly hon"', async () => {
    const replies = await say(app, "searcher", "ly hon");
    expect(replies[0]!.text).toMatch(/^Các quy định liên quan đến câu hỏi của bạn:/);
    const first = replies[0]!.options[0]!;
    const article = await say(app, "searcher", first.value);
    expect(article[0]!.text.toLocaleLowerCase("vi")).toContain("ly hôn");
  });

  it("answers 400 naming the field for a bad body", async () => {
    const cases: Array<[unknown, string]> = [
      [{ text: "hi" }, "user"],
      [{ user: "x" }, "text"],
      [{ user: "", text: "hi" }, "user"],
      [{ user: "có dấu", text: "hi" }, "user"],
      [{ user: "x", text: 42 }, "text"],
      [{ user: "x", text: "a".repeat(4097) }, "text"],
    ];
    for (const [body, field] of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      const json = (await response.json()) as { error: { code: string; issues: Array<{ field: string }> } };
      expect(json.error.code).toBe("invalid_request");
      expect(json.error.issues.map((i) => i.field)).toContain(field);
    }
  });

  it("accepts exactly 4,096 characters", async () => {
    const response = await post({ user: await signedWebUser(app, "long-writer"), text: "ă".repeat(4096) });
    expect(response.status).toBe(200);
  });

  it("answers 400, not 500, for malformed JSON", async () => {
    const response = await post(undefined, '{"user": "x", "text": ');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
  });

  it("returns pushed messages after a cursor, oldest first, with the next cursor", async () => {
    await say(app, "listener", "menu");
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.platformId, "listener"));
    for (let i = 1; i <= 3; i++) await pushToContact(handle.db, contact!.id, "test", [{ text: `Tin ${i}` }]);

    const first = await poll("listener", "&limit=2");
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as {
      messages: Array<{ replies: Array<{ text: string }> }>;
      cursor: string;
      hasMore: boolean;
    };
    expect(page1.messages.map((m) => m.replies[0]!.text)).toEqual(["Tin 1", "Tin 2"]);
    expect(page1.hasMore).toBe(true);

    const page2 = (await (await poll("listener", `&after=${page1.cursor}`)).json()) as typeof page1;
    expect(page2.messages.map((m) => m.replies[0]!.text)).toEqual(["Tin 3"]);
    expect(page2.hasMore).toBe(false);

    const page3 = (await (await poll("listener", `&after=${page2.cursor}`)).json()) as typeof page1;
    expect(page3.messages).toEqual([]);
    expect(page3.cursor).toBe(page2.cursor);
  });

  it("shows nobody else's pushed messages, and none for an unknown user", async () => {
    const other = (await (await poll("stranger")).json()) as { messages: unknown[] };
    expect(other.messages).toEqual([]);
    const [stranger] = await handle.db.select().from(contacts).where(eq(contacts.platformId, "stranger"));
    expect(stranger).toBeUndefined();
  });

  it("answers 400 for a bad poll query", async () => {
    for (const query of ["", "?user=x&after=-1", "?user=x&after=abc", "?user=x&limit=1000"]) {
      const response = await app.request(`/web/messages${query}`);
      expect(response.status, query).toBe(400);
    }
  });

  it("normalises a lone surrogate instead of failing with 500", async () => {
    // Sent exactly as a hostile client did: the JSON escape of half a surrogate pair.
    const user = await signedWebUser(app, "surrogate");
    const response = await post(undefined, `{"user":"${user}","text":"ly h\\ud83don"}`);
    expect(response.status).toBe(200);
    const { replies } = (await response.json()) as { replies: Array<{ text: string }> };
    // Taken as a question like any text: articles, or a kind "nothing found" (never an error).
    expect(replies[0]!.text).toMatch(/^(Các quy định liên quan|Tôi chưa tìm thấy quy định nào)/);
  });

  it("refuses a NUL in the text with 400 naming text", async () => {
    const response = await post({ user: await signedWebUser(app, "nul-sender"), text: "ly\u0000hon" });
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { issues: Array<{ field: string }> } };
    expect(json.error.issues.map((i) => i.field)).toEqual(["text"]);
  });

  describe("signed ids", () => {
    const sign = async (secret: string, id: string) => `${id}.${await hmacSha256(secret, id)}`;
    const contactCount = async (platformId: string) =>
      (await handle.db.select().from(contacts).where(eq(contacts.platformId, platformId))).length;

    it("refuses unsigned, forged and wrongly signed ids with 401 naming user; reads and writes nothing", async () => {
      await say(app, "victim-1", "menu");
      const [victim] = await handle.db.select().from(contacts).where(eq(contacts.platformId, "victim-1"));
      await pushToContact(handle.db, victim!.id, "test", [{ text: "Tin riêng của victim-1" }]);
      const genuine = await signedWebUser(app, "victim-1");
      const forged = [
        "victim-1",
        `victim-1.${"A".repeat(43)}`,
        `victim-2.${genuine.split(".").at(-1)}`,
        await sign("một bí mật khác, không phải của máy chủ này", "victim-1"),
      ];
      for (const user of forged) {
        for (const response of [
          await post({ user, text: "xóa dữ liệu của tôi" }),
          await app.request(`/web/messages?user=${encodeURIComponent(user)}`),
        ]) {
          expect(response.status, user).toBe(401);
          const json = (await response.json()) as { error: { code: string; issues: Array<{ field: string }> } };
          expect(json.error.code).toBe("unauthorized");
          expect(json.error.issues.map((i) => i.field)).toEqual(["user"]);
        }
      }
      expect(await contactCount("victim-2")).toBe(0);
      const mine = (await (await poll("victim-1")).json()) as { messages: unknown[] };
      expect(mine.messages).toHaveLength(1); // still unread by anyone else, and still there
    });

    it("issues a signed id to a new browser, which then works and is stored bare", async () => {
      const issued = await app.request("/web/identity", { method: "POST" });
      expect(issued.status).toBe(200);
      const { user } = (await issued.json()) as { user: string };
      expect(user).toMatch(/^web-[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
      expect((await post({ user, text: "menu" })).status).toBe(200);
      expect(await contactCount(user.slice(0, user.lastIndexOf(".")))).toBe(1);
      expect(await contactCount(user)).toBe(0);
    });

    it("accepts an id the portal signed with WEB_PORTAL_SECRET", async () => {
      const user = await sign(PORTAL_SECRET, "portal-user-12345");
      expect((await post({ user, text: "menu" })).status).toBe(200);
      expect(await contactCount("portal-user-12345")).toBe(1);
      expect((await app.request(`/web/messages?user=${encodeURIComponent(user)}`)).status).toBe(200);
      // Without the setting, portal signatures mean nothing.
      const plain = createTestApp(handle.db);
      const refused = await plain.request("/web/messages", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user, text: "menu" }),
      });
      expect(refused.status).toBe(401);
    });
  });

  it("sends the page with a CSP that allows no inline script, and nosniff everywhere", async () => {
    const page = await app.request("/chat");
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'self' https:");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await page.text();
    expect(html).not.toMatch(/<script>|<style>|style="/);
    for (const [path, type] of [
      ["/chat.js", "text/javascript"],
      ["/chat.css", "text/css"],
    ] as const) {
      const asset = await app.request(path);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toContain(type);
      expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
    }
    const api = await app.request("/api/version");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const framed = createTestApp(handle.db, undefined, {}, { WEB_FRAME_ANCESTORS: "https://congthongtin.example.vn" });
    expect((await framed.request("/chat")).headers.get("content-security-policy")).toContain(
      "frame-ancestors https://congthongtin.example.vn",
    );
  });

  it("serves the chat page", async () => {
    const response = await app.request("/chat");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<script src="/chat.js" defer></script>');
    expect(await (await app.request("/chat.js")).text()).toContain("/web/messages");
  });
});

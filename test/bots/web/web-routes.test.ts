import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts } from "../../../db/schema/index";
import type { DbHandle } from "../../../db/db";
import { pushToContact } from "../../../src/conversations/outbox";
import { createTestApp, optionValue, say } from "../../support/test-app";
import { createTestDb, testDriver } from "../../support/test-db";

describe(`web chat routes (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    handle = await createTestDb();
    app = createTestApp(handle.db);
  });
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
    expect(menu.at(-1)!.options.map((o) => o.value)).toEqual(["topics", "lessons", "search", "survey", "help"]);
  });

  it("chooses an option when its value is sent as text, and by its number", async () => {
    const topics = await say(app, "chooser", "topics");
    expect(topics[0]!.text).toContain("Chọn lĩnh vực");
    const family = optionValue(topics, "Dân sự, hôn nhân");
    const documents = await say(app, "chooser", family);
    expect(documents[0]!.text).toContain("Dân sự, hôn nhân và gia đình");
    const position = documents[0]!.options.findIndex((o) => o.label.includes("Hôn nhân và gia đình"));
    const articles = await say(app, "chooser", String(position + 1));
    expect(articles[0]!.text).toMatch(/^Luật Hôn nhân và gia đình \(133 điều\)/);
  });

  it('finds "ly hôn" when asked "ly hon"', async () => {
    const replies = await say(app, "searcher", "ly hon");
    expect(replies[0]!.text).toMatch(/Kết quả tìm kiếm cho "ly hon"/);
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
    const response = await post({ user: "long-writer", text: "ă".repeat(4096) });
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

    const first = await app.request("/web/messages?user=listener&limit=2");
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as {
      messages: Array<{ replies: Array<{ text: string }> }>;
      cursor: string;
      hasMore: boolean;
    };
    expect(page1.messages.map((m) => m.replies[0]!.text)).toEqual(["Tin 1", "Tin 2"]);
    expect(page1.hasMore).toBe(true);

    const page2 = (await (
      await app.request(`/web/messages?user=listener&after=${page1.cursor}`)
    ).json()) as typeof page1;
    expect(page2.messages.map((m) => m.replies[0]!.text)).toEqual(["Tin 3"]);
    expect(page2.hasMore).toBe(false);

    const page3 = (await (
      await app.request(`/web/messages?user=listener&after=${page2.cursor}`)
    ).json()) as typeof page1;
    expect(page3.messages).toEqual([]);
    expect(page3.cursor).toBe(page2.cursor);
  });

  it("shows nobody else's pushed messages, and none for an unknown user", async () => {
    const other = (await (await app.request("/web/messages?user=stranger")).json()) as { messages: unknown[] };
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

  it("serves the chat page", async () => {
    const response = await app.request("/chat");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain("/web/messages");
  });
});

import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { contacts, conversationSessions, processedUpdates } from "../../db/schema/index";
import { processInbound } from "../../src/conversations/process-inbound";
import { createTestDb, testDriver } from "../support/test-db";

describe(`processInbound (${testDriver})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
  });
  afterAll(async () => handle?.close());

  const sessionOf = async (platformId: string) => {
    const [row] = await handle.db
      .select({ state: conversationSessions.state, revision: conversationSessions.revision })
      .from(conversationSessions)
      .innerJoin(contacts, eq(contacts.id, conversationSessions.contactId))
      .where(eq(contacts.platformId, platformId));
    return row;
  };

  it("creates one contact per channel identity, with a pseudonymous id", async () => {
    const first = await processInbound(handle.db, { channel: "telegram", platformId: "42", text: "menu" });
    const again = await processInbound(handle.db, { channel: "telegram", platformId: "42", text: "menu" });
    const web = await processInbound(handle.db, { channel: "web", platformId: "42", text: "menu" });
    expect(first).toMatchObject({ status: "processed", newContact: true });
    expect(again).toMatchObject({ status: "processed", newContact: false });
    expect(web).toMatchObject({ status: "processed", newContact: true });
    const rows = await handle.db.select().from(contacts).where(eq(contacts.platformId, "42"));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.pseudonymousId).not.toBe(rows[1]!.pseudonymousId);
  });

  it("keeps the session between messages", async () => {
    await processInbound(handle.db, { channel: "web", platformId: "keeper", text: "menu" });
    const topics = await processInbound(handle.db, { channel: "web", platformId: "keeper", text: "1" });
    expect(topics.status === "processed" && topics.replies[0]!.text).toContain("Chọn lĩnh vực");
    expect((await sessionOf("keeper"))!.state).toMatchObject({ screen: { kind: "topics" } });
  });

  it("processes an update once, however often it is delivered", async () => {
    const message = { channel: "telegram" as const, platformId: "dup", text: "menu", updateKey: "1001" };
    const results = await Promise.all([processInbound(handle.db, message), processInbound(handle.db, message)]);
    expect(results.map((r) => r.status).sort()).toEqual(["duplicate", "processed"]);
    expect(await processInbound(handle.db, message)).toEqual({ status: "duplicate" });
    expect((await sessionOf("dup"))!.revision).toBe(1);
    const [keys] = await handle.db
      .select({ n: count() })
      .from(processedUpdates)
      .where(eq(processedUpdates.updateKey, "1001"));
    expect(keys!.n).toBe(1);
  });

  it("serves simultaneous messages from one person one after the other, losing none", async () => {
    await processInbound(handle.db, { channel: "web", platformId: "busy", text: "menu" });
    await Promise.all(
      Array.from({ length: 8 }, () => processInbound(handle.db, { channel: "web", platformId: "busy", text: "menu" })),
    );
    expect((await sessionOf("busy"))!.revision).toBe(9);
  });

  it("rolls back the update key when processing fails, so a retry is processed", async () => {
    const message = { channel: "telegram" as const, platformId: "x".repeat(10), text: "menu", updateKey: "2002" };
    // A platform id the contacts table cannot take (null) makes the transaction fail after the key was claimed.
    await expect(processInbound(handle.db, { ...message, platformId: null as never })).rejects.toThrow();
    expect(await processInbound(handle.db, message)).toMatchObject({ status: "processed" });
  });
});

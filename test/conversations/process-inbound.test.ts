import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { contacts, conversationSessions, outboxMessages, processedUpdates, surveyAnswers } from "../../db/schema/index";
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

  it("applies 20 simultaneous messages of one person one after the other, each on the last one's state", async () => {
    await processInbound(handle.db, { channel: "web", platformId: "crowd", text: "menu" });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        processInbound(handle.db, { channel: "web", platformId: "crowd", text: i % 2 ? "menu" : "topics" }),
      ),
    );
    // Every turn produced its own revision: none was lost, none was built on a state another turn also used.
    const revisions = results.map((r) => (r.status === "processed" ? r.revision : undefined));
    expect(revisions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect((await sessionOf("crowd"))!.revision).toBe(21);
  });

  it("builds each of one person's simultaneous turns on the state the previous one left", async () => {
    await processInbound(handle.db, { channel: "web", platformId: "walker", text: "menu" });
    // "1" picks the first option last shown: menu → topics → a topic's statutes → a statute's articles → an article.
    // Turns that read the same state would all answer the first step.
    const results = await Promise.all(
      Array.from({ length: 4 }, () => processInbound(handle.db, { channel: "web", platformId: "walker", text: "1" })),
    );
    const texts = results.map((r) => (r.status === "processed" ? r.replies[0]!.text : ""));
    expect(new Set(texts).size).toBe(4);
    expect((await sessionOf("walker"))!.state).toMatchObject({ screen: { kind: "article" } });
  });

  it("processes one update once when it arrives ten times at once, and queues its reply once", async () => {
    const message = {
      channel: "telegram" as const,
      platformId: "storm",
      text: "menu",
      updateKey: "3003",
      queueReplies: true,
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => processInbound(handle.db, message)));
    expect(results.filter((r) => r.status === "processed")).toHaveLength(1);
    expect((await sessionOf("storm"))!.revision).toBe(1);
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.platformId, "storm"));
    const queued = await handle.db.select().from(outboxMessages).where(eq(outboxMessages.contactId, contact!.id));
    expect(queued).toHaveLength(1);
  });

  it("keeps nothing of a turn that crashes while saving, so the retry is processed once", async () => {
    const message = {
      channel: "telegram" as const,
      platformId: "crash",
      text: "topics",
      updateKey: "4004",
      queueReplies: true,
    };
    await processInbound(handle.db, { ...message, text: "menu", updateKey: "4003" });
    // The database fails the outbox insert, the last part of the turn's save: a crash between the session and the
    // queued reply.
    await handle.db.execute(
      sql.raw(`create function fail_outbox() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash'; end; $$`),
    );
    await handle.db.execute(
      sql.raw(
        "create trigger fail_outbox before insert on outbox_messages for each row execute function fail_outbox()",
      ),
    );
    try {
      await expect(processInbound(handle.db, message)).rejects.toThrow(/simulated crash/);
    } finally {
      await handle.db.execute(sql.raw("drop trigger fail_outbox on outbox_messages"));
      await handle.db.execute(sql.raw("drop function fail_outbox()"));
    }
    const before = await sessionOf("crash");
    expect(before).toMatchObject({ revision: 1, state: { screen: { kind: "menu" } } });
    const claimed = await handle.db.select().from(processedUpdates).where(eq(processedUpdates.updateKey, "4004"));
    expect(claimed).toHaveLength(0);

    expect(await processInbound(handle.db, message)).toMatchObject({ status: "processed", revision: 2 });
    expect(await processInbound(handle.db, message)).toEqual({ status: "duplicate" });
    expect(await sessionOf("crash")).toMatchObject({ revision: 2, state: { screen: { kind: "topics" } } });
  });

  it("keeps nothing of a survey turn that crashes while recording its answer", async () => {
    const say = (text: string) => processInbound(handle.db, { channel: "web", platformId: "crash-survey", text });
    const optionsOf = (result: Awaited<ReturnType<typeof say>>) =>
      result.status === "processed" ? (result.replies.at(-1)?.options ?? []) : [];
    const list = await say("khảo sát");
    await say(optionsOf(list).find((o) => o.value.startsWith("survey:"))!.value);
    await say("age:adult"); // the age group comes before consent
    const question = await say("c:yes");
    const answer = optionsOf(question)[0]!.value;
    const before = await sessionOf("crash-survey");

    await handle.db.execute(
      sql.raw(`create function fail_answer() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash'; end; $$`),
    );
    await handle.db.execute(
      sql.raw("create trigger fail_answer before insert on survey_answers for each row execute function fail_answer()"),
    );
    try {
      // drizzle wraps the database error in its own.
      await expect(say(answer)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/simulated crash/) } });
    } finally {
      await handle.db.execute(sql.raw("drop trigger fail_answer on survey_answers"));
      await handle.db.execute(sql.raw("drop function fail_answer()"));
    }
    expect(await sessionOf("crash-survey")).toEqual(before);
    expect(await say(answer)).toMatchObject({ status: "processed", revision: before!.revision + 1 });
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.platformId, "crash-survey"));
    const [answers] = await handle.db
      .select({ n: count() })
      .from(surveyAnswers)
      .where(sql`${surveyAnswers.responseId} in (select id from survey_responses where contact_id = ${contact!.id})`);
    expect(answers!.n).toBe(1);
  });
});

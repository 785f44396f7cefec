import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { contentRevision, topics } from "../../db/schema/index";
import { cachedContentSource } from "../../src/content/content-cache";
import { processInbound } from "../../src/conversations/process-inbound";
import { createTestDb, testDriver } from "../support/test-db";

describe(`content cache (${testDriver})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
  });
  afterAll(async () => handle?.close());

  const topicsReply = async (user: string) => {
    const result = await processInbound(handle.db, { channel: "web", platformId: user, text: "topics" });
    return result.status === "processed" ? result.replies.flatMap((r) => (r.options ?? []).map((o) => o.label)) : [];
  };
  const revision = async () => (await handle.db.select().from(contentRevision))[0]!.revision;

  it("shows a change made by any instance on the next message", async () => {
    const before = await topicsReply("reader");
    expect(before.length).toBeGreaterThan(1);
    const [first] = await handle.db.select().from(topics).orderBy(topics.ordinal).limit(1);
    const shown = before.find((label) => label.startsWith(first!.name));
    expect(shown).toBeDefined();
    const revisionBefore = await revision();

    // Another instance (or an officer with SQL) renames a topic: no call into this process's cache.
    await handle.db.update(topics).set({ name: "Chủ đề đổi tên" }).where(eq(topics.id, first!.id));
    expect(await revision()).toBeGreaterThan(revisionBefore);
    const after = await topicsReply("reader");
    expect(after.some((label) => label.startsWith("Chủ đề đổi tên"))).toBe(true);
    expect(after.some((label) => label.startsWith(first!.name))).toBe(false);
  });

  it("moves the revision with every kind of content change, not with other writes", async () => {
    const start = await revision();
    await handle.db.execute(sql`update lessons set status = status`);
    await handle.db.execute(sql`update legal_documents set title = title where false`);
    await handle.db.execute(sql`update articles set title = title where false`);
    expect(await revision()).toBe(start + 3);
    await processInbound(handle.db, { channel: "web", platformId: "other-writes", text: "menu" });
    expect(await revision()).toBe(start + 3);
  });

  it("serves one load to every reader of a revision, and frozen, so no reader can change what others see", async () => {
    const current = await revision();
    const a = await cachedContentSource(handle.db, handle.db, current).listTopics();
    const b = await cachedContentSource(handle.db, handle.db, current).listTopics();
    expect(b).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a[0])).toBe(true);
    // A newer revision starts afresh; a turn that read an older one reads directly.
    const newer = await cachedContentSource(handle.db, handle.db, current + 1).listTopics();
    expect(newer).not.toBe(a);
    expect(await cachedContentSource(handle.db, handle.db, current).listTopics()).not.toBe(newer);
  });
});

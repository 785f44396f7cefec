// Topics (lĩnh vực) as officers manage them: the shelves statutes and lessons sit on. Shared by every unit; changes
// are audited.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { topics } from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import { type Principal } from "../officers/principal";
import { normalizeText, slugify } from "../text/vietnamese";

/** Fails with invalid_request naming topicId when the topic does not exist (null/undefined: no topic). */
export async function topicOrFail(db: Db, topicId: number | null | undefined) {
  if (topicId === undefined || topicId === null) return;
  const [topic] = await db.select({ id: topics.id }).from(topics).where(eq(topics.id, topicId));
  if (!topic) throw new ApiError("invalid_request", `Không có lĩnh vực số ${topicId}`, "topicId");
}

export async function listTopicsForOfficer(db: Db) {
  return db.select().from(topics).orderBy(asc(topics.ordinal), asc(topics.id));
}

export interface TopicInput {
  name: string;
  description?: string | null;
  ordinal?: number;
}

export async function createTopic(db: Db, principal: Principal, input: TopicInput) {
  return db.transaction(async (tx) => {
    const name = normalizeText(input.name).trim();
    const slug = slugify(name);
    const [taken] = await tx.select({ id: topics.id }).from(topics).where(eq(topics.slug, slug));
    if (taken) throw new ApiError("conflict", `Đã có lĩnh vực "${name}"`, "name");
    const [row] = await tx
      .insert(topics)
      .values({ slug, name, description: input.description ?? null, ordinal: input.ordinal ?? 100 })
      .returning();
    await recordAudit(tx, principal, {
      action: "content.create",
      targetType: "topic",
      targetId: row!.id,
      unitId: principal.unitId,
      details: { name },
    });
    return row!;
  });
}

export async function updateTopic(db: Db, principal: Principal, id: number, changes: Partial<TopicInput>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(topics)
      .set({
        ...(changes.name !== undefined ? { name: normalizeText(changes.name).trim() } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.ordinal !== undefined ? { ordinal: changes.ordinal } : {}),
      })
      .where(eq(topics.id, id))
      .returning();
    if (!row) return null;
    await recordAudit(tx, principal, {
      action: "content.update",
      targetType: "topic",
      targetId: id,
      unitId: principal.unitId,
      details: { changes },
    });
    return row;
  });
}

// Lessons as officers manage them: written by a unit, visible to citizens once published. All audited.
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/db";
import { lessons, units, type Citation, type ContentStatus } from "../../db/schema/index";
import { recordAudit } from "../officers/audit";
import { unitInScopeOrFail } from "../officers/officer-service";
import { inScope, type Principal } from "../officers/principal";
import { searchVectorLiteral } from "../text/search-terms";
import { normalizeText } from "../text/vietnamese";
import { topicOrFail } from "./topic-admin";
import { uniqueSlug } from "./unique-slug";

const lessonColumns = {
  id: lessons.id,
  slug: lessons.slug,
  title: lessons.title,
  summary: lessons.summary,
  body: lessons.body,
  topicId: lessons.topicId,
  citations: lessons.citations,
  unitCode: units.code,
  status: lessons.status,
  publishedAt: lessons.publishedAt,
  updatedAt: lessons.updatedAt,
};

export async function listLessonsForOfficer(
  db: Db,
  principal: Principal,
  status: ContentStatus | undefined,
  page: number,
  pageSize: number,
) {
  const conditions: SQL[] = [inScope(principal, lessons.ownerUnitId)];
  if (status) conditions.push(eq(lessons.status, status));
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(lessons).where(where);
  const items = await db
    .select(lessonColumns)
    .from(lessons)
    .innerJoin(units, eq(units.id, lessons.ownerUnitId))
    .where(where)
    .orderBy(asc(lessons.ordinal), desc(lessons.updatedAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, page, pageSize, total };
}

/**
 * Every published lesson's id and title, in reading order: what any campaign message may link to (citizens read
 * every published lesson, whichever unit wrote it).
 */
export async function listPublishedLessonTitles(db: Db, limit: number) {
  return db
    .select({ id: lessons.id, title: lessons.title })
    .from(lessons)
    .where(eq(lessons.status, "published"))
    .orderBy(asc(lessons.ordinal), asc(lessons.id))
    .limit(limit);
}

export async function getLessonForOfficer(db: Db, principal: Principal, id: number) {
  const [row] = await db
    .select({ ...lessonColumns, ownerUnitId: lessons.ownerUnitId })
    .from(lessons)
    .innerJoin(units, eq(units.id, lessons.ownerUnitId))
    .where(and(eq(lessons.id, id), inScope(principal, lessons.ownerUnitId)));
  return row ?? null;
}

export interface LessonInput {
  title: string;
  summary: string;
  body: string;
  topicId?: number | null;
  citations?: Citation[];
  unitCode?: string;
}

const lessonSearch = (title: string, summary: string, body: string) =>
  searchVectorLiteral([
    { text: title, weight: "A" },
    { text: summary, weight: "B" },
    { text: body, weight: "D" },
  ]);

export async function createLesson(db: Db, principal: Principal, input: LessonInput) {
  return db.transaction(async (tx) => {
    const unit = input.unitCode ? await unitInScopeOrFail(tx, principal, input.unitCode) : { id: principal.unitId };
    await topicOrFail(tx, input.topicId);
    const title = normalizeText(input.title).trim();
    const summary = normalizeText(input.summary).trim();
    const body = normalizeText(input.body).trim();
    const [row] = await tx
      .insert(lessons)
      .values({
        slug: await uniqueSlug(tx, lessons, title),
        title,
        summary,
        body,
        topicId: input.topicId ?? null,
        citations: input.citations ?? [],
        ownerUnitId: unit.id,
        status: "draft",
        search: lessonSearch(title, summary, body),
      })
      .returning({ id: lessons.id });
    await recordAudit(tx, principal, {
      action: "content.create",
      targetType: "lesson",
      targetId: row!.id,
      unitId: unit.id,
      details: { title },
    });
    return (await getLessonForOfficer(tx, principal, row!.id))!;
  });
}

export async function updateLesson(db: Db, principal: Principal, id: number, changes: Partial<LessonInput>) {
  return db.transaction(async (tx) => {
    const current = await getLessonForOfficer(tx, principal, id);
    if (!current) return null;
    const unit = changes.unitCode ? await unitInScopeOrFail(tx, principal, changes.unitCode) : null;
    await topicOrFail(tx, changes.topicId);
    const title = changes.title !== undefined ? normalizeText(changes.title).trim() : current.title;
    const summary = changes.summary !== undefined ? normalizeText(changes.summary).trim() : current.summary;
    const body = changes.body !== undefined ? normalizeText(changes.body).trim() : current.body;
    await tx
      .update(lessons)
      .set({
        title,
        summary,
        body,
        search: lessonSearch(title, summary, body),
        ...(changes.topicId !== undefined ? { topicId: changes.topicId } : {}),
        ...(changes.citations !== undefined ? { citations: changes.citations } : {}),
        ...(unit ? { ownerUnitId: unit.id } : {}),
        updatedAt: new Date(),
      })
      .where(eq(lessons.id, id));
    await recordAudit(tx, principal, {
      action: "content.update",
      targetType: "lesson",
      targetId: id,
      unitId: unit?.id ?? current.ownerUnitId,
      details: { fields: Object.keys(changes) },
    });
    return getLessonForOfficer(tx, principal, id);
  });
}

export async function setLessonStatus(db: Db, principal: Principal, id: number, status: ContentStatus) {
  return db.transaction(async (tx) => {
    const current = await getLessonForOfficer(tx, principal, id);
    if (!current) return null;
    await tx
      .update(lessons)
      .set({ status, publishedAt: status === "published" ? new Date() : current.publishedAt, updatedAt: new Date() })
      .where(eq(lessons.id, id));
    await recordAudit(tx, principal, {
      action: status === "published" ? "content.publish" : "content.unpublish",
      targetType: "lesson",
      targetId: id,
      unitId: current.ownerUnitId,
      details: { title: current.title },
    });
    return getLessonForOfficer(tx, principal, id);
  });
}

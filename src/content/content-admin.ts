// Content as officers manage it: statutes, their articles, lessons and topics. A document or lesson belongs to a
// unit; officers see and change what their scope owns. Publishing makes it visible to citizens. All audited.
import { and, asc, count, desc, eq, max, type SQL } from "drizzle-orm";
import type { Db } from "../../db/db";
import {
  articles,
  legalDocuments,
  lessons,
  topics,
  units,
  type Citation,
  type ContentStatus,
} from "../../db/schema/index";
import { recordAudit } from "../officers/audit";
import { ApiError } from "../errors";
import { unitInScopeOrFail } from "../officers/officer-service";
import { inScope, type Principal } from "../officers/principal";
import { searchVectorLiteral } from "../text/search-terms";
import { normalizeText, slugify } from "../text/vietnamese";
import { documentTypeOf } from "./law-file";

const documentColumns = {
  id: legalDocuments.id,
  slug: legalDocuments.slug,
  title: legalDocuments.title,
  docType: legalDocuments.docType,
  officialNumber: legalDocuments.officialNumber,
  topicId: legalDocuments.topicId,
  unitCode: units.code,
  source: legalDocuments.source,
  status: legalDocuments.status,
  publishedAt: legalDocuments.publishedAt,
  updatedAt: legalDocuments.updatedAt,
};

async function topicOrFail(db: Db, topicId: number | null | undefined) {
  if (topicId === undefined || topicId === null) return;
  const [topic] = await db.select({ id: topics.id }).from(topics).where(eq(topics.id, topicId));
  if (!topic) throw new ApiError("invalid_request", `Không có lĩnh vực số ${topicId}`, "topicId");
}

/** A unique slug: the title's, with a number added when another item already has it. */
async function uniqueSlug(db: Db, table: typeof legalDocuments | typeof lessons, title: string): Promise<string> {
  const base = slugify(title).slice(0, 80) || "noi-dung";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [taken] = await db.select({ id: table.id }).from(table).where(eq(table.slug, slug));
    if (!taken) return slug;
  }
}

export async function listDocumentsForOfficer(
  db: Db,
  principal: Principal,
  status: ContentStatus | undefined,
  page: number,
  pageSize: number,
) {
  const conditions: SQL[] = [inScope(principal, legalDocuments.ownerUnitId)];
  if (status) conditions.push(eq(legalDocuments.status, status));
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(legalDocuments).where(where);
  const items = await db
    .select(documentColumns)
    .from(legalDocuments)
    .innerJoin(units, eq(units.id, legalDocuments.ownerUnitId))
    .where(where)
    .orderBy(asc(legalDocuments.title))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, page, pageSize, total };
}

export async function getDocumentForOfficer(db: Db, principal: Principal, id: number) {
  const [row] = await db
    .select({ ...documentColumns, ownerUnitId: legalDocuments.ownerUnitId })
    .from(legalDocuments)
    .innerJoin(units, eq(units.id, legalDocuments.ownerUnitId))
    .where(and(eq(legalDocuments.id, id), inScope(principal, legalDocuments.ownerUnitId)));
  return row ?? null;
}

export interface DocumentInput {
  title: string;
  officialNumber?: string | null;
  topicId?: number | null;
  unitCode?: string;
  source?: string | null;
}

export async function createDocument(db: Db, principal: Principal, input: DocumentInput) {
  return db.transaction(async (tx) => {
    const unit = input.unitCode ? await unitInScopeOrFail(tx, principal, input.unitCode) : { id: principal.unitId };
    await topicOrFail(tx, input.topicId);
    const title = normalizeText(input.title).trim();
    const [row] = await tx
      .insert(legalDocuments)
      .values({
        slug: await uniqueSlug(tx, legalDocuments, title),
        title,
        docType: documentTypeOf(title),
        officialNumber: input.officialNumber ?? null,
        topicId: input.topicId ?? null,
        ownerUnitId: unit.id,
        source: input.source ?? null,
        status: "draft",
      })
      .returning({ id: legalDocuments.id });
    await recordAudit(tx, principal, {
      action: "content.create",
      targetType: "document",
      targetId: row!.id,
      unitId: unit.id,
      details: { title },
    });
    return (await getDocumentForOfficer(tx, principal, row!.id))!;
  });
}

export async function updateDocument(db: Db, principal: Principal, id: number, changes: Partial<DocumentInput>) {
  return db.transaction(async (tx) => {
    const current = await getDocumentForOfficer(tx, principal, id);
    if (!current) return null;
    const unit = changes.unitCode ? await unitInScopeOrFail(tx, principal, changes.unitCode) : null;
    await topicOrFail(tx, changes.topicId);
    const title = changes.title !== undefined ? normalizeText(changes.title).trim() : undefined;
    await tx
      .update(legalDocuments)
      .set({
        ...(title !== undefined ? { title, docType: documentTypeOf(title) } : {}),
        ...(changes.officialNumber !== undefined ? { officialNumber: changes.officialNumber } : {}),
        ...(changes.topicId !== undefined ? { topicId: changes.topicId } : {}),
        ...(changes.source !== undefined ? { source: changes.source } : {}),
        ...(unit ? { ownerUnitId: unit.id } : {}),
        updatedAt: new Date(),
      })
      .where(eq(legalDocuments.id, id));
    await recordAudit(tx, principal, {
      action: "content.update",
      targetType: "document",
      targetId: id,
      unitId: unit?.id ?? current.ownerUnitId,
      details: { changes },
    });
    return getDocumentForOfficer(tx, principal, id);
  });
}

export async function setDocumentStatus(db: Db, principal: Principal, id: number, status: ContentStatus) {
  return db.transaction(async (tx) => {
    const current = await getDocumentForOfficer(tx, principal, id);
    if (!current) return null;
    if (status === "published") {
      const [articleCount] = await tx.select({ n: count() }).from(articles).where(eq(articles.documentId, id));
      if (!articleCount?.n) throw new ApiError("invalid_request", "Văn bản chưa có điều nào, chưa thể đăng", "id");
    }
    await tx
      .update(legalDocuments)
      .set({ status, publishedAt: status === "published" ? new Date() : current.publishedAt, updatedAt: new Date() })
      .where(eq(legalDocuments.id, id));
    await recordAudit(tx, principal, {
      action: status === "published" ? "content.publish" : "content.unpublish",
      targetType: "document",
      targetId: id,
      unitId: current.ownerUnitId,
      details: { title: current.title },
    });
    return getDocumentForOfficer(tx, principal, id);
  });
}

const articleColumns = {
  id: articles.id,
  documentId: articles.documentId,
  number: articles.number,
  ordinal: articles.ordinal,
  title: articles.title,
  body: articles.body,
};

export async function listArticlesForOfficer(
  db: Db,
  principal: Principal,
  documentId: number,
  page: number,
  pageSize: number,
) {
  const document = await getDocumentForOfficer(db, principal, documentId);
  if (!document) return null;
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(articles)
    .where(eq(articles.documentId, documentId));
  const items = await db
    .select(articleColumns)
    .from(articles)
    .where(eq(articles.documentId, documentId))
    .orderBy(asc(articles.ordinal))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, page, pageSize, total };
}

export interface ArticleInput {
  number: string;
  title?: string | null;
  body: string;
}

const articleSearch = (title: string | null, body: string) =>
  searchVectorLiteral([
    { text: title ?? "", weight: "A" },
    { text: body, weight: "D" },
  ]);

export async function createArticle(db: Db, principal: Principal, documentId: number, input: ArticleInput) {
  return db.transaction(async (tx) => {
    const document = await getDocumentForOfficer(tx, principal, documentId);
    if (!document) return null;
    const [taken] = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.documentId, documentId), eq(articles.number, input.number)));
    if (taken) throw new ApiError("conflict", `Văn bản đã có Điều ${input.number}`, "number");
    const [last] = await tx
      .select({ ordinal: max(articles.ordinal) })
      .from(articles)
      .where(eq(articles.documentId, documentId));
    const title = input.title ? normalizeText(input.title).trim() : null;
    const body = normalizeText(input.body).trim();
    const [row] = await tx
      .insert(articles)
      .values({
        documentId,
        number: input.number,
        ordinal: (last?.ordinal ?? 0) + 1,
        title,
        body,
        search: articleSearch(title, body),
      })
      .returning(articleColumns);
    await recordAudit(tx, principal, {
      action: "content.create",
      targetType: "article",
      targetId: row!.id,
      unitId: document.ownerUnitId,
      details: { documentId, number: input.number },
    });
    return row!;
  });
}

export async function updateArticle(db: Db, principal: Principal, articleId: number, changes: Partial<ArticleInput>) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ ...articleColumns, ownerUnitId: legalDocuments.ownerUnitId })
      .from(articles)
      .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
      .where(and(eq(articles.id, articleId), inScope(principal, legalDocuments.ownerUnitId)));
    if (!current) return null;
    if (changes.number !== undefined && changes.number !== current.number) {
      const [taken] = await tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.documentId, current.documentId), eq(articles.number, changes.number)));
      if (taken) throw new ApiError("conflict", `Văn bản đã có Điều ${changes.number}`, "number");
    }
    const title =
      changes.title !== undefined ? (changes.title ? normalizeText(changes.title).trim() : null) : current.title;
    const body = changes.body !== undefined ? normalizeText(changes.body).trim() : current.body;
    const [row] = await tx
      .update(articles)
      .set({ number: changes.number ?? current.number, title, body, search: articleSearch(title, body) })
      .where(eq(articles.id, articleId))
      .returning(articleColumns);
    await recordAudit(tx, principal, {
      action: "content.update",
      targetType: "article",
      targetId: articleId,
      unitId: current.ownerUnitId,
      details: { fields: Object.keys(changes) },
    });
    return row!;
  });
}

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

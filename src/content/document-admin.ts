// Statutes and their articles as officers manage them. A document belongs to a unit; officers see and change what
// their scope owns. Publishing makes it visible to citizens. All audited.
import { and, asc, count, eq, max, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { articles, legalDocuments, units, type ContentStatus } from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import { unitInScopeOrFail } from "../officers/officer-service";
import { inScope, type Principal } from "../officers/principal";
import { searchVectorLiteral } from "../text/search-terms";
import { normalizeText } from "../text/vietnamese";
import { documentTypeOf } from "./law-file";
import { topicOrFail } from "./topic-admin";
import { uniqueSlug } from "./unique-slug";

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

export async function listDocumentsForOfficer(
  db: Db,
  principal: Principal,
  status: ContentStatus | undefined,
  page: number,
  pageSize: number,
  /** Only documents in force on this day (YYYY-MM-DD): taken effect, not yet ended (src/content/law-status.ts). */
  inForceOn?: string,
) {
  const conditions: SQL[] = [inScope(principal, legalDocuments.ownerUnitId)];
  if (status) conditions.push(eq(legalDocuments.status, status));
  if (inForceOn) {
    conditions.push(
      sql`(${legalDocuments.effectiveFrom} is null or ${legalDocuments.effectiveFrom} <= ${inForceOn}::date)`,
      sql`(${legalDocuments.endsOn} is null or ${legalDocuments.endsOn} > ${inForceOn}::date)`,
    );
  }
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

/** One article with its statute's title, when the statute lies in the principal's scope (the console's editor). */
export async function getArticleForOfficer(db: Db, principal: Principal, articleId: number) {
  const [row] = await db
    .select({ ...articleColumns, documentTitle: legalDocuments.title })
    .from(articles)
    .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
    .where(and(eq(articles.id, articleId), inScope(principal, legalDocuments.ownerUnitId)));
  return row ?? null;
}

// The engine's ContentSource on the database: topics, statutes article by article, lessons and search.
// Citizens see published content only.
import { and, asc, count, desc, eq, gt, inArray, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { articles, legalDocuments, lessons, topics } from "../../db/schema/index";
import type { ContentSource, LessonView, Page } from "../engine/ports";
import { currentSearchIndex } from "./search-index-cache";
import type { SearchEntry, SearchEntryType, SearchIndex } from "./search-index";
import { createArticleLookup } from "./article-lookup";
import { articleNotice, citationLabel, presentDocument } from "./law-citations";
import { loadLawRegistry, type LawRegistry } from "./law-registry";
import { citationName, vietnamToday } from "./law-status";

const publishedDocument = eq(legalDocuments.status, "published");
const publishedLesson = eq(lessons.status, "published");
const ARTICLES_AND_LESSONS: ReadonlySet<SearchEntryType> = new Set(["article", "lesson"]);

/** The statute of a search hit as cited, marked when it is no longer in force. */
function documentContext(entry: SearchEntry, laws: LawRegistry | null, outOfForce: boolean): string | null {
  const facts = entry.documentId !== undefined ? laws?.byId(entry.documentId) : null;
  const name = facts ? citationName(facts) : entry.document;
  return outOfForce && name ? `${name} (hết hiệu lực)` : name;
}

function pageOf<T>(items: T[], page: number, pageSize: number, total: number): Page<T> {
  return { items, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total };
}

/** A requested page clamped to what exists, so "page 99" of a 3-page list shows page 3. */
function clampPage(requested: number, pageSize: number, total: number): number {
  return Math.min(Math.max(1, requested), Math.max(1, Math.ceil(total / pageSize)));
}

/**
 * `searchIndex` gives the cached index of this database at the reader's revision (content-cache.ts passes it);
 * without it the index is looked up by the database's identity and current revision.
 */
export function createContentRepository(
  db: Db,
  searchIndex?: () => Promise<SearchIndex>,
  /** The Vietnamese calendar day statuses are computed for (today by default). */
  today: () => string = () => vietnamToday(),
): ContentSource {
  // Legal facts are a few rows per statute: loaded once per repository (a chat turn, or a request).
  let laws: Promise<LawRegistry> | undefined;
  const registry = () => {
    laws ??= loadLawRegistry(db);
    laws.catch(() => {
      laws = undefined;
    });
    return laws;
  };
  return {
    async listTopics() {
      const rows = await db
        .select({ id: topics.id, name: topics.name, documentCount: count(legalDocuments.id) })
        .from(topics)
        .leftJoin(legalDocuments, and(eq(legalDocuments.topicId, topics.id), publishedDocument))
        .groupBy(topics.id)
        .orderBy(asc(topics.ordinal), asc(topics.id));
      return rows;
    },

    async getTopic(id) {
      const [row] = await db.select({ id: topics.id, name: topics.name }).from(topics).where(eq(topics.id, id));
      return row ?? null;
    },

    async listDocuments(topicId, requestedPage, pageSize) {
      const where = and(eq(legalDocuments.topicId, topicId), publishedDocument);
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(legalDocuments).where(where);
      const page = clampPage(requestedPage, pageSize, total);
      // A topic holds a handful of statutes: all are read so the ones in force today can be listed first.
      const rows = await db
        .select({
          id: legalDocuments.id,
          title: legalDocuments.title,
          articleCount: sql<number>`(select count(*)::int from ${articles}
            where ${articles.documentId} = ${legalDocuments.id})`,
        })
        .from(legalDocuments)
        .where(where)
        .orderBy(asc(legalDocuments.title), asc(legalDocuments.id));
      const laws = await registry();
      const date = today();
      const items = rows
        .map((row) => {
          const facts = laws.byId(row.id);
          const shown = facts ? presentDocument(laws, facts, date) : null;
          const citation = shown?.citation ?? row.title;
          return {
            ...row,
            label: shown?.mark ? `${citation} – ${shown.mark}` : citation,
            inForce: shown?.inForce ?? true,
          };
        })
        .sort((a, b) => Number(b.inForce) - Number(a.inForce))
        .slice((page - 1) * pageSize, page * pageSize);
      return pageOf(items, page, pageSize, total);
    },

    async getDocument(id) {
      const [row] = await db
        .select({ id: legalDocuments.id, title: legalDocuments.title, topicId: legalDocuments.topicId })
        .from(legalDocuments)
        .where(and(eq(legalDocuments.id, id), publishedDocument));
      if (!row) return null;
      const laws = await registry();
      const facts = laws.byId(row.id);
      if (!facts) return { ...row, citation: row.title, notice: null, replacement: null };
      const { citation, notice, replacement } = presentDocument(laws, facts, today());
      return { ...row, citation, notice, replacement };
    },

    async listArticles(documentId, requestedPage, pageSize) {
      const [{ total } = { total: 0 }] = await db
        .select({ total: count() })
        .from(articles)
        .where(eq(articles.documentId, documentId));
      const page = clampPage(requestedPage, pageSize, total);
      const items = await db
        .select({ id: articles.id, number: articles.number, title: articles.title })
        .from(articles)
        .where(eq(articles.documentId, documentId))
        .orderBy(asc(articles.ordinal))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return pageOf(items, page, pageSize, total);
    },

    async getArticle(id) {
      const [row] = await db
        .select({
          id: articles.id,
          number: articles.number,
          title: articles.title,
          body: articles.body,
          ordinal: articles.ordinal,
          documentId: articles.documentId,
          documentTitle: legalDocuments.title,
          source: legalDocuments.source,
        })
        .from(articles)
        .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
        .where(and(eq(articles.id, id), publishedDocument));
      if (!row) return null;
      const sameDocument = eq(articles.documentId, row.documentId);
      const [[previous], [next], [position]] = await Promise.all([
        db
          .select({ id: articles.id })
          .from(articles)
          .where(and(sameDocument, lt(articles.ordinal, row.ordinal)))
          .orderBy(desc(articles.ordinal))
          .limit(1),
        db
          .select({ id: articles.id })
          .from(articles)
          .where(and(sameDocument, gt(articles.ordinal, row.ordinal)))
          .orderBy(asc(articles.ordinal))
          .limit(1),
        db
          .select({ n: count() })
          .from(articles)
          .where(and(sameDocument, lte(articles.ordinal, row.ordinal))),
      ]);
      const { ordinal: _ordinal, ...view } = row;
      const laws = await registry();
      const facts = laws.byId(row.documentId);
      const shown = facts ? presentDocument(laws, facts, today()) : null;
      return {
        ...view,
        documentCitation: shown?.citation ?? row.documentTitle,
        notice: facts ? articleNotice(laws, facts, row.number, today()) : null,
        replacement: shown?.replacement ?? null,
        previousId: previous?.id ?? null,
        nextId: next?.id ?? null,
        position: position?.n ?? 1,
      };
    },

    async listLessons(requestedPage, pageSize) {
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(lessons).where(publishedLesson);
      const page = clampPage(requestedPage, pageSize, total);
      const items = await db
        .select({ id: lessons.id, title: lessons.title, summary: lessons.summary })
        .from(lessons)
        .where(publishedLesson)
        .orderBy(asc(lessons.ordinal), desc(lessons.publishedAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return pageOf(items, page, pageSize, total);
    },

    async getLesson(id): Promise<LessonView | null> {
      const [lesson] = await db
        .select({
          id: lessons.id,
          title: lessons.title,
          summary: lessons.summary,
          body: lessons.body,
          citations: lessons.citations,
        })
        .from(lessons)
        .where(and(eq(lessons.id, id), publishedLesson));
      if (!lesson) return null;
      const titles = [...new Set(lesson.citations.map((c) => c.document))];
      const cited =
        titles.length === 0
          ? []
          : await db
              .select({ id: articles.id, number: articles.number, document: legalDocuments.title })
              .from(articles)
              .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
              .where(and(inArray(legalDocuments.title, titles), publishedDocument));
      const idOf = new Map(cited.map((a) => [`${a.document}\u0000${a.number}`, a.id]));
      const laws = await registry();
      const date = today();
      return {
        ...lesson,
        citations: lesson.citations.map((c) => ({
          ...c,
          articleId: idOf.get(`${c.document}\u0000${c.article}`) ?? null,
          label: citationLabel(laws, c.document, c.article, date),
        })),
      };
    },

    async search(text, requestedPage, pageSize) {
      // The ranking of GET /api/search and the chat's questions (search-index.ts), articles and lessons only.
      const index = await (searchIndex ?? (() => currentSearchIndex(db)))();
      // Articles of statutes no longer in force come after everything in force (search-index.ts).
      const demote = index.notInForceOn(today());
      const hits = index.search(text, Number.MAX_SAFE_INTEGER, ARTICLES_AND_LESSONS, demote);
      const laws = index.laws;
      // Past the end (an old "next page" button): the last page.
      const page = clampPage(requestedPage, pageSize, hits.length);
      const items = hits.slice((page - 1) * pageSize, page * pageSize).map(({ entry }) => ({
        kind: entry.type as "article" | "lesson",
        id: entry.id,
        title:
          entry.type === "article"
            ? entry.title
              ? `Điều ${entry.number}. ${entry.title}`
              : `Điều ${entry.number}`
            : (entry.title ?? ""),
        context: entry.type === "article" ? documentContext(entry, laws, demote(entry)) : null,
      }));
      return pageOf(items, page, pageSize, hits.length);
    },

    // "điều 51 luật hôn nhân": lookups by article number and document name (src/content/article-lookup.ts).
    ...createArticleLookup(db),
  };
}

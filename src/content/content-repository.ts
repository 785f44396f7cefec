// The engine's ContentSource on the database: topics, statutes article by article, lessons and search.
// Citizens see published content only.
import { and, asc, count, desc, eq, gt, inArray, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { articles, legalDocuments, lessons, topics } from "../../db/schema/index";
import type { ContentSource, LessonView, Page } from "../engine/ports";
import { searchQueries } from "../text/search-terms";
import { createArticleLookup } from "./article-lookup";

const publishedDocument = eq(legalDocuments.status, "published");
const publishedLesson = eq(lessons.status, "published");
// Lessons are written for citizens, so a lesson that matches as well as an article comes first.
const LESSON_BOOST = 2;

function pageOf<T>(items: T[], page: number, pageSize: number, total: number): Page<T> {
  return { items, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total };
}

/** A requested page clamped to what exists, so "page 99" of a 3-page list shows page 3. */
function clampPage(requested: number, pageSize: number, total: number): number {
  return Math.min(Math.max(1, requested), Math.max(1, Math.ceil(total / pageSize)));
}

export function createContentRepository(db: Db): ContentSource {
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
      const items = await db
        .select({
          id: legalDocuments.id,
          title: legalDocuments.title,
          articleCount: sql<number>`(select count(*)::int from ${articles}
            where ${articles.documentId} = ${legalDocuments.id})`,
        })
        .from(legalDocuments)
        .where(where)
        .orderBy(asc(legalDocuments.title))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return pageOf(items, page, pageSize, total);
    },

    async getDocument(id) {
      const [row] = await db
        .select({ id: legalDocuments.id, title: legalDocuments.title, topicId: legalDocuments.topicId })
        .from(legalDocuments)
        .where(and(eq(legalDocuments.id, id), publishedDocument));
      return row ?? null;
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
      return {
        ...view,
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
      return {
        ...lesson,
        citations: lesson.citations.map((c) => ({
          ...c,
          articleId: idOf.get(`${c.document}\u0000${c.article}`) ?? null,
        })),
      };
    },

    async search(text, requestedPage, pageSize) {
      const queries = searchQueries(text);
      if (!queries) return pageOf([], 1, pageSize, 0);
      const rank = sql`${queries.rank}::tsquery`;
      // Precise first (every meaningful word present); only when that finds nothing, anything that matches.
      for (const filter of [queries.all, queries.any]) {
        const hitsPage = async (page: number) => {
          const articleHits = db
            .select({
              kind: sql<"article" | "lesson">`'article'`.as("kind"),
              id: articles.id,
              number: articles.number,
              title: articles.title,
              context: sql<string | null>`${legalDocuments.title}`.as("context"),
              score: sql<number>`ts_rank(${articles.search}, ${rank})`.as("score"),
            })
            .from(articles)
            .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
            .where(and(sql`${articles.search} @@ ${filter}::tsquery`, publishedDocument));
          const lessonHits = db
            .select({
              kind: sql<"article" | "lesson">`'lesson'`.as("kind"),
              id: lessons.id,
              number: sql<string>`''`.as("number"),
              title: lessons.title,
              context: sql<string | null>`null`.as("context"),
              score: sql<number>`ts_rank(${lessons.search}, ${rank}) * ${sql.raw(String(LESSON_BOOST))}`.as("score"),
            })
            .from(lessons)
            .where(and(sql`${lessons.search} @@ ${filter}::tsquery`, publishedLesson));
          const hits = articleHits.unionAll(lessonHits).as("hits");
          // One pass over the matches gives both the page and the total (count over the whole result).
          return db
            .select({
              kind: hits.kind,
              id: hits.id,
              number: hits.number,
              title: hits.title,
              context: hits.context,
              total: sql<number>`count(*) over ()`.mapWith(Number),
            })
            .from(hits)
            .orderBy(desc(hits.score), asc(hits.kind), asc(hits.id))
            .limit(pageSize)
            .offset((page - 1) * pageSize);
        };
        let page = Math.max(1, requestedPage);
        let rows = await hitsPage(page);
        if (rows.length === 0 && page > 1) {
          // Past the end (an old "next page" button): show the last page instead.
          const total = (await hitsPage(1))[0]?.total ?? 0;
          page = clampPage(page, pageSize, total);
          rows = total > 0 ? await hitsPage(page) : [];
        }
        if (rows.length === 0) continue;
        const items = rows.map((row) => ({
          kind: row.kind,
          id: row.id,
          title:
            row.kind === "article"
              ? row.title
                ? `Điều ${row.number}. ${row.title}`
                : `Điều ${row.number}`
              : (row.title ?? ""),
          context: row.context,
        }));
        return pageOf(items, page, pageSize, rows[0]!.total);
      }
      return pageOf([], 1, pageSize, 0);
    },

    // "điều 51 luật hôn nhân": lookups by article number and document name (src/content/article-lookup.ts).
    ...createArticleLookup(db),
  };
}

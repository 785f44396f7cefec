// "Điều 51" typed while reading a statute, or "điều 51 luật hôn nhân" from anywhere: find a published document by
// part of its title (with or without diacritics) and an article in it by its number. Used by the engine through
// ContentSource; kept apart from the listing and search queries.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { articles, legalDocuments } from "../../db/schema/index";
import { vietnamToday } from "./law-status";
import type { ContentSource } from "../engine/ports";
import { foldText, syllables } from "../text/vietnamese";

type ArticleLookup = Pick<ContentSource, "findArticleByNumber" | "articleRange" | "findDocuments">;

const published = eq(legalDocuments.status, "published");
// Statutes are few (tens, at most a few hundred): their titles are folded here rather than in an extra column.
const MAX_DOCUMENTS = 1000;

/** Number, title and statute of the given articles (what a link to one is named by); none for no ids. */
export async function articleHeadings(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: articles.id, number: articles.number, title: articles.title, document: legalDocuments.title })
    .from(articles)
    .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
    .where(inArray(articles.id, [...ids]));
}

export function createArticleLookup(db: Db): ArticleLookup {
  return {
    async findArticleByNumber(documentId, number) {
      const [row] = await db
        .select({ id: articles.id })
        .from(articles)
        .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
        .where(
          and(eq(articles.documentId, documentId), eq(sql`lower(${articles.number})`, number.toLowerCase()), published),
        )
        .orderBy(asc(articles.ordinal))
        .limit(1);
      return row?.id ?? null;
    },

    async articleRange(documentId) {
      const rows = await db
        .select({ title: legalDocuments.title, number: articles.number })
        .from(legalDocuments)
        .innerJoin(articles, eq(articles.documentId, legalDocuments.id))
        .where(
          and(
            eq(legalDocuments.id, documentId),
            published,
            sql`${articles.ordinal} in (select min(ordinal) from ${articles} where document_id = ${documentId}
              union all select max(ordinal) from ${articles} where document_id = ${documentId})`,
          ),
        )
        .orderBy(asc(articles.ordinal));
      if (rows.length === 0) return null;
      return { title: rows[0]!.title, first: rows[0]!.number, last: rows.at(-1)!.number };
    },

    async findDocuments(name, limit) {
      const wanted = syllables(name);
      if (wanted.length === 0) return [];
      const phrase = ` ${wanted.join(" ")} `;
      const rows = await db
        .select({
          id: legalDocuments.id,
          title: legalDocuments.title,
          effectiveFrom: legalDocuments.effectiveFrom,
          endsOn: legalDocuments.endsOn,
        })
        .from(legalDocuments)
        .where(published)
        .orderBy(desc(legalDocuments.id))
        .limit(MAX_DOCUMENTS);
      // The words as a phrase in the folded title ("luật hôn nhân" in "Luật Hôn nhân và gia đình"); the statute in
      // force today before an old one of the same name ("luật an ninh mạng": 2025 before 2018), then shorter titles
      // (a closer match) first.
      const today = vietnamToday();
      const current = (row: { effectiveFrom: string | null; endsOn: string | null }) =>
        Number(!(row.endsOn && row.endsOn <= today) && !(row.effectiveFrom && row.effectiveFrom > today));
      return rows
        .filter((row) => ` ${syllables(foldText(row.title)).join(" ")} `.includes(phrase))
        .sort((a, b) => current(b) - current(a) || a.title.length - b.title.length || a.id - b.id)
        .slice(0, limit)
        .map(({ id, title }) => ({ id, title }));
    },
  };
}

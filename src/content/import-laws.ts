// Writes statutes into the database, all or nothing: one transaction, so a failure leaves no half-imported law.
// Re-importing a statute updates its articles in place (same document, same article numbers).
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { articles, legalDocuments, topics, units } from "../../db/schema/index";
import { searchVectorLiteral } from "../text/search-terms";
import { normalizeText, slugify } from "../text/vietnamese";
import { documentTypeOf, parseArticleText, type LawFile } from "./law-file";

export interface ImportLawsOptions {
  /** Where the text comes from, shown to readers. */
  source: string;
  /** Topic slug for a document, by its title; null leaves it without a topic. */
  topicFor?: (title: string) => string | null;
  /** The unit that owns (and whose officers manage) the imported statutes; the country when not given. */
  ownerUnitId?: number | null;
  now?: Date;
}

export interface ImportLawsResult {
  documents: number;
  articles: number;
}

const ARTICLES_PER_INSERT = 200;

export async function importLaws(db: Db, laws: LawFile, options: ImportLawsOptions): Promise<ImportLawsResult> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const topicIds = new Map(
      (await tx.select({ id: topics.id, slug: topics.slug }).from(topics)).map((t) => [t.slug, t.id]),
    );
    let articleCount = 0;
    for (const law of laws) {
      const title = normalizeText(law.id).trim();
      const topicSlug = options.topicFor?.(title) ?? null;
      const topicId = topicSlug ? (topicIds.get(topicSlug) ?? null) : null;
      const [document] = await tx
        .insert(legalDocuments)
        .values({
          slug: slugify(title),
          title,
          docType: documentTypeOf(title),
          topicId,
          ownerUnitId:
            options.ownerUnitId ??
            sql`(select ${units.id} from ${units} where ${units.kind} = 'country' order by ${units.id} limit 1)`,
          source: options.source,
          status: "published",
          publishedAt: now,
        })
        .onConflictDoUpdate({
          target: legalDocuments.slug,
          set: {
            title,
            source: options.source,
            updatedAt: now,
            topicId: sql`coalesce(${legalDocuments.topicId}, excluded.topic_id)`,
          },
        })
        .returning({ id: legalDocuments.id });
      const documentId = document!.id;
      const rows = law.articles.map((article, index) => {
        const parsed = parseArticleText(article.id.trim(), article.text);
        return {
          documentId,
          number: parsed.number,
          ordinal: index + 1,
          title: parsed.title,
          body: parsed.body,
          search: searchVectorLiteral([
            { text: parsed.title ?? "", weight: "A" },
            { text: parsed.body, weight: "D" },
          ]),
        };
      });
      for (let i = 0; i < rows.length; i += ARTICLES_PER_INSERT) {
        await tx
          .insert(articles)
          .values(rows.slice(i, i + ARTICLES_PER_INSERT))
          .onConflictDoUpdate({
            target: [articles.documentId, articles.number],
            set: {
              ordinal: sql`excluded.ordinal`,
              title: sql`excluded.title`,
              body: sql`excluded.body`,
              search: sql`excluded.search`,
            },
          });
      }
      articleCount += rows.length;
      // A re-import is the new truth for the document: articles no longer in the file go.
      await tx.delete(articles).where(
        and(
          eq(articles.documentId, documentId),
          notInArray(
            articles.number,
            rows.map((r) => r.number),
          ),
        ),
      );
    }
    return { documents: laws.length, articles: articleCount };
  });
}

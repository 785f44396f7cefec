// Writes statutes into the database, all or nothing: one transaction, so a failure leaves no half-imported law.
// Re-importing a statute updates its articles in place (same document, same article numbers). Legal facts in the
// file (number, dates, replacement, amendments) overwrite the stored ones; facts the file leaves out are kept, so an
// old file re-imported never erases what an officer recorded. A document that replaces another is linked both ways
// (the old one ends on the new one's effective date and points at it), whichever of the two is imported first.
import { and, eq, isNull, ne, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { articles, documentAmendments, legalDocuments, topics, units } from "../../db/schema/index";
import { searchVectorLiteral } from "../text/search-terms";
import { normalizeText, slugify } from "../text/vietnamese";
import { documentTypeOf, parseArticleText, type LawFile, type LawRecord } from "./law-file";
import { articleNumberOf } from "./law-status";

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
  /** Documents marked replaced by an imported one, and amendments recorded or changed. */
  linked: number;
  amendments: number;
  /** What a record named but could not be found ("replaces" of a document not loaded). */
  warnings: string[];
  /** The imported documents' ids, in the file's order. */
  documentIds: number[];
}

/** The stored columns of a record's legal facts: only those the file gives, so absent ones stay as they are. */
function factColumns(law: LawRecord) {
  return {
    ...(law.number !== undefined && { officialNumber: law.number }),
    ...(law.type !== undefined && { docType: law.type }),
    ...(law.issuingBody !== undefined && { issuingBody: law.issuingBody }),
    ...(law.year !== undefined && { year: law.year }),
    ...(law.effectiveFrom !== undefined && { effectiveFrom: law.effectiveFrom }),
    ...(law.endsOn !== undefined && {
      endsOn: law.endsOn,
      endReason: law.endReason ?? (law.replacedBy ? ("replaced" as const) : ("expired" as const)),
    }),
    ...(law.replacedBy !== undefined && {
      replacedByNumber: law.replacedBy.number ?? null,
      replacedByName: law.replacedBy.name ?? null,
      replacedByDocumentId: null,
    }),
    ...(law.confidence !== undefined && { factsConfidence: law.confidence }),
    ...(law.note !== undefined && { factsNote: law.note }),
    ...(law.sources !== undefined && { factsSources: law.sources }),
  };
}

const ARTICLES_PER_INSERT = 200;

export async function importLaws(db: Db, laws: LawFile, options: ImportLawsOptions): Promise<ImportLawsResult> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const topicIds = new Map(
      (await tx.select({ id: topics.id, slug: topics.slug }).from(topics)).map((t) => [t.slug, t.id]),
    );
    let articleCount = 0;
    let amendmentCount = 0;
    const imported: Array<{ id: number; law: LawRecord; title: string }> = [];
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
          ...factColumns(law),
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
            ...factColumns(law),
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
      if (law.amendments) amendmentCount += await writeAmendments(tx, documentId, law, now);
      imported.push({ id: documentId, law, title });
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
    const warnings: string[] = [];
    let linked = 0;
    for (const { id, law, title } of imported) linked += await linkReplacements(tx, id, law, title, warnings);
    return {
      documents: laws.length,
      articles: articleCount,
      linked,
      amendments: amendmentCount,
      warnings,
      documentIds: imported.map((d) => d.id),
    };
  });
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The file's amendments become the document's list: new ones are recorded now, changed ones are re-recorded now
 * (content written before is re-checked), unchanged ones keep their date, and ones no longer listed go.
 */
async function writeAmendments(tx: Tx, documentId: number, law: LawRecord, now: Date): Promise<number> {
  const listed = law.amendments ?? [];
  const existing = new Map(
    (await tx.select().from(documentAmendments).where(eq(documentAmendments.documentId, documentId))).map((a) => [
      a.amendingNumber,
      a,
    ]),
  );
  let changed = 0;
  for (const amendment of listed) {
    const values = {
      amendingName: amendment.name,
      effectiveFrom: amendment.effectiveFrom ?? null,
      articlesChanged: (amendment.articles ?? []).map((a) => articleNumberOf(a)!),
      articlesComplete: amendment.articlesComplete ?? false,
      note: amendment.note ?? null,
    };
    const before = existing.get(amendment.number);
    if (
      before &&
      before.amendingName === values.amendingName &&
      before.effectiveFrom === values.effectiveFrom &&
      JSON.stringify(before.articlesChanged) === JSON.stringify(values.articlesChanged) &&
      before.articlesComplete === values.articlesComplete &&
      before.note === values.note
    ) {
      continue;
    }
    changed++;
    await tx
      .insert(documentAmendments)
      .values({ documentId, amendingNumber: amendment.number, ...values, recordedAt: now })
      .onConflictDoUpdate({
        target: [documentAmendments.documentId, documentAmendments.amendingNumber],
        set: { ...values, recordedAt: now },
      });
  }
  const keep = listed.map((a) => a.number);
  await tx
    .delete(documentAmendments)
    .where(
      and(
        eq(documentAmendments.documentId, documentId),
        keep.length > 0 ? notInArray(documentAmendments.amendingNumber, keep) : undefined,
      ),
    );
  // An amending document that is itself loaded is linked by its number.
  await tx
    .update(documentAmendments)
    .set({
      amendingDocumentId: sql`(select ${legalDocuments.id} from ${legalDocuments}
        where ${legalDocuments.officialNumber} = ${documentAmendments.amendingNumber} order by ${legalDocuments.id}
        limit 1)`,
    })
    .where(eq(documentAmendments.documentId, documentId));
  return changed;
}

/**
 * Links an imported document with the documents it replaces and the ones naming it as their replacement; also
 * links amendments recorded elsewhere under its number. Returns how many documents were newly marked replaced.
 */
async function linkReplacements(
  tx: Tx,
  documentId: number,
  law: LawRecord,
  title: string,
  warnings: string[],
): Promise<number> {
  const [self] = await tx
    .select({
      number: legalDocuments.officialNumber,
      effectiveFrom: legalDocuments.effectiveFrom,
      replacedByNumber: legalDocuments.replacedByNumber,
    })
    .from(legalDocuments)
    .where(eq(legalDocuments.id, documentId));
  let linked = 0;
  for (const name of law.replaces ?? []) {
    const key = normalizeText(name).trim();
    const [old] = await tx
      .select({ id: legalDocuments.id, endsOn: legalDocuments.endsOn })
      .from(legalDocuments)
      .where(
        and(
          ne(legalDocuments.id, documentId),
          or(eq(legalDocuments.officialNumber, key), eq(legalDocuments.title, key)),
        ),
      )
      .orderBy(legalDocuments.id)
      .limit(1);
    if (!old) {
      warnings.push(`"${title}" thay thế "${name}", nhưng văn bản này chưa có trong Loa: chưa liên kết.`);
      continue;
    }
    await tx
      .update(legalDocuments)
      .set({
        endsOn: old.endsOn ?? self!.effectiveFrom,
        endReason: "replaced",
        replacedByDocumentId: documentId,
        replacedByNumber: self!.number,
        replacedByName: title,
        updatedAt: new Date(),
      })
      .where(eq(legalDocuments.id, old.id));
    linked++;
  }
  if (self?.number) {
    // Documents recorded earlier as replaced by this number now point at the loaded text.
    await tx
      .update(legalDocuments)
      .set({ replacedByDocumentId: documentId })
      .where(
        and(
          eq(legalDocuments.replacedByNumber, self.number),
          isNull(legalDocuments.replacedByDocumentId),
          ne(legalDocuments.id, documentId),
        ),
      );
    await tx
      .update(documentAmendments)
      .set({ amendingDocumentId: documentId })
      .where(and(eq(documentAmendments.amendingNumber, self.number), isNull(documentAmendments.amendingDocumentId)));
  }
  if (self?.replacedByNumber) {
    // This document names its replacement by number: link it when that one is loaded already.
    await tx
      .update(legalDocuments)
      .set({
        replacedByDocumentId: sql`(select l.id from ${legalDocuments} l
          where l.official_number = ${self.replacedByNumber} and l.id <> ${documentId} order by l.id limit 1)`,
      })
      .where(eq(legalDocuments.id, documentId));
  }
  return linked;
}

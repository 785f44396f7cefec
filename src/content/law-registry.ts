// Every statute's legal facts (src/content/law-status.ts) loaded in two queries, looked up by id, title or number.
// Small (one row per document and per amendment), so the search index keeps one per content revision and the
// officer reports load it per request.
import { asc } from "drizzle-orm";
import type { Db } from "../../db/db";
import { documentAmendments, legalDocuments } from "../../db/schema/index";
import type { AmendmentFact, LawFacts } from "./law-status";

export interface LawRegistry {
  all: readonly LawFacts[];
  byId(id: number): LawFacts | null;
  /** A document by its title as imported ("Luật An ninh mạng"), the way citations name it. */
  byTitle(title: string): LawFacts | null;
  /** A document by its official number ("24/2018/QH14"). */
  byNumber(number: string): LawFacts | null;
  /** The loaded document that replaces `facts`, if any. */
  replacementOf(facts: LawFacts): LawFacts | null;
}

const key = (text: string) => text.normalize("NFC").trim().toLocaleLowerCase("vi");

export function lawRegistryOf(all: LawFacts[]): LawRegistry {
  const ids = new Map(all.map((f) => [f.id, f]));
  const titles = new Map<string, LawFacts>();
  const numbers = new Map<string, LawFacts>();
  // The lowest id wins a shared title or number (the first imported), so lookups are deterministic.
  for (const f of [...all].sort((a, b) => a.id - b.id)) {
    if (!titles.has(key(f.title))) titles.set(key(f.title), f);
    if (f.officialNumber && !numbers.has(key(f.officialNumber))) numbers.set(key(f.officialNumber), f);
  }
  const registry: LawRegistry = {
    all,
    byId: (id) => ids.get(id) ?? null,
    byTitle: (title) => titles.get(key(title)) ?? null,
    byNumber: (number) => numbers.get(key(number)) ?? null,
    replacementOf: (facts) => {
      const by = facts.replacedBy;
      if (!by) return null;
      if (by.documentId !== null) return ids.get(by.documentId) ?? null;
      return by.number ? registry.byNumber(by.number) : null;
    },
  };
  return registry;
}

/** Facts of every document (published or not: a citation may name a draft; callers filter what citizens see). */
export async function loadLawRegistry(db: Db): Promise<LawRegistry> {
  const [documents, amendments] = await Promise.all([
    db
      .select({
        id: legalDocuments.id,
        title: legalDocuments.title,
        officialNumber: legalDocuments.officialNumber,
        year: legalDocuments.year,
        effectiveFrom: legalDocuments.effectiveFrom,
        endsOn: legalDocuments.endsOn,
        endReason: legalDocuments.endReason,
        replacedByDocumentId: legalDocuments.replacedByDocumentId,
        replacedByNumber: legalDocuments.replacedByNumber,
        replacedByName: legalDocuments.replacedByName,
        confidence: legalDocuments.factsConfidence,
        status: legalDocuments.status,
        issuingBody: legalDocuments.issuingBody,
        note: legalDocuments.factsNote,
        sources: legalDocuments.factsSources,
      })
      .from(legalDocuments)
      .orderBy(asc(legalDocuments.id)),
    db.select().from(documentAmendments).orderBy(asc(documentAmendments.id)),
  ]);
  const byDocument = new Map<number, AmendmentFact[]>();
  for (const a of amendments) {
    const list = byDocument.get(a.documentId) ?? [];
    list.push({
      number: a.amendingNumber,
      name: a.amendingName,
      documentId: a.amendingDocumentId,
      effectiveFrom: a.effectiveFrom,
      articles: a.articlesChanged,
      articlesComplete: a.articlesComplete,
      note: a.note,
      recordedAt: a.recordedAt,
    });
    byDocument.set(a.documentId, list);
  }
  return lawRegistryOf(
    documents.map(
      (d): LawFacts => ({
        id: d.id,
        title: d.title,
        officialNumber: d.officialNumber,
        year: d.year,
        effectiveFrom: d.effectiveFrom,
        endsOn: d.endsOn,
        endReason: d.endReason,
        replacedBy:
          d.replacedByDocumentId !== null || d.replacedByNumber || d.replacedByName
            ? { documentId: d.replacedByDocumentId, number: d.replacedByNumber, name: d.replacedByName }
            : null,
        amendments: byDocument.get(d.id) ?? [],
        confidence: d.confidence,
        published: d.status === "published",
        issuingBody: d.issuingBody,
        note: d.note,
        sources: d.sources,
      }),
    ),
  );
}

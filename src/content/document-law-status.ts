// Officers record a statute's legal life through the API: its identity (number, year, issuer), when it took effect,
// that it was replaced or expired and from when, and the amendments made to it. Each change is audited, moves the
// content revision (triggers) so every channel shows the new notice at once, and is reflected in the content-health
// report on its next read. Scoped like every document change.
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "../../db/db";
import { type DocumentEndReason, documentAmendments, type FactConfidence, legalDocuments } from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import type { Principal } from "../officers/principal";
import { getDocumentForOfficer } from "./document-admin";
import { articleNumberOf, citationName, type LawFacts, legalStatusOn, type LegalStatus } from "./law-status";

export interface LegalFactsInput {
  officialNumber?: string | null;
  year?: number | null;
  issuingBody?: string | null;
  effectiveFrom?: string | null;
  endsOn?: string | null;
  endReason?: DocumentEndReason | null;
  replacedBy?: { documentId?: number; number?: string; name?: string } | null;
  confidence?: FactConfidence | null;
  note?: string | null;
  sources?: string[];
}

export interface AmendmentInput {
  number: string;
  name: string;
  effectiveFrom?: string | null;
  articles?: string[];
  articlesComplete?: boolean;
  note?: string | null;
}

/** A document's legal facts and its status on `date`, as officers read them. */
export function documentLegalView(facts: LawFacts, date: string) {
  const { status, since } = legalStatusOn(facts, date);
  return {
    citation: citationName(facts),
    number: facts.officialNumber,
    year: facts.year,
    issuingBody: facts.issuingBody ?? null,
    effectiveFrom: facts.effectiveFrom,
    endsOn: facts.endsOn,
    endReason: facts.endReason,
    status: status as LegalStatus,
    statusSince: since,
    statusOn: date,
    inForce: status === "in_force" || status === "amended",
    replacedBy: facts.replacedBy,
    amendments: facts.amendments.map((a) => ({
      number: a.number,
      name: a.name,
      documentId: a.documentId,
      effectiveFrom: a.effectiveFrom,
      articles: [...a.articles],
      articlesComplete: a.articlesComplete,
      note: a.note,
      recordedAt: a.recordedAt.toISOString(),
    })),
    confidence: facts.confidence,
    note: facts.note ?? null,
    sources: [...(facts.sources ?? [])],
  };
}

export async function setDocumentLegalFacts(db: Db, principal: Principal, id: number, input: LegalFactsInput) {
  return db.transaction(async (tx) => {
    const current = await getDocumentForOfficer(tx, principal, id);
    if (!current) return null;
    let replacedBy:
      | { replacedByDocumentId: number | null; replacedByNumber: string | null; replacedByName: string | null }
      | undefined;
    if (input.replacedBy === null)
      replacedBy = { replacedByDocumentId: null, replacedByNumber: null, replacedByName: null };
    else if (input.replacedBy) {
      const by = input.replacedBy;
      if (by.documentId !== undefined) {
        const [target] = await tx
          .select({ id: legalDocuments.id, title: legalDocuments.title, number: legalDocuments.officialNumber })
          .from(legalDocuments)
          .where(and(eq(legalDocuments.id, by.documentId), ne(legalDocuments.id, id)));
        if (!target) throw new ApiError("invalid_request", "Không có văn bản thay thế này", "replacedBy.documentId");
        replacedBy = {
          replacedByDocumentId: target.id,
          replacedByNumber: by.number ?? target.number,
          replacedByName: by.name ?? target.title,
        };
      } else {
        const [loaded] = by.number
          ? await tx
              .select({ id: legalDocuments.id })
              .from(legalDocuments)
              .where(and(eq(legalDocuments.officialNumber, by.number), ne(legalDocuments.id, id)))
              .orderBy(asc(legalDocuments.id))
              .limit(1)
          : [];
        replacedBy = {
          replacedByDocumentId: loaded?.id ?? null,
          replacedByNumber: by.number ?? null,
          replacedByName: by.name ?? null,
        };
      }
    }
    const [facts] = await tx
      .select({ effectiveFrom: legalDocuments.effectiveFrom, endsOn: legalDocuments.endsOn })
      .from(legalDocuments)
      .where(eq(legalDocuments.id, id));
    const effectiveFrom = input.effectiveFrom !== undefined ? input.effectiveFrom : facts!.effectiveFrom;
    const endsOn = input.endsOn !== undefined ? input.endsOn : facts!.endsOn;
    if (effectiveFrom && endsOn && endsOn < effectiveFrom) {
      throw new ApiError("invalid_request", "Ngày hết hiệu lực trước ngày có hiệu lực", "endsOn");
    }
    await tx
      .update(legalDocuments)
      .set({
        ...(input.officialNumber !== undefined && { officialNumber: input.officialNumber }),
        ...(input.year !== undefined && { year: input.year }),
        ...(input.issuingBody !== undefined && { issuingBody: input.issuingBody }),
        ...(input.effectiveFrom !== undefined && { effectiveFrom: input.effectiveFrom }),
        ...(input.endsOn !== undefined && {
          endsOn: input.endsOn,
          endReason: input.endsOn === null ? null : (input.endReason ?? (replacedBy ? "replaced" : "expired")),
        }),
        ...(input.endsOn === undefined && input.endReason !== undefined && { endReason: input.endReason }),
        ...replacedBy,
        ...(input.confidence !== undefined && { factsConfidence: input.confidence }),
        ...(input.note !== undefined && { factsNote: input.note }),
        ...(input.sources !== undefined && { factsSources: input.sources }),
        updatedAt: new Date(),
      })
      .where(eq(legalDocuments.id, id));
    // Documents recorded as replaced by this one's number now point at it.
    if (input.officialNumber) {
      await tx
        .update(legalDocuments)
        .set({ replacedByDocumentId: id })
        .where(
          and(
            eq(legalDocuments.replacedByNumber, input.officialNumber),
            isNull(legalDocuments.replacedByDocumentId),
            ne(legalDocuments.id, id),
          ),
        );
    }
    await recordAudit(tx, principal, {
      action: "content.legal_status",
      targetType: "document",
      targetId: id,
      unitId: current.ownerUnitId,
      details: { title: current.title, ...input },
    });
    return true;
  });
}

export async function addAmendment(db: Db, principal: Principal, id: number, input: AmendmentInput, now: Date) {
  return db.transaction(async (tx) => {
    const current = await getDocumentForOfficer(tx, principal, id);
    if (!current) return null;
    const values = {
      amendingName: input.name,
      effectiveFrom: input.effectiveFrom ?? null,
      articlesChanged: (input.articles ?? []).map((a) => articleNumberOf(a)!),
      articlesComplete: input.articlesComplete ?? false,
      note: input.note ?? null,
      recordedAt: now,
    };
    const [loaded] = await tx
      .select({ id: legalDocuments.id })
      .from(legalDocuments)
      .where(eq(legalDocuments.officialNumber, input.number))
      .orderBy(asc(legalDocuments.id))
      .limit(1);
    await tx
      .insert(documentAmendments)
      .values({ documentId: id, amendingNumber: input.number, amendingDocumentId: loaded?.id ?? null, ...values })
      .onConflictDoUpdate({
        target: [documentAmendments.documentId, documentAmendments.amendingNumber],
        set: { ...values, amendingDocumentId: loaded?.id ?? null },
      });
    await recordAudit(tx, principal, {
      action: "content.amendment",
      targetType: "document",
      targetId: id,
      unitId: current.ownerUnitId,
      details: { title: current.title, ...input },
    });
    return true;
  });
}

export async function removeAmendment(db: Db, principal: Principal, id: number, number: string) {
  return db.transaction(async (tx) => {
    const current = await getDocumentForOfficer(tx, principal, id);
    if (!current) return null;
    const deleted = await tx
      .delete(documentAmendments)
      .where(and(eq(documentAmendments.documentId, id), eq(documentAmendments.amendingNumber, number)))
      .returning({ id: documentAmendments.id });
    if (deleted.length === 0) return null;
    await recordAudit(tx, principal, {
      action: "content.amendment_remove",
      targetType: "document",
      targetId: id,
      unitId: current.ownerUnitId,
      details: { title: current.title, number },
    });
    return true;
  });
}

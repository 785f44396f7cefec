// The synonym list as officers manage it: everyday phrases and the legal terms they mean ("sổ đỏ" → "giấy chứng
// nhận quyền sử dụng đất"). National content like topics: one list for every unit, changed by admins, audited. A
// change moves content_revision (trigger), so the next search on any instance uses it.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { searchSynonyms } from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import type { Principal } from "../officers/principal";
import { analyzeClauses } from "../text/search-analyzer";
import { normalizeText } from "../text/vietnamese";

export interface SynonymInput {
  phrase: string;
  means: string;
}

const clean = (text: string) => normalizeText(text).replace(/\s+/g, " ").trim();

export async function listSynonyms(db: Db) {
  return db
    .select({
      id: searchSynonyms.id,
      phrase: searchSynonyms.phrase,
      means: searchSynonyms.means,
      createdAt: searchSynonyms.createdAt,
    })
    .from(searchSynonyms)
    .orderBy(asc(searchSynonyms.phrase), asc(searchSynonyms.id));
}

export async function createSynonym(db: Db, principal: Principal, input: SynonymInput) {
  const phrase = clean(input.phrase);
  const means = clean(input.means);
  // Search sees words only: a phrase of punctuation alone would never match anything.
  if (analyzeClauses(phrase).length === 0)
    throw new ApiError("invalid_request", "Cụm từ phải có chữ hoặc số", "phrase");
  if (analyzeClauses(means).length === 0) throw new ApiError("invalid_request", "Nghĩa phải có chữ hoặc số", "means");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(searchSynonyms)
      .values({ phrase, means, createdByOfficerId: principal.officerId })
      .onConflictDoNothing()
      .returning({
        id: searchSynonyms.id,
        phrase: searchSynonyms.phrase,
        means: searchSynonyms.means,
        createdAt: searchSynonyms.createdAt,
      });
    if (!row) throw new ApiError("conflict", `Đã có từ đồng nghĩa "${phrase}" → "${means}"`, "phrase");
    await recordAudit(tx, principal, {
      action: "content.create",
      targetType: "search_synonym",
      targetId: row.id,
      unitId: principal.unitId,
      details: { phrase, means },
    });
    return row;
  });
}

/** False when there is no such synonym. */
export async function deleteSynonym(db: Db, principal: Principal, id: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(searchSynonyms)
      .where(eq(searchSynonyms.id, id))
      .returning({ phrase: searchSynonyms.phrase, means: searchSynonyms.means });
    if (!row) return false;
    await recordAudit(tx, principal, {
      action: "content.delete",
      targetType: "search_synonym",
      targetId: id,
      unitId: principal.unitId,
      details: { phrase: row.phrase, means: row.means },
    });
    return true;
  });
}

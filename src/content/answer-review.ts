// An officer's review of an approved answer against the law in force: the answer is held back from citizens while
// an article it cites changed after it was last reviewed (src/content/citation-check.ts). Reviewing confirms it,
// optionally with new wording and citations, and republishes it (updated_at moves, so the flags of changes before
// now clear). An answer still citing a replaced or expired statute cannot be confirmed: it must cite the law in
// force (or be retired). Scoped like retiring an answer; audited.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/db";
import { type AnswerCitation, approvedAnswers, articles, legalDocuments, units } from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import { pathInScope, type Principal } from "../officers/principal";
import { citationFlags } from "./citation-check";
import { loadLawRegistry } from "./law-registry";
import { vietnamToday } from "./law-status";

export interface AnswerReviewInput {
  answer?: string;
  citations?: Array<{ document: string; article: string }>;
}

export async function reviewApprovedAnswer(
  db: Db,
  principal: Principal,
  id: number,
  input: AnswerReviewInput,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        status: approvedAnswers.status,
        unitId: approvedAnswers.unitId,
        path: units.path,
        citations: approvedAnswers.citations,
        updatedAt: approvedAnswers.updatedAt,
      })
      .from(approvedAnswers)
      .leftJoin(units, eq(units.id, approvedAnswers.unitId))
      .where(eq(approvedAnswers.id, id))
      .for("update", { of: approvedAnswers });
    const visible =
      current && (current.path ? pathInScope(principal, current.path) : principal.unitPath.split("/").length === 3);
    if (!current || !visible) throw new ApiError("not_found", "Không có câu trả lời mẫu này trong phạm vi của bạn");
    if (current.status === "retired") throw new ApiError("conflict", "Câu trả lời mẫu này đã ngừng dùng");
    const citations = input.citations ? await resolveCitations(tx, input.citations) : current.citations;
    const laws = await loadLawRegistry(tx);
    const date = vietnamToday(now);
    const superseded = citations.flatMap((c) =>
      citationFlags(laws, c, date, now).filter((f) => f.change === "replaced" || f.change === "expired"),
    );
    if (superseded.length > 0) {
      const names = superseded.map((f) => `Điều ${f.article} ${f.citation}`).join("; ");
      throw new ApiError(
        "conflict",
        `Câu trả lời còn dẫn văn bản đã hết hiệu lực (${names}): hãy sửa trích dẫn theo văn bản đang có hiệu lực ` +
          "hoặc ngừng dùng câu trả lời.",
        "citations",
      );
    }
    const before = citations.flatMap((c) => citationFlags(laws, c, date, current.updatedAt));
    await tx
      .update(approvedAnswers)
      .set({ ...(input.answer !== undefined && { answer: input.answer }), citations, updatedAt: now })
      .where(eq(approvedAnswers.id, id));
    await recordAudit(tx, principal, {
      action: "answer.law_review",
      targetType: "approved_answer",
      targetId: id,
      unitId: current.unitId,
      details: {
        changedAnswer: input.answer !== undefined,
        changedCitations: input.citations !== undefined,
        clearedFlags: before.map((f) => ({
          article: f.article,
          document: f.document,
          change: f.change,
          by: f.by?.number,
        })),
      },
    });
    const [row] = await tx
      .select({
        id: approvedAnswers.id,
        question: approvedAnswers.question,
        answer: approvedAnswers.answer,
        citations: approvedAnswers.citations,
        unitCode: units.code,
        sourceQuestionId: approvedAnswers.sourceQuestionId,
        status: approvedAnswers.status,
        createdAt: approvedAnswers.createdAt,
        updatedAt: approvedAnswers.updatedAt,
      })
      .from(approvedAnswers)
      .leftJoin(units, eq(units.id, approvedAnswers.unitId))
      .where(eq(approvedAnswers.id, id));
    return row!;
  });
}

/** Citations as stored: with the article's row id when a published statute of that title has it. */
async function resolveCitations(
  tx: Db,
  citations: Array<{ document: string; article: string }>,
): Promise<AnswerCitation[]> {
  const titles = [...new Set(citations.map((c) => c.document))];
  const rows =
    titles.length === 0
      ? []
      : await tx
          .select({ id: articles.id, number: articles.number, document: legalDocuments.title })
          .from(articles)
          .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
          .where(and(inArray(legalDocuments.title, titles), eq(legalDocuments.status, "published")));
  const idOf = new Map(rows.map((r) => [`${r.document}\u0000${r.number}`, r.id]));
  return citations.map((c) => ({ ...c, articleId: idOf.get(`${c.document}\u0000${c.article}`) ?? null }));
}

// Approved answers for officers: the list (they are public content, given by the bot to everyone, so every officer
// may read them) and retiring one, which only officers whose scope holds the approving unit may do.
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/db";
import { type ApprovedAnswerStatus, approvedAnswers, units } from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import { pathInScope, type Principal } from "../officers/principal";

const columns = {
  id: approvedAnswers.id,
  question: approvedAnswers.question,
  answer: approvedAnswers.answer,
  citations: approvedAnswers.citations,
  unitCode: units.code,
  sourceQuestionId: approvedAnswers.sourceQuestionId,
  status: approvedAnswers.status,
  createdAt: approvedAnswers.createdAt,
  updatedAt: approvedAnswers.updatedAt,
};

export async function listApprovedAnswers(
  db: Db,
  query: { status?: ApprovedAnswerStatus; page: number; pageSize: number },
) {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(approvedAnswers.status, query.status));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(approvedAnswers).where(where);
  const items = await db
    .select(columns)
    .from(approvedAnswers)
    .leftJoin(units, eq(units.id, approvedAnswers.unitId))
    .where(where)
    .orderBy(desc(approvedAnswers.createdAt), desc(approvedAnswers.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items, page: query.page, pageSize: query.pageSize, total };
}

export async function retireApprovedAnswer(db: Db, principal: Principal, id: number, now: Date) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: approvedAnswers.status, unitId: approvedAnswers.unitId, path: units.path })
      .from(approvedAnswers)
      .leftJoin(units, eq(units.id, approvedAnswers.unitId))
      .where(eq(approvedAnswers.id, id));
    // An answer with no unit is national: only an officer whose scope is the whole country may retire it.
    const inScope =
      current && (current.path ? pathInScope(principal, current.path) : principal.unitPath.split("/").length === 3);
    if (!current || !inScope) throw new ApiError("not_found", "Không có câu trả lời mẫu này trong phạm vi của bạn");
    if (current.status === "retired") throw new ApiError("conflict", "Câu trả lời mẫu này đã ngừng dùng");
    await tx.update(approvedAnswers).set({ status: "retired", updatedAt: now }).where(eq(approvedAnswers.id, id));
    await recordAudit(tx, principal, {
      action: "answer.retire",
      targetType: "approved_answer",
      targetId: id,
      unitId: current.unitId,
    });
    const [row] = await tx
      .select(columns)
      .from(approvedAnswers)
      .leftJoin(units, eq(units.id, approvedAnswers.unitId))
      .where(eq(approvedAnswers.id, id));
    return row!;
  });
}

// The office's routing rules ("questions from inside unit U about topic T go to unit V"), managed through the API:
// both units must lie in the caller's scope, so nobody routes questions into or out of another office's inbox.
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/db";
import { questionRoutes, topics, units } from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import { unitInScopeOrFail } from "../officers/officer-service";
import { inScope, type Principal } from "../officers/principal";

const fromUnits = alias(units, "from_units");
const toUnits = alias(units, "to_units");

const columns = {
  id: questionRoutes.id,
  fromUnitCode: fromUnits.code,
  topicId: questionRoutes.topicId,
  topicName: topics.name,
  toUnitCode: toUnits.code,
  createdAt: questionRoutes.createdAt,
};

function selectRules(db: Db) {
  return db
    .select(columns)
    .from(questionRoutes)
    .innerJoin(fromUnits, eq(fromUnits.id, questionRoutes.fromUnitId))
    .innerJoin(toUnits, eq(toUnits.id, questionRoutes.toUnitId))
    .innerJoin(topics, eq(topics.id, questionRoutes.topicId));
}

export async function listRouteRules(db: Db, principal: Principal) {
  return selectRules(db)
    .where(inScope(principal, questionRoutes.fromUnitId))
    .orderBy(asc(fromUnits.path), asc(questionRoutes.topicId));
}

export async function createRouteRule(
  db: Db,
  principal: Principal,
  input: { fromUnitCode: string; topicId: number; toUnitCode: string },
) {
  return db.transaction(async (tx) => {
    const from = await unitInScopeOrFail(tx, principal, input.fromUnitCode, "fromUnitCode");
    const to = await unitInScopeOrFail(tx, principal, input.toUnitCode, "toUnitCode");
    const [topic] = await tx.select({ id: topics.id }).from(topics).where(eq(topics.id, input.topicId));
    if (!topic) throw new ApiError("invalid_request", `Không có lĩnh vực số ${input.topicId}`, "topicId");
    const [row] = await tx
      .insert(questionRoutes)
      .values({ fromUnitId: from.id, topicId: topic.id, toUnitId: to.id, createdByOfficerId: principal.officerId })
      .onConflictDoNothing()
      .returning({ id: questionRoutes.id });
    if (!row) throw new ApiError("conflict", "Đơn vị này đã có quy tắc cho lĩnh vực này; hãy xoá quy tắc cũ trước");
    await recordAudit(tx, principal, {
      action: "question_route.create",
      targetType: "question_route",
      targetId: row.id,
      unitId: from.id,
      details: { topicId: topic.id, toUnitCode: input.toUnitCode },
    });
    const [created] = await selectRules(tx).where(eq(questionRoutes.id, row.id));
    return created!;
  });
}

export async function deleteRouteRule(db: Db, principal: Principal, id: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [rule] = await tx
      .select({ fromUnitId: questionRoutes.fromUnitId })
      .from(questionRoutes)
      .where(and(eq(questionRoutes.id, id), inScope(principal, questionRoutes.fromUnitId)));
    if (!rule) return false;
    await tx.delete(questionRoutes).where(eq(questionRoutes.id, id));
    await recordAudit(tx, principal, {
      action: "question_route.delete",
      targetType: "question_route",
      targetId: id,
      unitId: rule.fromUnitId,
    });
    return true;
  });
}

// The audit log: who did what, when, in which scope. Written in the same transaction as the action it records.
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "../../db/db";
import { auditLog, units } from "../../db/schema/index";
import { inScope, type Principal } from "./principal";

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | number;
  unitId: number | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(
  db: Db,
  actor: Pick<Principal, "officerId" | "email"> | null,
  entry: AuditEntry,
): Promise<void> {
  await db.insert(auditLog).values({
    officerId: actor?.officerId ?? null,
    officerEmail: actor?.email ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    unitId: entry.unitId,
    details: entry.details ?? {},
  });
}

export interface AuditQuery {
  before?: number;
  limit: number;
  action?: string;
}

/** The log of the principal's scope, newest first, by id cursor. */
export async function listAudit(db: Db, principal: Principal, query: AuditQuery) {
  const conditions: SQL[] = [inScope(principal, auditLog.unitId)];
  if (query.before !== undefined) conditions.push(lt(auditLog.id, query.before));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      officerId: auditLog.officerId,
      officerEmail: auditLog.officerEmail,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      unitCode: units.code,
      unitName: units.name,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { entries: page, nextBefore: rows.length > query.limit ? page.at(-1)!.id : null };
}

// The audit log: who did what, when, in which scope. Written in the same transaction as the action it records.
import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
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

export interface AuditFilter {
  action?: string;
  /** The acting officer's email as recorded (kept after the account is gone). */
  officerEmail?: string;
  /** From this instant (inclusive) … */
  from?: Date;
  /** … up to this instant (exclusive). */
  to?: Date;
}

export interface AuditQuery extends AuditFilter {
  before?: number;
  limit: number;
}

const auditColumns = {
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
};

function auditConditions(principal: Principal, filter: AuditFilter): SQL[] {
  const conditions: SQL[] = [inScope(principal, auditLog.unitId)];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.officerEmail) conditions.push(eq(auditLog.officerEmail, filter.officerEmail.trim().toLowerCase()));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  return conditions;
}

/** The log of the principal's scope, newest first, by id cursor. */
export async function listAudit(db: Db, principal: Principal, query: AuditQuery) {
  const conditions = auditConditions(principal, query);
  if (query.before !== undefined) conditions.push(lt(auditLog.id, query.before));
  const rows = await db
    .select(auditColumns)
    .from(auditLog)
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { entries: page, nextBefore: rows.length > query.limit ? page.at(-1)!.id : null };
}

/** The same log by page number with a total, for the console's pager. */
export async function pageAudit(
  db: Db,
  principal: Principal,
  filter: AuditFilter & { page: number; pageSize: number },
) {
  const where = and(...auditConditions(principal, filter));
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where);
  const entries = await db
    .select(auditColumns)
    .from(auditLog)
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { entries, total, page: filter.page, pageSize: filter.pageSize };
}

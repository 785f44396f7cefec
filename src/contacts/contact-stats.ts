// How many people each unit reaches, by unit or by channel: counts only, never platform ids. Contacts without a
// unit yet (most, until they give one) count only for officers whose scope is the whole country.
import { and, count, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { contacts, units } from "../../db/schema/index";
import { inScope, type Principal } from "../officers/principal";

export async function contactCounts(
  db: Db,
  principal: Principal,
  unit: { id: number; path: string },
  by: "unit" | "channel",
) {
  const national = principal.unitPath.split("/").filter(Boolean).length === 1 && unit.path === principal.unitPath;
  const subtree = `${unit.path}%`;
  const inUnit = sql`${contacts.unitId} in (select ${units.id} from ${units} where ${units.path} like ${subtree})`;
  const where = and(
    national ? or(isNull(contacts.unitId), inUnit) : inUnit,
    national ? undefined : inScope(principal, contacts.unitId),
  );
  if (by === "channel") {
    const rows = await db
      .select({ channel: contacts.channel, count: count() })
      .from(contacts)
      .where(where)
      .groupBy(contacts.channel)
      .orderBy(contacts.channel);
    return rows.map((r) => ({ key: r.channel, label: r.channel, count: r.count }));
  }
  const rows = await db
    .select({ code: units.code, name: units.fullName, count: count() })
    .from(contacts)
    .leftJoin(units, eq(units.id, contacts.unitId))
    .where(where)
    .groupBy(units.code, units.fullName)
    .orderBy(units.code);
  return rows.map((r) => ({ key: r.code ?? "unassigned", label: r.name ?? "Chưa xác định đơn vị", count: r.count }));
}

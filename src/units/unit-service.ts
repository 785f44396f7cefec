// Units as officers see them: scoped lookups, children of a unit, and search by name as people type it (with or
// without diacritics or the unit type), resolving communes merged in 2025 through their old names.
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/db";
import { unitAliases, units } from "../../db/schema/index";
import { inScope, type Principal } from "../officers/principal";
import { foldUnitName, placeParts, unitTypeOf } from "../text/unit-names";
import { foldText } from "../text/vietnamese";

const parent = alias(units, "parent_unit");

const unitColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  fullName: units.fullName,
  kind: units.kind,
  adminType: units.adminType,
  parentCode: parent.code,
  parentName: parent.fullName,
  validFrom: units.validFrom,
  validTo: units.validTo,
};

export type UnitView = {
  id: number;
  code: string;
  name: string;
  fullName: string;
  kind: string;
  adminType: string | null;
  parentCode: string | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
};

const current = isNull(units.validTo);

export async function getUnit(db: Db, principal: Principal, code: string): Promise<UnitView | null> {
  const [row] = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(and(eq(units.code, code), current, inScope(principal, units.id)))
    .limit(1);
  return row ?? null;
}

/** Children of a unit in scope (the caller's own unit when none is named), or null when it is not in scope. */
export async function listChildUnits(
  db: Db,
  principal: Principal,
  parentCode: string | undefined,
  page: number,
  pageSize: number,
) {
  const parentUnit = parentCode
    ? await getUnit(db, principal, parentCode)
    : (
        await db
          .select(unitColumns)
          .from(units)
          .leftJoin(parent, eq(parent.id, units.parentId))
          .where(eq(units.id, principal.unitId))
      )[0];
  if (!parentUnit) return null;
  const where = and(eq(units.parentId, parentUnit.id), current);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(units).where(where);
  const items = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(where)
    .orderBy(asc(units.code))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { parent: parentUnit, items, page, pageSize, total };
}

export interface UnitMatch extends UnitView {
  /** How it matched: its current name, a name it had before the 2025 merger, or a similar spelling. */
  matchedBy: "name" | "old_name" | "similar";
  oldName: string | null;
  oldProvinceName: string | null;
  /** How well it fits what else was written: the province or district named, the unit type typed. */
  fitsContext: boolean;
  fitsType: boolean;
}

const MATCH_ORDER = { name: 0, old_name: 1, similar: 2 } as const;

/**
 * "xã Yên Định, huyện Sơn Động", "yen dinh", "Phường Phúc Xá, Hà Nội": the first part is the place, later parts
 * (province, old district) only rank candidates. Old districts are not in the 2025 data, so they cannot narrow.
 */
export async function searchUnits(
  db: Db,
  principal: Pick<Principal, "unitPath">,
  query: string,
  limit: number,
): Promise<UnitMatch[]> {
  const [place, ...context] = placeParts(query);
  if (!place) return [];
  const typed = unitTypeOf(query.split(/[,;\n]/)[0] ?? "");
  const scoped = and(current, inScope(principal, units.id));

  const byName = await db
    .select(unitColumns)
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(and(eq(units.nameFolded, place), scoped))
    .limit(50);
  const byOldName = await db
    .select({ ...unitColumns, oldName: unitAliases.oldName, oldProvinceName: unitAliases.oldProvinceName })
    .from(unitAliases)
    .innerJoin(units, eq(units.id, unitAliases.unitId))
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(and(eq(unitAliases.oldShortNameFolded, place), scoped))
    .limit(50);
  const similar =
    byName.length + byOldName.length >= limit
      ? []
      : await db
          .select(unitColumns)
          .from(units)
          .leftJoin(parent, eq(parent.id, units.parentId))
          .where(and(sql`${units.nameFolded} % ${place}`, scoped))
          .orderBy(desc(sql`similarity(${units.nameFolded}, ${place})`), asc(units.code))
          .limit(limit);

  const matches = new Map<number, UnitMatch>();
  const add = (
    row: UnitView,
    matchedBy: UnitMatch["matchedBy"],
    oldName: string | null = null,
    oldProvinceName: string | null = null,
  ) => {
    if (!matches.has(row.id))
      matches.set(row.id, { ...row, matchedBy, oldName, oldProvinceName, fitsContext: false, fitsType: false });
  };
  for (const row of byName) add(row, "name");
  for (const { oldName, oldProvinceName, ...row } of byOldName) add(row, "old_name", oldName, oldProvinceName);
  for (const row of similar) add(row, "similar");

  // Later parts ("huyện Sơn Động", "Hà Nội") rank candidates in the provinces they point to first.
  const hintedProvinces = await provincesNamedBy(db, context);
  const fitsHint = (m: UnitMatch) =>
    (m.parentCode !== null && hintedProvinces.has(m.parentCode)) ||
    (m.oldProvinceName !== null && context.includes(foldUnitName(m.oldProvinceName)));
  const typeOf = (m: UnitMatch) => (m.matchedBy === "old_name" && m.oldName ? m.oldName : m.fullName);
  for (const match of matches.values()) {
    match.fitsContext = fitsHint(match);
    match.fitsType = typed !== null && foldText(typeOf(match)).startsWith(typed);
  }
  return [...matches.values()]
    .sort(
      (a, b) =>
        Number(b.fitsContext) - Number(a.fitsContext) ||
        Number(b.fitsType) - Number(a.fitsType) ||
        MATCH_ORDER[a.matchedBy] - MATCH_ORDER[b.matchedBy] ||
        a.code.localeCompare(b.code),
    )
    .slice(0, limit);
}

/**
 * Provinces a place hint points to: a province of that name, or the province of a commune that has (or had
 * before 2025) that name. Old districts often gave their name to a new commune ("huyện Sơn Động" → "xã Sơn Động"),
 * which is how a district hint still narrows the search although the 2025 data has no districts.
 */
async function provincesNamedBy(db: Db, hints: string[]): Promise<Set<string>> {
  if (hints.length === 0) return new Set();
  const provinceOf = alias(units, "province_of");
  const direct = await db
    .select({ code: units.code, kind: units.kind, parentCode: provinceOf.code })
    .from(units)
    .leftJoin(provinceOf, eq(provinceOf.id, units.parentId))
    .where(and(inArray(units.nameFolded, hints), current));
  const viaOldNames = await db
    .select({ parentCode: provinceOf.code })
    .from(unitAliases)
    .innerJoin(units, eq(units.id, unitAliases.unitId))
    .innerJoin(provinceOf, eq(provinceOf.id, units.parentId))
    .where(inArray(unitAliases.oldShortNameFolded, hints));
  const codes = new Set<string>();
  for (const row of direct) codes.add(row.kind === "province" ? row.code : (row.parentCode ?? ""));
  for (const row of viaOldNames) codes.add(row.parentCode);
  codes.delete("");
  return codes;
}

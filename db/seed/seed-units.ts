// Seeds the administrative units (country → 34 provinces → 3,321 communes, codes of QĐ 19/2025/QĐ-TTg as updated
// to 2026-07) and the names of the communes merged in 2025, resolved to their new communes. Idempotent.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db";
import { unitAliases, units } from "../schema/units";
import { foldUnitName } from "../../src/text/unit-names";
import { foldText, normalizeText } from "../../src/text/vietnamese";

export const unitsFileSchema = z.array(
  z.object({
    Code: z.string().min(1),
    Name: z.string().min(1),
    FullName: z.string().min(1),
    AdministrativeUnitShortName: z.string().min(1),
    Wards: z.array(
      z.object({
        Code: z.string().min(1),
        Name: z.string().min(1),
        FullName: z.string().min(1),
        AdministrativeUnitShortName: z.string().min(1),
      }),
    ),
  }),
);

export const oldToNewFileSchema = z.object({
  data: z.array(
    z.object({
      level1_id: z.string(),
      name: z.string(),
      level3s: z.array(
        z.object({
          level3_id: z.string(),
          name: z.string(),
          splits: z.array(z.object({ new_id: z.string(), name: z.string() })),
        }),
      ),
    }),
  ),
});

export const COUNTRY_CODE = "VN";
export const CURRENT_UNITS_VALID_FROM = "2025-07-01";
const CODE_SOURCE = "QĐ 19/2025/QĐ-TTg (cập nhật 07/2026)";
const ALIAS_SOURCE = "Sáp nhập đơn vị hành chính cấp xã năm 2025";
const ROWS_PER_INSERT = 500;

type NewUnit = typeof units.$inferInsert;

export interface SeedUnitsResult {
  provinces: number;
  communes: number;
  aliases: number;
  /** Old communes whose new code is not in the current list (reported, not guessed). */
  unresolvedAliases: number;
}

export async function seedUnits(
  db: Db,
  unitsFile: z.infer<typeof unitsFileSchema>,
  oldToNew: z.infer<typeof oldToNewFileSchema>,
): Promise<SeedUnitsResult> {
  return db.transaction(async (tx) => {
    const insertAll = async (rows: NewUnit[]) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await tx
          .insert(units)
          .values(rows.slice(i, i + ROWS_PER_INSERT))
          .onConflictDoNothing();
      }
    };
    const current = (kind: "country" | "province" | "commune") =>
      tx
        .select({ id: units.id, code: units.code })
        .from(units)
        .where(and(eq(units.kind, kind), eq(units.validFrom, CURRENT_UNITS_VALID_FROM)));
    const base = { validFrom: CURRENT_UNITS_VALID_FROM, codeSource: CODE_SOURCE, path: "" };

    await insertAll([
      {
        ...base,
        code: COUNTRY_CODE,
        kind: "country",
        adminType: "Quốc gia",
        name: "Việt Nam",
        fullName: "Nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        nameFolded: foldText("Việt Nam"),
      },
    ]);
    const countryId = (await current("country")).find((u) => u.code === COUNTRY_CODE)!.id;

    await insertAll(
      unitsFile.map((p) => ({
        ...base,
        code: p.Code,
        kind: "province" as const,
        adminType: normalizeText(p.AdministrativeUnitShortName),
        name: normalizeText(p.Name),
        fullName: normalizeText(p.FullName),
        nameFolded: foldText(p.Name),
        parentId: countryId,
      })),
    );
    const provinceIds = new Map((await current("province")).map((u) => [u.code, u.id]));

    await insertAll(
      unitsFile.flatMap((p) =>
        p.Wards.map((w) => ({
          ...base,
          code: w.Code,
          kind: "commune" as const,
          adminType: normalizeText(w.AdministrativeUnitShortName),
          name: normalizeText(w.Name),
          fullName: normalizeText(w.FullName),
          nameFolded: foldText(w.Name),
          parentId: provinceIds.get(p.Code)!,
        })),
      ),
    );
    const communeIds = new Map((await current("commune")).map((u) => [u.code, u.id]));

    // Paths need the ids just assigned; fill them top-down, one level per statement.
    await tx
      .update(units)
      .set({ path: sql`'/' || ${units.id} || '/'` })
      .where(and(eq(units.path, ""), sql`${units.parentId} is null`));
    for (let level = 0; level < 2; level++) {
      await tx.execute(sql`
        update units as child set path = parent.path || child.id || '/'
        from units as parent
        where child.parent_id = parent.id and child.path = '' and parent.path <> ''`);
    }

    const aliasRows: Array<typeof unitAliases.$inferInsert> = [];
    let unresolved = 0;
    for (const oldProvince of oldToNew.data) {
      for (const oldCommune of oldProvince.level3s) {
        for (const split of oldCommune.splits) {
          const unitId = communeIds.get(split.new_id);
          if (unitId === undefined) {
            unresolved++;
            continue;
          }
          aliasRows.push({
            unitId,
            oldCode: oldCommune.level3_id,
            oldName: normalizeText(oldCommune.name),
            oldNameFolded: foldText(oldCommune.name),
            oldShortNameFolded: foldUnitName(oldCommune.name),
            oldProvinceCode: oldProvince.level1_id,
            oldProvinceName: normalizeText(oldProvince.name),
            source: ALIAS_SOURCE,
          });
        }
      }
    }
    for (let i = 0; i < aliasRows.length; i += ROWS_PER_INSERT) {
      await tx
        .insert(unitAliases)
        .values(aliasRows.slice(i, i + ROWS_PER_INSERT))
        .onConflictDoNothing();
    }
    return {
      provinces: provinceIds.size,
      communes: communeIds.size,
      aliases: aliasRows.length,
      unresolvedAliases: unresolved,
    };
  });
}

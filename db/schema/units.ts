// Administrative and organisational units: the country, the 34 provinces, the 3,321 communes, and offices
// (Sở Tư pháp, ministries). Codes change when boundaries change, so a unit row is one code over one validity period.
import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, serial, text, unique, type AnyPgColumn } from "drizzle-orm/pg-core";

export const unitKinds = ["country", "province", "commune", "agency"] as const;
export type UnitKind = (typeof unitKinds)[number];

export const units = pgTable(
  "units",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    kind: text("kind", { enum: unitKinds }).notNull(),
    /** The unit's administrative type as written in Vietnamese: "Tỉnh", "Thành phố", "Xã", "Phường", "Đặc khu". */
    adminType: text("admin_type"),
    name: text("name").notNull(),
    fullName: text("full_name").notNull(),
    nameFolded: text("name_folded").notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => units.id),
    /** Materialised path of ids, "/1/2/57/": a unit's subtree is every path that starts with its own. */
    path: text("path").notNull(),
    /** Which official code list the code comes from, e.g. "QĐ 19/2025/QĐ-TTg". */
    codeSource: text("code_source"),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
  },
  (t) => [
    unique("units_code_valid_from_key").on(t.code, t.validFrom),
    index("units_parent_idx").on(t.parentId),
    index("units_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
    index("units_name_trgm_idx").using("gin", sql`${t.nameFolded} gin_trgm_ops`),
  ],
);

/**
 * Names that no longer exist but that people still use: communes merged in the 2025 reform, resolved to the new
 * commune(s). One row per (old commune, new commune) pair, since some old communes were split.
 */
export const unitAliases = pgTable(
  "unit_aliases",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    oldCode: text("old_code").notNull(),
    oldName: text("old_name").notNull(),
    oldNameFolded: text("old_name_folded").notNull(),
    /** The folded old name without its type ("xa yen dinh" → "yen dinh"), which is how people write it. */
    oldShortNameFolded: text("old_short_name_folded").notNull().default(""),
    oldProvinceCode: text("old_province_code").notNull(),
    oldProvinceName: text("old_province_name").notNull(),
    source: text("source").notNull(),
  },
  (t) => [
    unique("unit_aliases_old_code_unit_key").on(t.oldCode, t.unitId),
    index("unit_aliases_name_idx").on(t.oldNameFolded),
    index("unit_aliases_short_name_idx").on(t.oldShortNameFolded),
  ],
);

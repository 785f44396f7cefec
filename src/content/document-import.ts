// A statute file uploaded by an officer (the console's "Nhập văn bản" page, POST /api/documents/import): the same
// format and the same all-or-nothing import as `npm run import:laws`, but scoped. The file's text is parsed here so
// a broken file is answered with the line and column of the JSON error, or with the record and field zod refused;
// a record may only update a statute the officer's scope owns, and may only mark as replaced statutes in that scope.
import { eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/db";
import { legalDocuments, units } from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import { unitInScopeOrFail } from "../officers/officer-service";
import { pathInScope, type Principal } from "../officers/principal";
import { normalizeText, slugify } from "../text/vietnamese";
import { importLaws, type ImportLawsResult } from "./import-laws";
import { describeLawFileIssues, lawFileSchema, type LawFile } from "./law-file";

export interface DocumentImportInput {
  /** The file's text: the JSON of `npm run import:laws`. */
  text: string;
  /** Where the text comes from, shown to readers. */
  source?: string | undefined;
  /** The unit that will own new statutes; the officer's own unit when not given. */
  unitCode?: string | undefined;
}

/** One problem of a file, as officers read it: where (line:column, or record and field) and what. */
export interface ImportIssue {
  field: string;
  message: string;
}

/** Thrown for a file that cannot be imported; `issues` names each problem (the API answers 400 with them). */
export class LawFileError extends ApiError {
  constructor(
    message: string,
    readonly issues: ImportIssue[],
  ) {
    super("invalid_request", message, "text");
  }
}

/** The file parsed and validated, or a LawFileError saying where it is broken. */
export function parseLawFileText(text: string): LawFile {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const where = jsonErrorPosition(text, error);
    const detail = error instanceof Error ? error.message : String(error);
    const place = where ? `dòng ${where.line}, cột ${where.column}` : "tệp";
    throw new LawFileError(`Tệp không phải JSON hợp lệ (${place}): ${detail}`, [
      { field: "text", message: `${place}: JSON không hợp lệ` },
    ]);
  }
  const parsed = lawFileSchema.safeParse(input);
  if (!parsed.success) {
    const lines = describeLawFileIssues(input, parsed.error);
    const shown = lines.slice(0, 20);
    const more = lines.length > shown.length ? ` … và ${lines.length - shown.length} lỗi khác` : "";
    throw new LawFileError(
      `Tệp không đúng định dạng, chưa nhập gì: ${shown.join("; ")}${more}`,
      shown.map((message) => ({ field: "text", message })),
    );
  }
  return parsed.data;
}

/** V8 says "at position N" (Node 20) or "(line L column C)" (newer): both become a line and a column. */
function jsonErrorPosition(text: string, error: unknown): { line: number; column: number } | null {
  const message = error instanceof Error ? error.message : "";
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : /end of JSON input/i.test(message) ? text.length : null;
  if (offset === null) return null;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

export interface DocumentImportResult extends ImportLawsResult {
  items: Array<{ id: number; title: string; articles: number }>;
}

export async function importDocumentsForOfficer(
  db: Db,
  principal: Principal,
  input: DocumentImportInput,
): Promise<DocumentImportResult> {
  const laws = parseLawFileText(input.text);
  return db.transaction(async (tx) => {
    const owner = input.unitCode
      ? await unitInScopeOrFail(tx, principal, input.unitCode)
      : { id: principal.unitId, path: principal.unitPath };
    await refuseOutsideScope(tx, principal, laws);
    const result = await importLaws(tx, laws, {
      source: input.source?.trim() || "Cán bộ nhập từ tệp",
      ownerUnitId: owner.id,
    });
    const items = result.documentIds.map((id, index) => ({
      id,
      title: normalizeText(laws[index]!.id).trim(),
      articles: laws[index]!.articles.length,
    }));
    for (const item of items) {
      const [row] = await tx
        .select({ unitId: legalDocuments.ownerUnitId })
        .from(legalDocuments)
        .where(eq(legalDocuments.id, item.id));
      await recordAudit(tx, principal, {
        action: "content.import",
        targetType: "document",
        targetId: item.id,
        unitId: row?.unitId ?? owner.id,
        details: { title: item.title, articles: item.articles, warnings: result.warnings },
      });
    }
    return { ...result, items };
  });
}

/**
 * A record whose statute (same slug) belongs to a unit outside the scope would overwrite another unit's text, and one
 * that "replaces" a statute outside the scope would end it: both are refused before anything is written. The answer
 * names the record, not the other unit's statute (its title is not the officer's to read).
 */
async function refuseOutsideScope(tx: Db, principal: Principal, laws: LawFile) {
  const slugs = laws.map((law) => slugify(normalizeText(law.id).trim()));
  const named = laws.flatMap((law) => (law.replaces ?? []).map((name) => normalizeText(name).trim()));
  const conditions = [inArray(legalDocuments.slug, slugs)];
  if (named.length > 0)
    conditions.push(inArray(legalDocuments.officialNumber, named), inArray(legalDocuments.title, named));
  const touched = await tx
    .select({
      title: legalDocuments.title,
      slug: legalDocuments.slug,
      number: legalDocuments.officialNumber,
      path: units.path,
    })
    .from(legalDocuments)
    .innerJoin(units, eq(units.id, legalDocuments.ownerUnitId))
    .where(or(...conditions));
  const outside = touched.filter((row) => !pathInScope(principal, row.path));
  if (outside.length === 0) return;
  laws.forEach((law, index) => {
    if (outside.some((row) => row.slug === slugs[index]))
      throw new ApiError(
        "forbidden",
        `Bản ghi ${index}: đã có văn bản cùng tên do đơn vị khác quản lý, chưa nhập gì`,
        "text",
      );
    const ends = (law.replaces ?? []).map((name) => normalizeText(name).trim());
    if (outside.some((row) => ends.includes(row.title) || (row.number !== null && ends.includes(row.number))))
      throw new ApiError(
        "forbidden",
        `Bản ghi ${index}, trường replaces: văn bản bị thay thế do đơn vị khác quản lý, chưa nhập gì`,
        "text",
      );
  });
}

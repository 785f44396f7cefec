// The indicators workbook as the Worker bundle sees it (package.json "imports", condition "workerd"): the Worker
// carries no exceljs (about a megabyte, and its streaming writer does not run in workerd, see
// src/exports/xlsx-writer.workerd.ts), so the report route answers 400 naming `format` there, as the export route
// does. The JSON report is the same on both runtimes.
import type { IndicatorReport } from "./indicators";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const indicatorsWorkbookAvailable = false;

export async function indicatorsWorkbook(_report: IndicatorReport, _generatedAt: Date): Promise<Uint8Array> {
  throw new Error("XLSX is not available on this runtime");
}

// The XLSX writer on Node: exceljs's streaming WorkbookWriter, rows committed as they come and the zip streamed out,
// so memory stays bounded by a page plus the zip's buffers. It waits whenever the reader falls behind: exceljs
// itself never does (a committed row is buffered, whatever the reader's pace).
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { VIETNAM_OFFSET_MS } from "./export-request";
import type { Cell } from "./export-columns";
import type { XlsxSheets, XlsxWriter } from "./xlsx-sheets";

const DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";
const OUTPUT_BUFFER = 1 << 20;

/** Excel has no time zones: an instant is written as its Vietnamese wall time. */
function xlsxCell(cell: Cell): ExcelJS.CellValue {
  return cell instanceof Date ? new Date(cell.getTime() + VIETNAM_OFFSET_MS) : cell;
}

/** Lets the zip catch up, then waits for the reader while the output is full; stops if the reader went away. */
async function caughtUp(out: PassThrough) {
  await new Promise((resolve) => setImmediate(resolve));
  while (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, "drain"), once(out, "close")]);
  if (out.destroyed) throw new Error("export cancelled by the reader");
}

async function write(workbook: ExcelJS.stream.xlsx.WorkbookWriter, out: PassThrough, sheets: XlsxSheets) {
  const data = workbook.addWorksheet(sheets.data.name, { views: [{ state: "frozen", ySplit: 1 }] });
  data.columns = sheets.data.columns.map((c) => ({ header: c.key, key: c.key, width: Math.max(12, c.key.length + 2) }));
  data.getRow(1).font = { bold: true };
  data.getRow(1).commit();
  for await (const rows of sheets.data.pages) {
    for (const cells of rows) {
      const row = data.addRow(cells.map(xlsxCell));
      cells.forEach((cell, i) => {
        if (cell instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT;
      });
      row.commit();
    }
    await caughtUp(out);
  }
  data.commit();

  const codebook = workbook.addWorksheet(sheets.codebook.name, { views: [{ state: "frozen", ySplit: 1 }] });
  codebook.columns = sheets.codebook.columns.map((c) => ({
    header: c.description,
    key: c.key,
    width: c.key === "question_text" ? 60 : 18,
  }));
  codebook.getRow(1).font = { bold: true };
  codebook.getRow(1).commit();
  for (const cells of sheets.codebook.rows) codebook.addRow(cells.map(xlsxCell)).commit();
  codebook.commit();
  await workbook.commit();
}

export const xlsxWriter: XlsxWriter = {
  available: true,
  stream(sheets, done) {
    const out = new PassThrough({ highWaterMark: OUTPUT_BUFFER });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    write(workbook, out, sheets).then(
      () => done(),
      (error: unknown) => {
        out.destroy(error instanceof Error ? error : new Error(String(error)));
        done(error);
      },
    );
    return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
  },
};

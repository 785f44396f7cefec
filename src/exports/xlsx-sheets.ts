// The contract between the export and an XLSX writer: a data sheet filled page by page, then the codebook. The
// writer itself is runtime-specific (#xlsx-writer in package.json): exceljs on Node, a refusal on Workers.
import type { Cell, Column } from "./export-columns";

export interface XlsxSheets {
  data: { name: string; columns: Column[]; pages: AsyncIterable<Cell[][]> };
  codebook: { name: string; columns: Column[]; rows: Cell[][] };
}

export interface XlsxWriter {
  /** False where the library cannot run (workerd): the route answers 400 naming `format` instead. */
  available: boolean;
  /** The workbook as a byte stream; `done` is called once with the outcome when the last byte is written. */
  stream(sheets: XlsxSheets, done: (error?: unknown) => void): ReadableStream<Uint8Array>;
}

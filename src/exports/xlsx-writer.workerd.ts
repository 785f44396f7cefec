// The XLSX writer as the Worker bundle sees it (package.json "imports", condition "workerd"): exceljs's streaming
// writer needs Node streams that workerd does not provide (its zip library refuses workerd's streams), and would
// add about a megabyte to the bundle for nothing. The export route answers 400 naming `format` instead.
import type { XlsxWriter } from "./xlsx-sheets";

export const xlsxWriter: XlsxWriter = {
  available: false,
  stream() {
    throw new Error("XLSX is not available on this runtime");
  },
};

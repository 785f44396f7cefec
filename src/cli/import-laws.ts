// npm run import:laws -- FILE [--source "…"]: import statutes in the law.json format, all or nothing; records may
// carry legal facts (number, dates, replaces/replacedBy, amendments: src/content/law-file.ts).
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { importLaws } from "../content/import-laws";
import { describeLawFileIssues, lawFileSchema } from "../content/law-file";
import { openDatabase, runCommand } from "./open-database";

await runCommand(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { source: { type: "string" }, topic: { type: "string" } },
  });
  const file = positionals[0];
  if (!file)
    throw new Error('Cách dùng: npm run import:laws -- TỆP.json [--source "nguồn văn bản"] [--topic slug-lĩnh-vực]');

  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(`Không đọc được tệp ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = lawFileSchema.safeParse(input);
  if (!parsed.success) {
    const lines = describeLawFileIssues(input, parsed.error);
    throw new Error(
      [
        `Tệp ${file} không hợp lệ, chưa nhập gì:`,
        ...lines.slice(0, 20).map((l) => `  - ${l}`),
        ...(lines.length > 20 ? [`  … và ${lines.length - 20} lỗi khác`] : []),
      ].join("\n"),
    );
  }

  const handle = await openDatabase();
  try {
    const result = await importLaws(handle.db, parsed.data, {
      source: values.source ?? `Nhập từ tệp ${file}`,
      topicFor: () => values.topic ?? null,
    });
    console.log(`Đã nhập ${result.documents} văn bản, ${result.articles} điều.`);
    if (result.linked > 0) console.log(`Đã đánh dấu ${result.linked} văn bản bị thay thế bởi văn bản vừa nhập.`);
    if (result.amendments > 0) console.log(`Đã ghi ${result.amendments} lần sửa đổi, bổ sung mới hoặc thay đổi.`);
    for (const warning of result.warnings) console.log(`Lưu ý: ${warning}`);
  } finally {
    await handle.close();
  }
});

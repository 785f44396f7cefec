// Helpers for the export tests: surveys taken through the real web chat (what the engine really stores), and the
// three formats read back with real readers (csv-parse, exceljs, JSON.parse).
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { say, type createTestApp, type WebReply } from "../support/test-app";

type App = ReturnType<typeof createTestApp>;

/** Takes survey `key` as `user`: age group, consent, then each answer in turn; checks that it completed. */
export async function takeSurvey(app: App, user: string, key: string, answers: string[]): Promise<WebReply[]> {
  let replies = await say(app, user, `survey:${key}`);
  if (replies.at(-1)!.options.some((o) => o.value === "age:adult")) replies = await say(app, user, "age:adult");
  replies = await say(app, user, "c:yes");
  for (const answer of answers) replies = await say(app, user, answer);
  expect(replies.at(-1)!.text, `${user} did not finish ${key}`).toMatch(/Cảm ơn|hoàn thành/);
  return replies;
}

/**
 * Scripted answers to the PBGDPL satisfaction survey (pbgdpl_satisfaction), as buttons ("a:…" an option, "s:…" done
 * or skip) and the commune typed last. The export, results and console tests count what these give.
 */
export const satisfactionAnswers = {
  /** Every question answered, two channels ticked (Zalo, meetings), a woman of 18–30. */
  full: (commune: string) => [
    "a:yes",
    "a:zalo",
    "a:meeting",
    "s:done",
    "a:often",
    "a:yes",
    "a:clear",
    "a:5",
    "a:18_30",
    "a:female",
    commune,
  ],
  /** Had not heard of the activities nor the laws: channels and understanding are not asked; age and sex skipped. */
  unreached: (commune: string) => ["a:no", "a:never", "a:no", "a:2", "s:skip", "s:skip", commune],
  /** Heard of them on Zalo only, understands mostly, very satisfied; age and sex skipped. */
  zaloOnly: (commune: string) => [
    "a:yes",
    "a:zalo",
    "s:done",
    "a:sometimes",
    "a:yes",
    "a:mostly",
    "a:5",
    "s:skip",
    "s:skip",
    commune,
  ],
  /** Does not know whether there were activities, nor the laws; a man over 60. */
  unsure: (commune: string) => ["a:dk", "a:sometimes", "a:dk", "a:3", "a:o60", "a:male", commune],
};

/** Answers every question with its first option until the survey ends (the quiz). */
export async function takeWithFirstOptions(app: App, user: string, key: string): Promise<void> {
  let replies = await say(app, user, `survey:${key}`);
  if (replies.at(-1)!.options.some((o) => o.value === "age:adult")) replies = await say(app, user, "age:adult");
  replies = await say(app, user, "c:yes");
  for (let i = 0; i < 40 && /^Câu \d+\b/m.test(replies.at(-1)!.text); i++) {
    const { options } = replies.at(-1)!;
    // Multiple choice: the first option is ticked, then "Xong".
    const done = options.some((o) => o.value === "s:done") && options.some((o) => o.label.startsWith("✓"));
    replies = await say(app, user, done ? "s:done" : options.find((o) => o.value.startsWith("a:"))!.value);
  }
  expect(replies.at(-1)!.text).toMatch(/hoàn thành/);
}

export const BOM = "\uFEFF";

/** The body as text with its byte order mark kept (Response.text() drops it, as the Encoding standard says). */
export async function bodyText(response: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

/** A CSV body parsed by csv-parse into records keyed by the header row (the BOM checked and removed). */
export function parseCsv(text: string): { header: string[]; records: Array<Record<string, string>> } {
  expect(text.startsWith(BOM), "CSV starts with a byte order mark").toBe(true);
  const rows = parse(text, { bom: true, relax_column_count: false }) as string[][];
  const [header = [], ...data] = rows;
  return { header, records: data.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]!]))) };
}

export interface Sheet {
  name: string;
  rows: unknown[][];
}

/** An XLSX body read back by exceljs: every sheet's rows as arrays of cell values (row 1 the header). */
export async function readXlsx(bytes: ArrayBuffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(values);
    });
    return { name: sheet.name, rows };
  });
}

/** Sheet rows as records keyed by the header row. */
export function sheetRecords(sheet: Sheet): Array<Record<string, unknown>> {
  const [header = [], ...data] = sheet.rows;
  return data.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null])));
}

export function parseJsonl(text: string): Array<Record<string, unknown>> {
  if (text === "") return [];
  expect(text.endsWith("\n")).toBe(true);
  return text
    .slice(0, -1)
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

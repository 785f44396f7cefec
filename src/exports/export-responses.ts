// An export of a survey's responses, shared by GET /api/exports/responses and `npm run export`: checks the request,
// counts the rows, writes the audit entry, then streams the file page by page from a connection of its own.
// CSV and JSONL are plain Web streams (Node and Workers alike); XLSX is whatever #xlsx-writer is on this runtime.
import { xlsxWriter } from "#xlsx-writer";
import { stringify } from "csv-stringify/sync";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { units } from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import type { Principal } from "../officers/principal";
import { codebookColumns, codebookRows, jsonRecord, rowShape, type Cell } from "./export-columns";
import { openDedicatedConnection, type DedicatedConnection } from "../../db/client-postgres";
import { csvCopyQuery } from "./csv-copy-query";
import { CsvRecordCounter } from "./csv-record-counter";
import { planExport, type ExportPlan, type ExportScope } from "./export-plan";
import { VIETNAM_OFFSET_MS, type ExportFormat, type ExportRequest } from "./export-request";
import { countAnswers, countResponses, PAGE_SIZE, responsePages, type ExportResponse } from "./response-pages";

export const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jsonl: "application/x-ndjson; charset=utf-8",
};

export const XLSX_UNAVAILABLE =
  "Máy chủ này (Cloudflare Workers) không tạo được tệp XLSX. Hãy dùng format=csv (Excel mở được) hoặc tải XLSX " +
  "từ máy chủ Node (npm start, npm run export).";

export interface ExportFile {
  filename: string;
  contentType: string;
  /** Responses in the export (the rows of a wide file; a long file has one row per answer of these). */
  total: number;
  /**
   * Data rows the file will have (header not counted) where a reader can follow them line by line: CSV and JSONL.
   * Null for XLSX, whose compressed bytes have no lines to count.
   */
  rows: number | null;
  body: ReadableStream<Uint8Array>;
}

export interface ExportOptions {
  /** Who asks, for the audit log: an officer, or null for the CLI. */
  actor: Pick<Principal, "officerId" | "email" | "unitId"> | null;
  via: "api" | "cli";
  pageSize?: number;
  /**
   * false: always read rows into the service and write them out, even where the database could write the CSV
   * itself (COPY); tests use it to compare the two.
   */
  serverCsv?: boolean;
  /** Called after each page with the responses written so far. */
  onProgress?: (done: number, total: number) => void;
  /** Called once when the stream has ended (error set if it failed or was cancelled). */
  onEnd?: (error?: unknown) => void;
}

export async function startExport(
  db: Db,
  scope: ExportScope,
  request: ExportRequest,
  options: ExportOptions,
): Promise<ExportFile> {
  if (request.format === "xlsx" && !xlsxWriter.available)
    throw new ApiError("invalid_request", XLSX_UNAVAILABLE, "format");
  const plan = await planExport(db, scope, request);
  const total = await countResponses(db, plan);
  await recordAudit(db, options.actor, {
    action: "survey.export",
    targetType: "survey",
    targetId: plan.surveyKey,
    unitId: plan.unit?.id ?? options.actor?.unitId ?? (await countryUnitId(db)),
    details: {
      via: options.via,
      format: request.format,
      layout: request.layout,
      filters: {
        version: request.version ?? null,
        wave: request.wave ?? null,
        unit: request.unit ?? null,
        status: request.status ?? null,
        from: request.from ?? null,
        to: request.to ?? null,
      },
      responses: total,
    },
  });

  // One more count only for a long CSV (a row per answer); otherwise a row is a response.
  const rows =
    request.format === "xlsx"
      ? null
      : request.format === "csv" && request.layout === "long"
        ? await countAnswers(db, plan)
        : total;

  const connection = openDedicatedConnection(db);
  let ended = false;
  const end = (error?: unknown) => {
    if (ended) return;
    ended = true;
    connection.close().then(
      () => options.onEnd?.(error),
      () => options.onEnd?.(error),
    );
  };
  if (request.format === "csv" && connection.copyOut && options.serverCsv !== false) {
    const body = copiedCsv(plan, connection.copyOut, total, options.onProgress, end);
    return { filename: fileName(plan), contentType: contentTypes.csv, total, rows, body };
  }
  const pages = counted(responsePages(connection.db, plan, options.pageSize ?? PAGE_SIZE), total, options.onProgress);
  const body =
    request.format === "xlsx"
      ? xlsxBody(plan, pages, end)
      : textStream(request.format === "csv" ? csvChunks(plan, pages) : jsonlChunks(plan, pages), end);
  return { filename: fileName(plan), contentType: contentTypes[request.format], total, rows, body };
}

async function countryUnitId(db: Db): Promise<number | null> {
  const [country] = await db.select({ id: units.id }).from(units).where(eq(units.kind, "country")).limit(1);
  return country?.id ?? null;
}

async function* counted(
  pages: AsyncGenerator<ExportResponse[]>,
  total: number,
  onProgress?: (done: number, total: number) => void,
): AsyncGenerator<ExportResponse[]> {
  let done = 0;
  for await (const page of pages) {
    yield page;
    done += page.length;
    onProgress?.(done, Math.max(total, done));
  }
}

function fileName(plan: ExportPlan): string {
  const { request } = plan;
  const parts = [plan.surveyKey];
  if (request.version !== undefined) parts.push(`v${request.version}`);
  if (plan.wave) parts.push(`dot${plan.wave.id}`);
  if (plan.unit) parts.push(plan.unit.code);
  if (request.format !== "jsonl") parts.push(request.layout);
  const today = new Date(Date.now() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10).replaceAll("-", "");
  parts.push(today);
  return `${parts.join("-")}.${request.format}`;
}

const CHUNK_BYTES = 64 * 1024;

/** Text chunks as a byte stream that reads the next chunk only when the reader asks for it. */
function textStream(chunks: AsyncGenerator<string>, end: (error?: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          controller.close();
          end();
        } else {
          // A page of a long layout is megabytes: hand it on in slices, as a socket would take it.
          const bytes = encoder.encode(next.value);
          for (let at = 0; at < bytes.length; at += CHUNK_BYTES)
            controller.enqueue(bytes.subarray(at, at + CHUNK_BYTES));
        }
      } catch (error) {
        controller.error(error);
        end(error);
      }
    },
    async cancel(reason) {
      await chunks.return(undefined);
      end(reason ?? new Error("export cancelled by the reader"));
    },
  });
}

/** Vietnamese wall time, "YYYY-MM-DD HH:MM:SS": the form a spreadsheet reads as a date. */
export function vietnamTime(date: Date): string {
  return new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

// A text cell starting like a formula would run as one when the file is opened (CSV injection): a citizen's free
// text must stay text. The quote is what spreadsheets themselves use to mark text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: Cell): string | number | null {
  if (cell instanceof Date) return vietnamTime(cell);
  if (typeof cell === "string" && FORMULA_START.test(cell)) return `'${cell}`;
  return cell;
}

/** The byte order mark makes Excel read the file as UTF-8, so Vietnamese opens correctly. */
const csvHeader = (columns: string[]) => `\uFEFF${stringify([columns])}`;

/**
 * A CSV that a server database writes itself (COPY, see csv-copy-query.ts): the header from here, then Postgres's
 * bytes passed on as they come, read only as fast as the reader takes them.
 */
function copiedCsv(
  plan: ExportPlan,
  copyOut: NonNullable<DedicatedConnection["copyOut"]>,
  total: number,
  onProgress: ExportOptions["onProgress"],
  end: (error?: unknown) => void,
): ReadableStream<Uint8Array> {
  const statement = csvCopyQuery(plan, plan.request.layout);
  const counter = new CsvRecordCounter();
  let rows: AsyncIterator<Uint8Array> | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(new TextEncoder().encode(csvHeader(statement.columns)));
          return;
        }
        rows ??= (await copyOut(statement.text))[Symbol.asyncIterator]();
        // Postgres sends a message per row: they are passed on in slices of about CHUNK_BYTES, since a write per
        // row costs more in the streams between here and the socket or file than the row itself.
        const parts: Uint8Array[] = [];
        let size = 0;
        let done = false;
        while (size < CHUNK_BYTES) {
          const next = await rows.next();
          if (next.done) {
            done = true;
            break;
          }
          parts.push(next.value);
          size += next.value.length;
        }
        if (size > 0) {
          const slice = parts.length === 1 ? parts[0]! : concatBytes(parts, size);
          counter.push(slice);
          onProgress?.(counter.responses, Math.max(total, counter.responses));
          controller.enqueue(slice);
        }
        if (done) {
          controller.close();
          end();
        }
      } catch (error) {
        controller.error(error);
        end(error);
      }
    },
    async cancel(reason) {
      await rows?.return?.();
      end(reason ?? new Error("export cancelled by the reader"));
    },
  });
}

function concatBytes(parts: Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

async function* csvChunks(plan: ExportPlan, pages: AsyncIterable<ExportResponse[]>): AsyncGenerator<string> {
  const shape = rowShape(plan, plan.request.layout);
  yield csvHeader(shape.columns.map((c) => c.key));
  for await (const page of pages) {
    const rows: Array<Array<string | number | null>> = [];
    for (const response of page) {
      for (const row of shape.rows(response)) {
        for (let i = 0; i < row.length; i++) row[i] = csvCell(row[i]!);
        rows.push(row as Array<string | number | null>);
      }
    }
    yield stringify(rows);
  }
}

async function* jsonlChunks(plan: ExportPlan, pages: AsyncIterable<ExportResponse[]>): AsyncGenerator<string> {
  for await (const page of pages) {
    let text = "";
    for (const response of page) text += `${JSON.stringify(jsonRecord(plan, response))}\n`;
    yield text;
  }
}

function xlsxBody(
  plan: ExportPlan,
  pages: AsyncIterable<ExportResponse[]>,
  end: (error?: unknown) => void,
): ReadableStream<Uint8Array> {
  const shape = rowShape(plan, plan.request.layout);
  async function* rows(): AsyncGenerator<Cell[][]> {
    for await (const page of pages) yield page.flatMap((response) => shape.rows(response));
  }
  return xlsxWriter.stream(
    {
      data: { name: "Dữ liệu", columns: shape.columns, pages: rows() },
      codebook: { name: "Từ điển dữ liệu", columns: codebookColumns, rows: codebookRows(plan) },
    },
    end,
  );
}

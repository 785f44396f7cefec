// npm run export -- --survey KEY --format csv|xlsx|jsonl [--layout wide|long] [--version N] [--wave ID] [--unit CODE]
//   [--status completed|…] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE|-]
// A large export without a browser: the same code as GET /api/exports/responses, on the database the server uses
// (DATABASE_URL or the embedded data folder), every unit in scope, a progress bar on stderr, audited as the CLI.
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { ApiError } from "../errors";
import { exportRequestSchema } from "../exports/export-request";
import { startExport } from "../exports/export-responses";
import { openDatabase, runCommand } from "./open-database";

const usage =
  "Cách dùng: npm run export -- --survey KHOÁ --format csv|xlsx|jsonl [--layout wide|long] [--version N] " +
  "[--wave MÃ_ĐỢT] [--unit MÃ_ĐƠN_VỊ] [--status completed] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out TỆP|-]";

const flags = ["survey", "format", "layout", "version", "wave", "unit", "status", "from", "to", "out"] as const;

await runCommand(async () => {
  const { values } = parseArgs({
    options: Object.fromEntries(flags.map((flag) => [flag, { type: "string" as const }])),
    strict: true,
  });
  const { out, ...filters } = values as Partial<Record<(typeof flags)[number], string>>;
  const parsed = exportRequestSchema.safeParse(filters);
  if (!parsed.success) {
    throw new Error([usage, ...parsed.error.issues.map((i) => `  --${String(i.path[0])}: ${i.message}`)].join("\n"));
  }
  const handle = await openDatabase();
  const bar = new cliProgress.SingleBar(
    {
      format: "Đang xuất [{bar}] {value}/{total} phiếu ({percentage}%)",
      stream: process.stderr,
      // Without a terminal (a log, CI) the bar still prints a line every second instead of nothing.
      noTTYOutput: true,
      notTTYSchedule: 1000,
    },
    cliProgress.Presets.shades_classic,
  );
  try {
    const exported = await startExport(handle.db, "all", parsed.data, {
      actor: null,
      via: "cli",
      onProgress: (done, total) => {
        bar.setTotal(total);
        bar.update(done);
      },
    }).catch((error: unknown) => {
      if (error instanceof ApiError && error.field) throw new Error(`--${error.field}: ${error.message}`);
      throw error;
    });
    bar.start(exported.total, 0);
    const target = out ?? exported.filename;
    const source = Readable.fromWeb(exported.body as NodeReadableStream<Uint8Array>);
    // stdout is not ours to end: another program may still be writing after us.
    if (target === "-") await pipeline(source, process.stdout, { end: false });
    else await pipeline(source, createWriteStream(target));
    bar.update(exported.total);
    bar.stop();
    console.error(`Đã xuất ${exported.total} phiếu ${target === "-" ? "ra stdout" : `vào ${target}`}`);
  } finally {
    bar.stop();
    await handle.close();
  }
});

// Request size limits, per route: a body larger than its route needs is refused before anything reads it (413 with
// the usual JSON error), so a 10 MB post cannot tie up a worker parsing JSON nobody asked for.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorBody } from "./errors";

const KB = 1024;
const MB = 1024 * KB;

export const bodyLimits = {
  /** A web chat message: 4,096 characters, even if every one is JSON-escaped (\uXXXX), plus the envelope. */
  webMessage: 32 * KB,
  /** Telegram updates are small (a message or a button press). */
  telegramWebhook: 256 * KB,
  /** Officer API JSON: the default for every route without its own limit. */
  api: 1 * MB,
  /** A whole statute uploaded for import (for an import route; the CLI reads files directly). */
  lawImport: 20 * MB,
} as const;

const BODILESS = new Set(["GET", "HEAD", "OPTIONS"]);

export function limitBody(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json(
        errorBody("payload_too_large", `Nội dung yêu cầu quá lớn: tối đa ${formatBytes(maxBytes)} cho đường dẫn này`),
        413,
      ),
  });
  // Looking at a GET's body makes the Node adapter build a full Request for nothing: it cut the floor route's
  // throughput by a third. Requests without a body have nothing to limit.
  return (c, next) => (BODILESS.has(c.req.method) ? next() : limit(c, next));
}

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}

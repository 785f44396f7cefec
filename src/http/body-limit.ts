// Request size limits, per route: a body larger than its route needs is refused before anything reads it (413 with
// the usual JSON error), so a 10 MB post cannot tie up a worker parsing JSON nobody asked for.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorBody } from "./errors";

const KB = 1024;
const MB = 1024 * KB;

export const bodyLimits = {
  /** A web chat message: 4,096 characters, even if every one is JSON-escaped (\uXXXX), plus the envelope. */
  webMessage: 32 * KB,
  /** Telegram updates are small (a message or a button press). */
  telegramWebhook: 256 * KB,
  /** Zalo OA events are small too (a text of at most 2,000 characters, or a follow). */
  zaloWebhook: 256 * KB,
  /** Officer API JSON: the default for every route without its own limit. */
  api: 1 * MB,
  /** A whole statute uploaded for import (for an import route; the CLI reads files directly). */
  lawImport: 20 * MB,
} as const;

const BODILESS = new Set(["GET", "HEAD", "OPTIONS"]);

export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (c: Context) =>
    c.json(
      errorBody("payload_too_large", `Nội dung yêu cầu quá lớn: tối đa ${formatBytes(maxBytes)} cho đường dẫn này`),
      413,
    );
  const limit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  // Looking at a request's body stream makes the Node adapter build a full web Request (with an AbortController and
  // a stream) instead of reading the body directly: about a seventh of a chat message's CPU, and a third of the
  // floor route's. Requests without a body have nothing to limit, and a declared Content-Length is checked here;
  // only a body of unknown length (chunked) goes through Hono's limiter, which counts the stream as it is read.
  return async (c, next) => {
    if (BODILESS.has(c.req.method)) return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined && /^\d+$/.test(declared)) {
      return Number(declared) > maxBytes ? tooLarge(c) : next();
    }
    return limit(c, next);
  };
}

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}

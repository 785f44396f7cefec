// Request size limits per route: a 10 MB body is refused with 413 and the JSON error shape before anything parses
// it, on the web chat, the Telegram webhook and the officer API; a largest legitimate web message still passes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { bodyLimits } from "../../src/http/body-limit";
import { createTestApp } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

const SECRET = "webhook-secret-for-tests-0123456789";
const TOKEN = "123456789:TEST-token-for-the-local-bot-api";

describe(`request size limits (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
    app = createTestApp(handle.db, undefined, {}, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET });
  });
  afterAll(async () => handle?.close());

  const tenMegabytes = JSON.stringify({ update_id: 1, user: "u", text: "x".repeat(10 * 1024 * 1024) });

  it.each([
    ["/web/messages", {}],
    ["/telegram/webhook", { "x-telegram-bot-api-secret-token": SECRET }],
    ["/api/officers", {}],
    ["/api/auth/login", {}],
  ])("refuses a 10 MB body on %s with 413 payload_too_large", async (path, headers) => {
    for (const withLength of [true, false]) {
      const response = await app.request(path, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(withLength ? { "content-length": String(Buffer.byteLength(tenMegabytes)) } : {}),
          ...headers,
        },
        body: tenMegabytes,
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("payload_too_large");
      expect(body.error.message).toContain("quá lớn");
    }
  });

  it("lets the largest web message through, even fully JSON-escaped", async () => {
    const body = JSON.stringify({ user: "size-limit-user", text: "ế".repeat(4096) }).replace(/ế/g, "\\u1ebf");
    expect(Buffer.byteLength(body)).toBeLessThan(bodyLimits.webMessage);
    const response = await app.request("/web/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).not.toBe(413);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/db";
import { createLogger } from "../src/log";
import { createTestApp } from "./support/test-app";
import { createTestDb, testDriver } from "./support/test-db";

describe(`app (${testDriver})`, () => {
  let handle: DbHandle;
  const logged: string[] = [];

  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
  });
  afterAll(async () => handle?.close().catch(() => undefined));

  it("reports health with the database", async () => {
    const response = await createTestApp(handle.db).request("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("shows each live connection's state in /health, without building channels that are made on demand", async () => {
    let built = 0;
    const channels = {
      zalo: {
        deliver: async () => ({ delivered: 0, deferred: 0, failed: 0, lost: 0, waiting: 0 }),
        health: () => "replaced",
      },
    };
    // A channel the Worker would build lazily: asking for health must not build it.
    Object.defineProperty(channels, "telegram", {
      enumerable: true,
      get: () => (built++, { deliver: async () => ({}) }),
    });
    const response = await createTestApp(handle.db, undefined, { channels: channels as never }).request("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok", zalo: "replaced" });
    expect(built).toBe(0);
  });

  it("serves the static version route without the database", async () => {
    const response = await createTestApp(handle.db).request("/api/version");
    expect(await response.json()).toEqual({ name: "loa", version: expect.any(String) });
  });

  it("answers unknown paths with a JSON 404", async () => {
    const response = await createTestApp(handle.db).request("/nowhere");
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("turns an unexpected error into a logged JSON 500 without details", async () => {
    const app = createTestApp(
      handle.db,
      createLogger("debug", (line) => logged.push(line)),
    );
    app.get("/explode", () => {
      throw new Error("secret internals");
    });
    const response = await app.request("/explode");
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain("secret internals");
    // Logged by kind and place, never by message: messages may quote a person's data.
    const line = logged.find((l) => l.includes("request.failed"));
    expect(line).toContain('"name":"Error"');
    expect(line).toContain("app.test.ts");
    expect(line).not.toContain("secret internals");
  });

  it("reports 503 when the database is unreachable", async () => {
    const app = createTestApp(handle.db);
    await handle.close();
    const response = await app.request("/health");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", db: "error" });
  });
});

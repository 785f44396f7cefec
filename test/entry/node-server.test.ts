// The Node server as `npm start` runs it: starts on the embedded database (or DATABASE_URL), seeds an empty one,
// keeps data across restarts, stops cleanly, and refuses a bad environment naming the variable.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { FakeZaloOa, signedZaloEvent, userText } from "../support/fake-zalo-oa";
import { runServerToExit, startServer } from "../support/node-server";
import { createTestDb, testDriver } from "../support/test-db";

describe(`node server (${testDriver})`, () => {
  let dataDir: string;
  let database: (DbHandle & { url?: string }) | undefined;
  let env: Record<string, string>;
  let nodeUser = "";

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "loa-node-"));
    if (testDriver === "postgres") {
      database = await createTestDb({ seed: "none" });
      env = { DATABASE_URL: database.url! };
    } else {
      env = { PGLITE_DATA_DIR: join(dataDir, "pglite") };
    }
  });
  afterAll(async () => {
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  // Up to 60 s: when the seeded template is out of date (a new migration), this start builds it first.
  it("starts on an empty database, seeds it, and serves /health and /chat", async () => {
    const server = await startServer(env, 60_000);
    try {
      expect(server.output()).toContain('"event":"seed.start"');
      // The embedded database starts as a copy of the seeded template (db/seed/seed-template.ts).
      if (testDriver === "pglite") expect(server.output()).toContain('"from":"template"');
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: "ok", db: "ok" });
      const chat = await fetch(`${server.url}/chat`);
      expect(chat.status).toBe(200);
      expect(await chat.text()).toContain("Loa – Trợ lý pháp luật");
      const { user } = (await (await fetch(`${server.url}/web/identity`, { method: "POST" })).json()) as {
        user: string;
      };
      nodeUser = user;
      const reply = await fetch(`${server.url}/web/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user, text: "ly hon" }),
      });
      // A legal question in the web chat gets cited articles.
      expect(((await reply.json()) as { replies: Array<{ text: string }> }).replies[0]!.text).toMatch(
        /^Các quy định liên quan đến câu hỏi của bạn:\n\n1\. Điều \d+/,
      );

      // The embedded demo prints an admin to try the officer API with; a real server never gets one.
      if (testDriver === "pglite") {
        expect(server.output()).toContain("Tài khoản quản trị dùng thử");
        const token = /Token: +(loa_[\w-]+)/.exec(server.output())![1]!;
        expect(server.output()).toContain(`${server.url}/api/me`);
        const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
        expect(((await me.json()) as { role: string }).role).toBe("admin");
      } else {
        expect(server.output()).not.toContain("Tài khoản quản trị dùng thử");
      }
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 90_000);

  it("keeps its data across a restart and does not seed again", async () => {
    const server = await startServer(env, 30_000);
    try {
      expect(server.output()).not.toContain('"event":"seed.start"');
      expect(server.output()).not.toContain("Tài khoản quản trị dùng thử");
      // The id issued before the restart is still accepted: the signing key is kept in the database.
      const poll = await fetch(`${server.url}/web/messages?user=${encodeURIComponent(nodeUser)}`);
      expect(poll.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);

  it("runs as `npm start` does, from the bundle of the sources, and answers a chat message", async () => {
    // src/entry/start.mjs: builds the bundle when the sources changed (so the first run here may take a few
    // seconds), then starts the same server from it.
    const server = await startServer(env, 60_000, [process.execPath, "src/entry/start.mjs"]);
    try {
      expect(server.output()).not.toContain('"event":"seed.start"');
      const identity = await fetch(`${server.url}/web/identity`, { method: "POST" });
      const { user } = (await identity.json()) as { user: string };
      const response = await fetch(`${server.url}/web/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user, text: "menu" }),
      });
      expect(response.status).toBe(200);
      const { replies } = (await response.json()) as { replies: Array<{ options: Array<{ value: string }> }> };
      expect(replies.at(-1)!.options.map((o) => o.value)).toContain("topics");
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 90_000);

  it("serves a Zalo OA: a signed webhook is answered through the OA API", async () => {
    const zalo = await new FakeZaloOa().start();
    const server = await startServer({ ...env, ...zalo.env() }, 30_000);
    try {
      const { rawBody, signature } = signedZaloEvent(userText("8001", "menu"));
      const response = await fetch(`${server.url}/zalo/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": signature },
        body: rawBody,
      });
      expect(response.status).toBe(200);
      await expect.poll(() => zalo.textsTo("8001").length, { timeout: 10_000 }).toBe(2);
      expect(zalo.textsTo("8001")[0]).toContain("Xin chào! Tôi là Loa");
    } finally {
      expect(await server.stop()).toBe(0);
      await zalo.stop();
    }
  }, 60_000);

  it("refuses to start with an invalid variable, naming it", async () => {
    const { code, output } = await runServerToExit({ ...env, PORT: "tám nghìn" });
    expect(code).toBe(1);
    expect(output).toContain("Biến môi trường PORT không hợp lệ");
  }, 30_000);
});

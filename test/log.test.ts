// Logs never carry personal data: a failed query is logged by statement and SQLSTATE, never with its parameters or
// the driver's message (which quotes the row); a Telegram failure by its code, never with the reply text.
import { sql } from "drizzle-orm";
import { TelegramError } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/db";
import { contacts } from "../db/schema/index";
import { createLogger, describeError } from "../src/log";
import { createTestApp, signedWebUser } from "./support/test-app";
import { createTestDb, testDriver } from "./support/test-db";

const MARKER = "marker-0987-personal";

describe(`describeError (${testDriver})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
  });
  afterAll(async () => handle?.close());

  it("keeps the statement and SQLSTATE of a failed drizzle query, not its parameters", async () => {
    await handle.db.insert(contacts).values({ channel: "web", platformId: MARKER });
    // The second insert breaks the unique key; Postgres's detail quotes the key's value.
    const error = await handle.db
      .insert(contacts)
      .values({ channel: "web", platformId: MARKER })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(String((error as Error).message)).toContain(MARKER); // what used to reach the log
    const described = describeError(error);
    expect(JSON.stringify(described)).not.toContain(MARKER);
    expect(described).toMatchObject({ code: "23505", statement: "insert contacts" });
  });

  it("keeps a Telegram error's code and status, not the payload it was sending", () => {
    const error = new TelegramError(
      { error_code: 403, description: "Forbidden: bot was blocked by the user" },
      { method: "sendMessage", payload: { chat_id: 4242, text: MARKER } },
    );
    const described = describeError(error);
    expect(JSON.stringify(described)).not.toContain(MARKER);
    expect(JSON.stringify(described)).not.toContain("4242");
    expect(described).toMatchObject({ name: "TelegramError", code: 403, status: 403 });
  });

  it("drops the message of an ordinary error, which may quote anything", () => {
    const described = describeError(new Error(`không tìm thấy ${MARKER}`));
    expect(described).toMatchObject({
      name: "Error",
      message: "Error",
      origin: expect.stringContaining("log.test.ts"),
    });
    expect(JSON.stringify(described)).not.toContain(MARKER);
    expect(describeError("chuỗi")).toEqual({ name: "string", message: "string" });
  });

  it("keeps a Node system error's message, which names only the syscall and address", () => {
    const error = Object.assign(new Error("listen EADDRINUSE: address already in use 127.0.0.1:8787"), {
      code: "EADDRINUSE",
      syscall: "listen",
    });
    expect(describeError(error)).toMatchObject({ code: "EADDRINUSE", message: error.message });
  });
});

describe(`a failing query through a route (${testDriver})`, () => {
  let handle: DbHandle;
  const lines: string[] = [];
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    handle = await createTestDb();
    // The database refuses exactly this person: their insert fails inside the real web chat route.
    await handle.db.execute(
      sql.raw(`alter table contacts add constraint no_marker check (platform_id <> '${MARKER}')`),
    );
    app = createTestApp(
      handle.db,
      createLogger("debug", (line) => lines.push(line)),
    );
  });
  afterAll(async () => handle?.close());

  it("logs the code and statement, never the parameter", async () => {
    const response = await app.request("/web/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: await signedWebUser(app, MARKER), text: `ly hôn ${MARKER}` }),
    });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(MARKER);
    const failure = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.event === "request.failed");
    expect(failure).toMatchObject({ code: "23514", statement: expect.stringMatching(/contacts/) });
    expect(lines.join("\n")).not.toContain(MARKER);
  });
});

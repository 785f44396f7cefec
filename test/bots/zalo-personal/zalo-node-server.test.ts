// The Node server with ZALO_CREDENTIALS_KEY set: a session another login replaced stays off at the next start, the
// log says how to log in again, and the server serves without the channel. (An active session would make zca-js
// reach Zalo's servers, which tests never do: the gateway itself is tested against a fake.)
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCredentialsKey, sealCredentials } from "../../../bots/zalo-personal/credentials-box";
import { markZaloSession, saveZaloSession } from "../../../bots/zalo-personal/session-store";
import { createPgliteDb } from "../../../db/client-pglite";
import type { Db, DbHandle } from "../../../db/db";
import { migrateEmbedded } from "../../../db/migrate";
import { seedDatabase } from "../../../db/seed/seed-database";
import { FAKE_CREDENTIALS } from "../../support/fake-zca";
import { startServer, type RunningServer } from "../../support/node-server";
import { createTestDb, QUICK_LAWS, testDriver } from "../../support/test-db";

const KEY = "d4".repeat(32);

async function saveReplacedSession(db: Db) {
  await saveZaloSession(db, {
    credentials: await sealCredentials(FAKE_CREDENTIALS, parseCredentialsKey(KEY)),
    ownId: "8000000000000000001",
    displayName: "Loa",
  });
  await markZaloSession(db, "default", "replaced");
}

describe(`Zalo personal gateway on the Node server (${testDriver})`, () => {
  let dir: string;
  let database: (DbHandle & { url?: string }) | undefined;
  let server: RunningServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "loa-zalo-"));
    if (testDriver === "postgres") {
      database = await createTestDb({ seed: "quick" });
      await saveReplacedSession(database.db);
    } else {
      const embedded = await createPgliteDb({ dataDir: join(dir, "pglite") });
      await migrateEmbedded(embedded);
      await seedDatabase(embedded.db, { laws: QUICK_LAWS });
      await saveReplacedSession(embedded.db);
      await embedded.close();
    }
    server = await startServer({
      ...(database ? { DATABASE_URL: database.url! } : { PGLITE_DATA_DIR: join(dir, "pglite") }),
      SEED_ON_START: "false",
      ZALO_CREDENTIALS_KEY: KEY,
    });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("leaves a replaced session off, says to log in again, and serves on", async () => {
    const off = server
      .output()
      .split("\n")
      .filter((line) => line.includes('"zalo.personal_off"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(off).toMatchObject([{ level: "warn", reason: "replaced" }]);
    expect(String(off[0]!.hint)).toContain("npm run zalo:login");
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({ status: "ok", db: "ok" });
    expect(await server.stop()).toBe(0);
  }, 30_000);
});

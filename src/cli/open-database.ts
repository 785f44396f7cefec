// Opens the database the commands work on, the same way the server does: DATABASE_URL, else the embedded data
// folder. Migrations are applied first so every command sees the current schema.
import { createPgliteDb } from "../../db/client-pglite";
import { createPostgresDb } from "../../db/client-postgres";
import type { DbHandle } from "../../db/db";
import { migrateEmbedded, migrateServer } from "../../db/migrate";
import { ConfigError, parseConfig } from "../config";

export async function openDatabase(): Promise<DbHandle> {
  const config = parseConfig(process.env);
  if (config.DATABASE_URL) {
    await migrateServer(config.DATABASE_URL);
    return createPostgresDb(config.DATABASE_URL, { max: 2 });
  }
  const handle = await createPgliteDb({ dataDir: config.PGLITE_DATA_DIR });
  await migrateEmbedded(handle);
  return handle;
}

/** Runs a command, printing a Vietnamese message instead of a stack trace for errors a person can fix. */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const issue of error.issues)
        console.error(`Biến môi trường ${issue.variable} không hợp lệ: ${issue.message}`);
    } else {
      console.error(error instanceof Error ? error.message : String(error));
    }
    process.exitCode = 1;
  }
}

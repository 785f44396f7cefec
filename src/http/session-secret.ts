// The service's signing key (officers' cookies, web chat ids), read from the database once rather than on every
// request: a web chat message must not cost a round trip for it.
import type { Db } from "../../db/db";
import { sessionSecret } from "../officers/authenticate";

// Keyed by the parsed configuration: one per process on Node and per isolate on Workers (whose database clients
// are made per request, so a database handle would not do), and each test app has its own.
const cachedSecrets = new WeakMap<object, Promise<string>>();

/** sessionSecret read from the database once, not on every request that signs or verifies something. */
export function cachedSessionSecret(db: Db, config: { SESSION_SECRET?: string | undefined }): Promise<string> {
  if (config.SESSION_SECRET) return Promise.resolve(config.SESSION_SECRET);
  let secret = cachedSecrets.get(config);
  if (!secret) {
    secret = sessionSecret(db, undefined);
    cachedSecrets.set(config, secret);
    // A failed read (database down) must not stick: the next request tries again.
    secret.catch(() => cachedSecrets.delete(config));
  }
  return secret;
}

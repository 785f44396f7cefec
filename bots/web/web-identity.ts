// Who a web chat caller is. A bare id would be a bearer secret anyone could guess or copy (a portal's
// "portal-user-12345"), so callers send `<id>.<signature>`: ids this server issued are signed with the service's
// session secret, ids a portal passes in are signed by the portal with WEB_PORTAL_SECRET. Only the bare id is stored.
import type { Db } from "../../db/db";
import type { AppConfig } from "../../src/config";
import { constantTimeEqual, hmacSha256, randomToken } from "../../src/crypto";
import { cachedSessionSecret } from "../../src/http/session-secret";

// Keeps our signatures apart from the session cookie's, which HMACs a bare value under the same key.
const OWN_PREFIX = "loa.web-user:";
const SIGNED = /^([A-Za-z0-9_.:-]{1,128})\.([A-Za-z0-9_-]{43})$/;

type Signer = { db: Db; config: Pick<AppConfig, "SESSION_SECRET" | "WEB_PORTAL_SECRET"> };

export const webIdentity = {
  /** A new id for a browser, signed: what `POST /web/identity` hands out. */
  async issue(services: Signer): Promise<string> {
    return webIdentity.sign(services, `web-${randomToken(16)}`);
  },

  /** `id` signed by this server (tests and benchmarks use it to act as a given person). */
  async sign(services: Signer, id: string): Promise<string> {
    const secret = await cachedSessionSecret(services.db, services.config);
    return `${id}.${await hmacSha256(secret, OWN_PREFIX + id)}`;
  },

  /** The bare id when the signature is this server's or the portal's; null otherwise. */
  async verify(services: Signer, signed: string): Promise<string | null> {
    // A person sends many messages with the same signed id: remember the ids already checked (per configuration,
    // so a changed secret is never answered from the cache) instead of computing two HMACs per message.
    let known = verifiedIds.get(services.config);
    if (!known) verifiedIds.set(services.config, (known = new Map()));
    const cached = known.get(signed);
    if (cached !== undefined) return cached;
    const id = await checkSignature(services, signed);
    if (id !== null) {
      if (known.size >= MAX_VERIFIED_IDS) known.clear();
      known.set(signed, id);
    }
    return id;
  },
};

const verifiedIds = new WeakMap<object, Map<string, string>>();
const MAX_VERIFIED_IDS = 10_000;

async function checkSignature(services: Signer, signed: string): Promise<string | null> {
  const match = SIGNED.exec(signed);
  if (!match) return null;
  const [, id, signature] = match as unknown as [string, string, string];
  const secret = await cachedSessionSecret(services.db, services.config);
  if (constantTimeEqual(await hmacSha256(secret, OWN_PREFIX + id), signature)) return id;
  const portal = services.config.WEB_PORTAL_SECRET;
  if (portal && constantTimeEqual(await hmacSha256(portal, id), signature)) return id;
  return null;
}

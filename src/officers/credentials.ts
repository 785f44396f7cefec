// Passwords and tokens with WebCrypto only, so the same code runs on Node and Workers.
// PBKDF2-SHA256 at 100,000 iterations: the most Workers' WebCrypto allows, and OWASP's floor for SHA-256 is above
// it only for new designs without that limit; the iteration count is stored with each hash so it can be raised.
import { constantTimeEqual, fromBase64Url, randomBytes, randomToken, sha256Hex, toBase64Url } from "../crypto";

const ITERATIONS = 100_000;
const encoder = new TextEncoder();

async function pbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password.normalize("NFC")), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await pbkdf2(password, salt, ITERATIONS);
  return `pbkdf2-sha256$${ITERATIONS}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split("$");
  if (scheme !== "pbkdf2-sha256" || !iterations || !salt || !hash) return false;
  const candidate = await pbkdf2(password, fromBase64Url(salt), Number(iterations));
  return constantTimeEqual(toBase64Url(candidate), hash);
}

/** A password to hand over once: 4 groups of 4 from an alphabet without look-alikes (no 0/O, 1/l/I). */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

export const API_TOKEN_PREFIX = "loa_";

/** A new API token: the secret shown once, and what is stored (its hash and a recognisable prefix). */
export async function generateApiToken(): Promise<{ token: string; hash: string; prefix: string }> {
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  return { token, hash: await sha256Hex(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}

// The personal account's session (cookies, imei, user agent) is a password in all but name: whoever holds it writes
// as the account. It is stored only encrypted, AES-256-GCM through WebCrypto under ZALO_CREDENTIALS_KEY, with a fresh
// 12-byte IV per save and the account name as associated data (a row copied to another account does not open).
// A wrong key fails the GCM tag check and gives a clear Vietnamese error, never garbage credentials.
import { z } from "zod";
import { fromBase64Url, toBase64Url } from "../../src/crypto";

const IV_BYTES = 12;

/** What zca-js needs to log in again without a QR code (its `Credentials`, checked as data). */
export const zaloCredentialsSchema = z.object({
  imei: z.string().min(1).max(500),
  userAgent: z.string().min(1).max(1000),
  language: z.string().max(10).optional(),
  // tough-cookie's serialized cookies (from a QR login) or a browser export: kept as they are, only checked to be
  // cookies with a value.
  cookie: z.union([
    z.array(z.looseObject({ value: z.string() })).min(1),
    z.looseObject({ url: z.string(), cookies: z.array(z.looseObject({ value: z.string() })).min(1) }),
  ]),
});
export type ZaloCredentials = z.infer<typeof zaloCredentialsSchema>;

/** A problem with the saved session or its key, said in Vietnamese for the person running the server. */
export class ZaloCredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZaloCredentialsError";
  }
}

const WRONG_KEY =
  "Không giải mã được phiên Zalo đã lưu: ZALO_CREDENTIALS_KEY không phải khóa đã dùng khi đăng nhập (hoặc dữ liệu " +
  "đã bị sửa). Hãy đặt lại đúng khóa, hoặc chạy npm run zalo:login để đăng nhập lại.";

/** ZALO_CREDENTIALS_KEY as 32 bytes: 64 hex characters, or base64 / base64url (the config schema checked the form). */
export function parseCredentialsKey(value: string | undefined): Uint8Array {
  const text = value?.trim() ?? "";
  if (text.length === 0) {
    throw new ZaloCredentialsError(
      "Chưa đặt ZALO_CREDENTIALS_KEY (32 byte, tạo bằng: openssl rand -hex 32): cần nó để mã hóa phiên Zalo.",
    );
  }
  let bytes: Uint8Array | null = null;
  if (/^[0-9a-f]{64}$/i.test(text)) {
    bytes = Uint8Array.from(text.match(/../g)!, (pair) => Number.parseInt(pair, 16));
  } else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    bytes = fromBase64Url(text.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_"));
  }
  if (!bytes || bytes.length !== 32) {
    throw new ZaloCredentialsError("ZALO_CREDENTIALS_KEY phải là 32 byte: 64 ký tự hex hoặc base64.");
  }
  return bytes;
}

async function importKey(key: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", key as BufferSource, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
}

const associatedData = (account: string) => new TextEncoder().encode(`loa:zalo_personal_sessions:${account}`);

/** base64url(iv) + "." + base64url(ciphertext with its tag). */
export async function sealCredentials(
  credentials: ZaloCredentials,
  key: Uint8Array,
  account = "default",
): Promise<string> {
  const checked = zaloCredentialsSchema.parse(credentials);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plaintext = new TextEncoder().encode(JSON.stringify(checked));
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: associatedData(account) },
    await importKey(key),
    plaintext,
  );
  return `${toBase64Url(iv)}.${toBase64Url(new Uint8Array(ciphertext))}`;
}

export async function openCredentials(sealed: string, key: Uint8Array, account = "default"): Promise<ZaloCredentials> {
  const match = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/.exec(sealed);
  if (!match)
    throw new ZaloCredentialsError("Phiên Zalo đã lưu bị hỏng. Hãy chạy npm run zalo:login để đăng nhập lại.");
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64Url(match[1]!) as BufferSource, additionalData: associatedData(account) },
      await importKey(key),
      fromBase64Url(match[2]!) as BufferSource,
    );
  } catch {
    throw new ZaloCredentialsError(WRONG_KEY);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(plaintext));
  } catch {
    json = undefined;
  }
  const parsed = zaloCredentialsSchema.safeParse(json);
  if (!parsed.success) {
    throw new ZaloCredentialsError(
      "Phiên Zalo đã lưu không đúng định dạng. Hãy chạy npm run zalo:login để đăng nhập lại.",
    );
  }
  return parsed.data;
}

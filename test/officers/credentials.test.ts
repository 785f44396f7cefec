import { describe, expect, it } from "vitest";
import { constantTimeEqual, sha256Hex } from "../../src/crypto";
import { generateApiToken, generatePassword, hashPassword, verifyPassword } from "../../src/officers/credentials";

describe("credentials", () => {
  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword("Mật khẩu đúng");
    expect(hash).toMatch(/^pbkdf2-sha256\$100000\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("Mật khẩu đúng", hash)).toBe(true);
    expect(await verifyPassword("Mật khẩu đúng".normalize("NFD"), hash)).toBe(true);
    expect(await verifyPassword("mật khẩu đúng", hash)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("makes readable one-time passwords and distinct tokens whose hash is stored", async () => {
    expect(generatePassword()).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    const a = await generateApiToken();
    const b = await generateApiToken();
    expect(a.token).toMatch(/^loa_[\w-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(await sha256Hex(a.token));
    expect(a.token.startsWith(a.prefix)).toBe(true);
  });

  it("compares strings fully", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
  });
});

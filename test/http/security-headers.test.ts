import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/test-app";

// Routes that never reach the database: the headers are the app's, whatever answered.
const app = createTestApp(null as never, undefined, {}, { WEB_FRAME_ANCESTORS: "https://portal.example.gov.vn" });

describe("security headers", () => {
  const cases: Array<[string, RequestInit | undefined, number]> = [
    ["/api/version", undefined, 200],
    ["/no-such-route", undefined, 404],
    ["/chat.js", undefined, 200],
    [
      "/web/messages",
      { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(40_000) },
      413,
    ],
  ];

  it.each(cases)("are sent with %s", async (path, init, status) => {
    const response = await app.request(path, init);
    expect(response.status).toBe(status);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("let the chat page be framed only by the configured portals", async () => {
    const response = await app.request("/chat");
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("frame-ancestors https://portal.example.gov.vn");
    expect(policy).not.toContain("'unsafe-inline'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

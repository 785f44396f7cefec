// The account page through app.request(): an officer sees their own tokens only, token names are escaped, and the
// page's script is served from the console's own origin (the CSP allows no inline script).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { createApiToken } from "../../src/officers/officer-service";
import { authenticateToken } from "../../src/officers/authenticate";
import { createTestApp, sessionCookie } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

describe(`console account page (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let cookie: string;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    app = createTestApp(handle.db);
    const me = await bootstrapOfficer(handle.db, {
      name: "Tôi",
      email: "toi@loa.test",
      role: "viewer",
      unitCode: "01",
    });
    const other = await bootstrapOfficer(handle.db, {
      name: "Người khác",
      email: "nguoi-khac@loa.test",
      role: "admin",
      unitCode: "VN",
    });
    const mine = (await authenticateToken(handle.db, me.token))!;
    await createApiToken(handle.db, mine, { name: `<img src=x onerror=alert(1)>` });
    await createApiToken(handle.db, (await authenticateToken(handle.db, other.token))!, {
      name: "Token của người khác",
    });
    cookie = await sessionCookie(app, me);
  });
  afterAll(async () => handle?.close());

  it("shows the officer's own account and tokens only, escaped", async () => {
    const response = await app.request("/console/account", { headers: { cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("toi@loa.test");
    expect(html).toContain("Thành phố Hà Nội");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("Token của người khác");
    expect(html).toContain('data-api="/api/me/password"');
    expect(html).toContain('<script src="/console/assets/account.js"');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it("serves the page script as JavaScript", async () => {
    const response = await app.request("/console/assets/account.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/javascript");
    expect(await response.text()).toContain("console:done");
  });
});

// The console's doors, through app.request(): no session → the login page (and back afterwards, never to another
// site); wrong passwords answered on the page and throttled; forms from another site refused; logout needs the
// session's CSRF token and ends the session for the API too; unknown console paths answer an HTML page, not JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { createTestApp } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

describe(`console routes (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let password: string;
  const email = "console-doors@loa.test";

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    app = createTestApp(handle.db);
    ({ password } = await bootstrapOfficer(handle.db, {
      name: "Cán bộ <Cửa>",
      email,
      role: "officer",
      unitCode: "01",
    }));
  });
  afterAll(() => handle?.close());

  const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });

  async function logIn(next = "/console"): Promise<{ cookie: string; location: string | null }> {
    const response = await app.request("/console/login", form({ email, password, next }));
    expect(response.status).toBe(303);
    return { cookie: response.headers.get("set-cookie")!.split(";")[0]!, location: response.headers.get("location") };
  }

  it("sends a visitor without a session to the login page, and brings them back after login", async () => {
    const response = await app.request("/console/questions?status=open");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/console/login?next=%2Fconsole%2Fquestions%3Fstatus%3Dopen");
    expect((await logIn("/console/questions?status=open")).location).toBe("/console/questions?status=open");
  });

  it("never redirects to another site after login", async () => {
    for (const next of ["//evil.example/console", "https://evil.example/", "/api/me", "/consolex"])
      expect((await logIn(next)).location).toBe("/console");
  });

  it("answers a wrong password on the page, escaped, and throttles repeated failures", async () => {
    const wrong = await app.request("/console/login", form({ email: `"><b>${email}`, password: "sai" }));
    expect(wrong.status).toBe(401);
    const page = await wrong.text();
    expect(page).toContain("Email hoặc mật khẩu không đúng.");
    expect(page).not.toContain('"><b>');
    // Another officer's email: the throttle counts per address and email, and the other tests log in as `email`.
    const other = "console-throttled@loa.test";
    await bootstrapOfficer(handle.db, { name: "Cán bộ khác", email: other, role: "viewer", unitCode: "01" });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await app.request("/console/login", form({ email: other, password: "sai" }))).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });

  it("refuses a login or logout form posted from another site", async () => {
    const crossSite = await app.request(
      "/console/login",
      form({ email, password }, { "sec-fetch-site": "cross-site", origin: "https://evil.example" }),
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("set-cookie")).toBeNull();
    const otherOrigin = await app.request(
      "/console/login",
      form({ email, password }, { origin: "https://evil.example" }),
    );
    expect(otherOrigin.status).toBe(403);
  });

  it("logs out only with the session's CSRF token, and the session is gone for the API too", async () => {
    const { cookie } = await logIn();
    const page = await (await app.request("/console", { headers: { cookie } })).text();
    const csrf = /name="csrf-token" content="([^"]+)"/.exec(page)![1]!;
    expect((await app.request("/console/logout", form({ csrf: "wrong" }, { cookie }))).status).toBe(403);
    expect((await app.request("/api/me", { headers: { cookie } })).status).toBe(200);
    const out = await app.request("/console/logout", form({ csrf }, { cookie }));
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/console/login");
    expect((await app.request("/api/me", { headers: { cookie } })).status).toBe(401);
    expect((await app.request("/console", { headers: { cookie } })).status).toBe(303);
  });

  it("answers unknown console paths with an HTML page in the frame, and pages are never cached", async () => {
    const { cookie } = await logIn();
    const missing = await app.request("/console/khong-co", { headers: { cookie } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("text/html");
    const html = await missing.text();
    expect(html).toContain("Không tìm thấy");
    expect(html).toContain("Cán bộ &lt;Cửa&gt;");
    expect(html).toContain("Thành phố Hà Nội"); // the officer's unit, in the header of refusals too
    const home = await app.request("/console", { headers: { cookie } });
    expect(home.headers.get("cache-control")).toBe("no-store");
    expect(home.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("serves the console's script and style without a session", async () => {
    const script = await app.request("/console/assets/console.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("text/javascript");
    new Function(await script.text()); // parses as JavaScript
    const style = await app.request("/console/assets/console.css");
    expect(style.headers.get("content-type")).toContain("text/css");
  });
});

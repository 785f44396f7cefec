// The API reference page through app.request(): every operation of /api/openapi.json is on it (it is built from
// that document, so a new route appears without anyone editing the page), with the roles the document states.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { createTestApp, sessionCookie } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

describe(`console API reference (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let cookie: string;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    app = createTestApp(handle.db);
    const viewer = await bootstrapOfficer(handle.db, {
      name: "Tích hợp",
      email: "tich-hop@loa.test",
      role: "viewer",
      unitCode: "VN",
    });
    cookie = await sessionCookie(app, viewer);
  });
  afterAll(async () => handle?.close());

  it("lists every operation of the OpenAPI document in the contents and as a section", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const response = await app.request("/console/api", { headers: { cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method, path })),
    );
    expect(operations.length).toBeGreaterThan(50);
    for (const { method, path } of operations) {
      const anchor = `op-${method}-${path.replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
      expect(html, `${method} ${path}`).toContain(`href="#${anchor}"`);
      expect(html, `${method} ${path}`).toContain(`id="${anchor}"`);
    }
    expect(html).toContain('href="/api/openapi.json"');
    expect(html).toContain("Authorization: Bearer");
    expect(html).toContain('id="schema-Officer"');
    // Nested request fields are listed by their dotted path.
    expect(html).toContain("<code>audience.unitCodes</code>");
    expect(html).toContain("<code>messages[].text</code>");
  });

  it("states the role an operation needs where the document says it", async () => {
    const html = await (await app.request("/console/api", { headers: { cookie } })).text();
    const card = (anchor: string) =>
      html.slice(html.indexOf(`id="${anchor}"`), html.indexOf("</article>", html.indexOf(`id="${anchor}"`)));
    expect(card("op-get-api-officers")).toContain("(manager) trở lên");
    expect(card("op-post-api-surveys-key-waves")).toContain("(officer) trở lên");
    expect(card("op-get-api-search")).toContain("Không cần đăng nhập");
  });
});

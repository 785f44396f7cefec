// The dashboard and results pages through app.request(), signed in with the console's own login form: scope (a
// unit outside it is refused as a page, a commune officer is not offered the province ranking), bad filters
// answered as pages (never a 500), free text escaped, the charts' stylesheet, and no page without a session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { takeSurvey } from "../exports/export-fixtures";
import { createTestApp } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

describe(`console dashboard and results pages (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  const cookies: Record<string, string> = {};

  async function signIn(name: string, role: "viewer" | "admin", unitCode: string) {
    const email = `${name}-${process.pid}@loa.test`;
    const { password } = await bootstrapOfficer(handle.db, { name, email, role, unitCode });
    const response = await app.request("/console/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, next: "/console" }).toString(),
    });
    expect(response.status).toBe(303);
    cookies[name] = response.headers.get("set-cookie")!.split(";")[0]!;
  }

  const page = (who: string, path: string) => app.request(path, { headers: { cookie: cookies[who]! } });

  beforeAll(async () => {
    handle = await createTestDb();
    app = createTestApp(handle.db);
    await takeSurvey(app, "p-a", "legal_access_satisfaction", [
      "phường Ba Đình, Hà Nội",
      "a:4",
      "a:no",
      "a:yes",
      '<script>alert("x")</script> & <b>đậm</b>',
    ]);
    await signIn("tinh", "viewer", "01");
    await signIn("xa", "viewer", "00004");
  }, 240_000);
  afterAll(async () => handle?.close());

  it("sends a visitor without a session to the login page", async () => {
    for (const path of ["/console", "/console/results", "/console/results/legal_access_satisfaction"]) {
      const response = await app.request(path);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toMatch(/^\/console\/login\?next=/);
    }
  });

  it("escapes free text and links the downloads with the page's filters", async () => {
    const response = await page("tinh", "/console/results/legal_access_satisfaction?unit=00004&from=2026-01-01");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;");
    expect(html).not.toContain("<script>alert");
    const query = "survey=legal_access_satisfaction&unit=00004&from=2026-01-01&status=completed&format=xlsx";
    expect(html).toContain(`href="/api/exports/responses?${query.replaceAll("&", "&amp;")}"`);
    // Each chart is drawn for a laptop and for a phone; the console's stylesheet shows one by screen width.
    expect(html).toContain('<div class="bar-chart"><div class="wide">');
    const css = await (await app.request("/console/assets/console.css")).text();
    expect(css).toMatch(/@media \(max-width: 640px\)[^}]*\.bar-chart \.wide \{ display:none; \}/);
  });

  it("refuses what lies outside the scope or does not exist, as pages", async () => {
    const outside = await page("tinh", "/console/results/legal_access_satisfaction?unit=79");
    expect(outside.status).toBe(404);
    expect(await outside.text()).toContain("Không tìm thấy");
    // A commune officer asking for their province.
    expect((await page("xa", "/console/results/legal_access_satisfaction?unit=01")).status).toBe(404);
    expect((await page("tinh", "/console/results/khong_co")).status).toBe(404);
    expect((await page("tinh", "/console/results/legal_access_satisfaction?wave=abc")).status).toBe(404);
    expect((await page("tinh", "/console/results/legal_access_satisfaction?wave=999999")).status).toBe(400);
    const day = await page("tinh", "/console/results/legal_access_satisfaction?from=2026-13-45");
    expect(day.status).toBe(400);
    expect(await day.text()).toContain("<!doctype html>");
  });

  it("dashboard: a commune officer sees their commune, not the province ranking; bad filters fall back", async () => {
    const commune = await page("xa", "/console");
    expect(commune.status).toBe(200);
    const html = await commune.text();
    expect(html).toContain("Chỉ số của Phường Ba Đình");
    expect(html).toContain("Xếp hạng các xã, phường dành cho cán bộ cấp tỉnh hoặc trung ương.");
    expect(html).toContain('data-stat="responses">1<');

    const fallback = await page("tinh", "/console?framework=khong-co&from=hom-qua&indicator=x&page=-3");
    expect(fallback.status).toBe(200);
    expect(await fallback.text()).toContain("Quyết định 27/2025");
    const order = await page("tinh", "/console?from=2026-12-31&to=2026-01-01");
    expect(order.status).toBe(400);
    expect(await order.text()).toContain("Ngày kết thúc");
  });
});

// Swagger UI in Chromium, from the console's own files: it lists the officer API from /api/openapi.json, and "Try
// it out" works with the console session, for reads and for changes (the session's CSRF token is sent along).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveChromium, openConsoleWorld, type ConsoleWorld } from "../support/console-browser";
import { testDriver } from "../support/test-db";

describe.runIf(haveChromium)(`Swagger UI in Chromium (${testDriver})`, () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await openConsoleWorld();
  }, 120_000);
  afterAll(() => world?.close());

  it("lists the API and tries a read and a change with the console session", async () => {
    const officer = await world.officer("officer", "01", "Trần Văn Tích Hợp");
    const page = await world.loggedIn(officer);
    await page.goto(`${world.baseUrl}/console/api/swagger`);
    await page.locator(".opblock").first().waitFor({ timeout: 20_000 });
    expect(await page.locator(".opblock").count()).toBeGreaterThan(40);

    const me = page.locator("#operations-auth-get_api_me");
    await me.locator(".opblock-summary").click();
    await me.getByRole("button", { name: "Try it out" }).click();
    await me.getByRole("button", { name: "Execute" }).click();
    await expect
      .poll(() => me.locator(".live-responses-table tr.response .response-col_status").first().textContent())
      .toBe("200");
    expect(await me.locator(".live-responses-table .microlight").first().textContent()).toContain(officer.email);

    // A change: the session's CSRF token goes with it, so the API takes it (403 without).
    const create = page.locator("#operations-auth-post_api_me_tokens");
    await create.locator(".opblock-summary").click();
    await create.getByRole("button", { name: "Try it out" }).click();
    await create.locator("textarea.body-param__text").fill('{ "name": "Thử từ Swagger UI", "expiresInDays": 7 }');
    await create.getByRole("button", { name: "Execute" }).click();
    await expect
      .poll(() => create.locator(".live-responses-table tr.response .response-col_status").first().textContent())
      .toBe("201");
    await world.shot(page, "swagger-ui");
    expect(world.pageErrors).toEqual([]);
  });
});

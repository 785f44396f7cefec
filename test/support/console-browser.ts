// The console in real headless Chromium: the app served by @hono/node-server on a test database, officers whose
// passwords the test knows, a logged-in page per officer, and screenshots saved as test artifacts (gitignored) under
// test-results/console/ for a person to look at. Any script error or CSP violation on a page is collected, and each
// browser test checks the list is empty (HTTP refusals are not script errors: tests check those themselves).
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { DbHandle } from "../../db/db";
import type { OfficerRole } from "../../db/schema/officers";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { createTestApp } from "./test-app";
import { createTestDb } from "./test-db";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** CI installs Chromium (.ci/run) and must run the browser tests; elsewhere they are skipped with a warning. */
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}; CI must run browser tests`);
if (!haveChromium) console.warn(`Browser tests not run: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

export interface ConsoleOfficer {
  email: string;
  password: string;
  role: OfficerRole;
  unitCode: string;
}

export interface ConsoleWorld {
  database: DbHandle;
  app: ReturnType<typeof createTestApp>;
  baseUrl: string;
  browser: Browser;
  /** Script errors and CSP violations seen on any page so far. */
  pageErrors: string[];
  /** A new officer with a known password (name defaults from role and unit). */
  officer(role: OfficerRole, unitCode: string, name?: string): Promise<ConsoleOfficer>;
  /** A fresh browser context (its own cookies) logged in as `officer`, on the dashboard. */
  loggedIn(officer: ConsoleOfficer, viewport?: { width: number; height: number }): Promise<Page>;
  /** A fresh browser context with no session. */
  anonymous(viewport?: { width: number; height: number }): Promise<Page>;
  /** Saves a full-page screenshot as test-results/console/<name>.png and returns its path. */
  shot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

const LAPTOP = { width: 1280, height: 860 };
let officerCounter = 0;

export async function openConsoleWorld(options: { seed?: "quick" | "full" } = {}): Promise<ConsoleWorld> {
  const database = await createTestDb({ seed: options.seed ?? "quick" });
  const app = createTestApp(database.db);
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const shots = process.env.LOA_SCREENSHOT_DIR ?? join(process.cwd(), "test-results", "console");
  await mkdir(shots, { recursive: true });
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];

  const newPage = async (viewport = LAPTOP) => {
    const context = await browser.newContext({ viewport, locale: "vi-VN", acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on("console", (message) => {
      // Refusals the tests provoke (401 for a wrong password, 403 out of scope) are checked by the tests themselves.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
        pageErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  };

  return {
    database,
    app,
    baseUrl,
    browser,
    pageErrors,
    async officer(role, unitCode, name) {
      const email = `console-${role}-${unitCode}-${process.pid}-${++officerCounter}@loa.test`.toLowerCase();
      const created = await bootstrapOfficer(database.db, {
        name: name ?? `Cán bộ ${role} ${unitCode}`,
        email,
        role,
        unitCode,
      });
      return { email, password: created.password, role, unitCode };
    },
    async loggedIn(officer, viewport = LAPTOP) {
      const page = await newPage(viewport);
      await page.goto(`${baseUrl}/console/login`);
      await page.getByLabel("Email").fill(officer.email);
      await page.getByLabel("Mật khẩu").fill(officer.password);
      await Promise.all([page.waitForURL(/\/console(\?|$)/), page.getByRole("button", { name: "Đăng nhập" }).click()]);
      return page;
    },
    anonymous: (viewport) => newPage(viewport),
    async shot(page, name) {
      const path = join(shots, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}

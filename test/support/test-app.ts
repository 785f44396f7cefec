// The app as both runtimes build it, on a test database, driven through app.request().
import { telegramRoutes } from "../../bots/telegram/telegram-routes";
import { webRoutes } from "../../bots/web/web-routes";
import { zaloOaRoutes } from "../../bots/zalo-oa/zalo-oa-routes";
import { createApp } from "../../src/app";
import { parseConfig } from "../../src/config";
import type { Db } from "../../db/db";
import { createLogger, type Logger } from "../../src/log";
import type { Services } from "../../src/services";
import { webIdentity } from "../../bots/web/web-identity";

// The services each test app was built with, so helpers can sign web ids as that app's server would.
const servicesOf = new WeakMap<object, Services>();

export function createTestApp(
  db: Db,
  log: Logger = createLogger("error", () => {}),
  extra: Partial<Services> = {},
  env: Record<string, string> = {},
) {
  const services: Services = { db, config: parseConfig(env), log, channels: {}, ...extra };
  const app = createApp(() => ({ services }), { channelRoutes: [webRoutes(), telegramRoutes(), zaloOaRoutes()] });
  servicesOf.set(app, services);
  return app;
}

export interface WebReply {
  text: string;
  options: Array<{ label: string; value: string }>;
}

/** `id` signed as this app's server signs web chat ids: what a browser holds after POST /web/identity. */
export function signedWebUser(app: ReturnType<typeof createTestApp>, id: string): Promise<string> {
  const services = servicesOf.get(app);
  if (!services) throw new Error("signedWebUser needs an app made by createTestApp");
  return webIdentity.sign(services, id);
}

/**
 * Sends one web chat message as the person `user` (a bare id, signed here as the page would) and returns the
 * replies (fails the test on a non-200). The contact's platform id is the bare `user`.
 */
export async function say(app: ReturnType<typeof createTestApp>, user: string, text: string): Promise<WebReply[]> {
  const response = await app.request("/web/messages", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user: await signedWebUser(app, user), text }),
  });
  if (response.status !== 200) throw new Error(`POST /web/messages → ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { replies: WebReply[] }).replies;
}

/** The value of the option whose label matches. */
export function optionValue(replies: WebReply[], label: RegExp | string): string {
  const options = replies.flatMap((r) => r.options);
  const found = options.find((o) => (typeof label === "string" ? o.label.includes(label) : label.test(o.label)));
  if (!found) throw new Error(`no option ${label} among: ${options.map((o) => o.label).join(" | ")}`);
  return found.value;
}

/** An officer API request with a Bearer token (none when null) and an optional JSON body. */
export function apiCall(
  app: ReturnType<typeof createTestApp>,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Logs in through POST /api/auth/login and answers the session cookie ("loa_session=…") for console requests. */
export async function sessionCookie(
  app: ReturnType<typeof createTestApp>,
  credentials: { email: string; password: string },
): Promise<string> {
  const response = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  });
  if (response.status !== 200) throw new Error(`login as ${credentials.email}: ${response.status}`);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

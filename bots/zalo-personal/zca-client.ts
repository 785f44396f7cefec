// zca-js as the gateway uses it: the slice of its API and listener (typed from zca-js's own definitions, so a fake
// in the tests is held to the same shapes), and logging in with saved credentials. zca-js is an unofficial client
// of Zalo Web; only this folder imports it, and only the Node server loads this folder.
import type { EventEmitter } from "node:events";
import { type API, type Credentials, Zalo, ZaloApiError } from "zca-js";
import { type ZaloCredentials, zaloCredentialsSchema } from "./credentials-box";

/** The events zca-js's listener emits, with their arguments (its `ListenerEvents`, which it does not export). */
export type ZcaListenerEvents = API["listener"] extends EventEmitter<infer Events> ? Events : never;

/** What the gateway does with the listener: subscribe, start (again after a drop), stop. */
export interface ZcaListener {
  on<E extends keyof ZcaListenerEvents>(event: E, handler: (...args: ZcaListenerEvents[E]) => void): unknown;
  removeAllListeners(event?: keyof ZcaListenerEvents): unknown;
  start(options?: { retryOnClose?: boolean }): void;
  stop(): void;
}

/** The slice of zca-js's API the gateway calls. */
export type ZcaApi = Pick<API, "sendMessage" | "getOwnId"> & { listener: ZcaListener };

// The real listener must fit the slice: a zca-js upgrade that changes it fails the typecheck here.
const _listenerFits = (api: API): ZcaApi => api;
void _listenerFits;

/** One logged-in session: the API, and the credentials as they stand now (Zalo refreshes cookies as it goes). */
export interface ZcaConnection {
  api: ZcaApi;
  credentials?: () => ZaloCredentials;
}

/** Each of zca-js's HTTP requests is cut off after this long: a send whose answer never comes must not hang. */
export const ZCA_REQUEST_TIMEOUT_MS = 20_000;

const timedFetch: typeof fetch = (input, init) =>
  fetch(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(ZCA_REQUEST_TIMEOUT_MS) });

/**
 * A zca-js client as Loa runs it: no npm update check at each login, no console logging (it prints the account's
 * id), own messages not echoed back, every request with a timeout.
 */
export function createZaloClient(): Zalo {
  return new Zalo({ selfListen: false, checkUpdate: false, logging: false, polyfill: timedFetch });
}

/** Logs in with saved credentials (no QR code): what the server does at start and after repeated drops. */
export async function connectWithCredentials(credentials: ZaloCredentials): Promise<ZcaConnection> {
  // The schema checked the shape zca-js reads (imei, user agent, cookies with values); its own type is a union of
  // cookie formats that a checked JSON value cannot name more precisely.
  const api = await createZaloClient().login(credentials as Credentials);
  return { api, credentials: () => currentCredentials(api) };
}

/** The session as zca-js holds it now: the imei and user agent it logged in with, and the current cookie jar. */
export function currentCredentials(api: API): ZaloCredentials {
  const context = api.getContext();
  return zaloCredentialsSchema.parse({
    imei: context.imei,
    userAgent: context.userAgent,
    language: context.language,
    cookie: context.cookie.toJSON()?.cookies ?? [],
  });
}

/** Zalo answered and refused (an expired or revoked session), as opposed to a network failure. */
export function isLoginRefused(error: unknown): boolean {
  return error instanceof ZaloApiError;
}

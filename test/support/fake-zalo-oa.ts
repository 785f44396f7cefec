// A fake of Zalo's OA platform on 127.0.0.1 for tests: the OAuth token endpoint and the customer-service message
// API, spoken over real HTTP as oauth.zaloapp.com and openapi.zalo.me are. It checks what Zalo checks (the app
// secret and app id on a refresh, the access token on a send, the message shape), rotates refresh tokens the way
// Zalo does (each works once), and can be told to fail: an error code for the next sends, a user who cannot be
// reached, revoked access tokens, a slow or refusing token endpoint. Also signs webhook events as Zalo does.
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type JsonServer, readBody, startJsonServer } from "./json-server";

export const OA_APP_ID = "3141592653589793";
export const OA_SECRET_KEY = "oa-secret-key-for-tests";
export const OA_APP_SECRET = "app-secret-for-tests";
export const FIRST_REFRESH_TOKEN = "refresh-token-0";

export interface SentMessage {
  userId: string;
  text: string;
  buttons: Array<{ type: string; title: string; payload: string }>;
  accessToken: string;
}

export class FakeZaloOa {
  readonly sent: SentMessage[] = [];
  /** Every refresh call, with the refresh token it used and whether it was accepted. */
  readonly refreshes: Array<{ refreshToken: string; accepted: boolean }> = [];
  private server: JsonServer | undefined;
  private validRefresh = new Set([FIRST_REFRESH_TOKEN]);
  private validAccess = new Set<string>();
  private issued = 0;
  private sendFailures: number[] = [];
  private unreachable = new Set<string>();
  private windowClosed = new Set<string>();
  /** How long the token endpoint takes to answer (widens races in tests). */
  refreshDelayMs = 0;
  /** Answer refreshes with HTTP 503 (the endpoint is down). */
  refreshDown = false;
  expiresInSeconds = 90_000;
  url = "";

  async start(): Promise<this> {
    this.server = await startJsonServer((req) => this.route(req));
    this.url = this.server.url;
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  /** The variables that connect Loa's OA channel to this fake. */
  env(): Record<string, string> {
    return {
      ZALO_OA_APP_ID: OA_APP_ID,
      ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
      ZALO_APP_SECRET: OA_APP_SECRET,
      ZALO_OA_REFRESH_TOKEN: FIRST_REFRESH_TOKEN,
      ZALO_OA_API_ROOT: this.url,
      ZALO_OA_OAUTH_ROOT: this.url,
    };
  }

  /** The next sends answer `{ error: code }`, one code each. */
  failNextSends(...codes: number[]): void {
    this.sendFailures.push(...codes);
  }

  /** Sends to this user answer -213 (not following the OA). */
  makeUnreachable(userId: string): void {
    this.unreachable.add(userId);
  }

  /** Sends to this user answer -230 (no interaction within 7 days) until they write again. */
  closeWindow(userId: string, closed = true): void {
    if (closed) this.windowClosed.add(userId);
    else this.windowClosed.delete(userId);
  }

  /** Every access token issued so far stops working (-216), as when an admin revokes the app. */
  revokeAccessTokens(): void {
    this.validAccess.clear();
  }

  /** Accepts this refresh token (as after an admin authorizes the app again). */
  grantRefreshToken(token: string): void {
    this.validRefresh.add(token);
  }

  isRefreshTokenValid(token: string): boolean {
    return this.validRefresh.has(token);
  }

  textsTo(userId: string): string[] {
    return this.sent.filter((m) => m.userId === userId).map((m) => m.text);
  }

  private async route(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const raw = await readBody(req);
    if (req.method === "POST" && req.url === "/v4/oa/access_token") return this.refresh(req, raw);
    if (req.method === "POST" && req.url === "/v3.0/oa/message/cs") return this.send(req, raw);
    return { status: 404, body: { error: 404, message: "not found" } };
  }

  private async refresh(req: IncomingMessage, raw: string) {
    if (this.refreshDelayMs > 0) await new Promise((r) => setTimeout(r, this.refreshDelayMs));
    if (this.refreshDown) return { status: 503, body: {} };
    const form = new URLSearchParams(raw);
    const refreshToken = form.get("refresh_token") ?? "";
    const okApp =
      req.headers.secret_key === OA_APP_SECRET &&
      form.get("app_id") === OA_APP_ID &&
      form.get("grant_type") === "refresh_token" &&
      String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded");
    const accepted = okApp && this.validRefresh.delete(refreshToken);
    this.refreshes.push({ refreshToken, accepted });
    if (!accepted) {
      return { status: 200, body: { error: -14014, error_name: "Invalid refresh token", error_description: "x" } };
    }
    this.issued++;
    const pair = { access: `access-token-${this.issued}`, refresh: `refresh-token-${this.issued}` };
    this.validAccess.add(pair.access);
    this.validRefresh.add(pair.refresh);
    return {
      status: 200,
      body: { access_token: pair.access, refresh_token: pair.refresh, expires_in: String(this.expiresInSeconds) },
    };
  }

  private send(req: IncomingMessage, raw: string) {
    const accessToken = String(req.headers.access_token ?? "");
    if (!this.validAccess.has(accessToken)) return { status: 200, body: { error: -216, message: "invalid token" } };
    let body: {
      recipient?: { user_id?: unknown };
      message?: { text?: unknown; attachment?: { type?: unknown; payload?: { buttons?: unknown } } };
    };
    try {
      body = JSON.parse(raw);
    } catch {
      return { status: 200, body: { error: -201, message: "body is invalid" } };
    }
    const userId = body.recipient?.user_id;
    const text = body.message?.text;
    if (typeof userId !== "string" || typeof text !== "string" || text.length === 0 || text.length > 2000)
      return { status: 200, body: { error: -201, message: "message is invalid" } };
    const buttons = (body.message?.attachment?.payload?.buttons ?? []) as SentMessage["buttons"];
    if (!Array.isArray(buttons) || buttons.length > 5) return { status: 200, body: { error: -210, message: "limit" } };
    const planned = this.sendFailures.shift();
    if (planned !== undefined) return { status: 200, body: { error: planned, message: "planned failure" } };
    if (this.unreachable.has(userId)) return { status: 200, body: { error: -213, message: "not follower" } };
    if (this.windowClosed.has(userId)) return { status: 200, body: { error: -230, message: "no interaction" } };
    this.sent.push({ userId, text, buttons, accessToken });
    return { status: 200, body: { error: 0, message: "Success", data: { message_id: `m${this.sent.length}` } } };
  }
}

/** A webhook call as Zalo makes it: the JSON body and its X-ZEvent-Signature. */
export function signedZaloEvent(
  event: Record<string, unknown>,
  options: { secretKey?: string; appId?: string; timestamp?: number } = {},
) {
  const appId = options.appId ?? OA_APP_ID;
  const timestamp = String(options.timestamp ?? Date.now());
  const rawBody = JSON.stringify({ app_id: appId, timestamp, ...event });
  const mac = createHash("sha256")
    .update(`${appId}${rawBody}${timestamp}${options.secretKey ?? OA_SECRET_KEY}`)
    .digest("hex");
  return { rawBody, signature: `mac=${mac}` };
}

let messageCounter = 0;

/** A user_send_text event (a typed message or a button tap: both arrive as text). */
export function userText(userId: string, text: string, msgId = `msg-${++messageCounter}-${Date.now()}`) {
  return {
    event_name: "user_send_text",
    sender: { id: userId },
    recipient: { id: "579745863508352884" },
    message: { msg_id: msgId, text },
    user_id_by_app: `app-${userId}`,
  };
}

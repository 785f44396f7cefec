// A Telegram Bot API server on 127.0.0.1 for tests: the real telegraf talks HTTP to it as to api.telegram.org.
// It records every call, queues updates for getUpdates (long polling), and can be told to fail the next calls
// of a method with a given error (403 blocked, 429 with retry_after, 5xx) or to answer a method slowly.
import type { IncomingMessage } from "node:http";
import { type JsonServer, startJsonServer } from "./json-server";

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** The HTTP status the emulator answered with. */
  status: number;
}

interface Failure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export class BotApiEmulator {
  readonly calls: RecordedCall[] = [];
  private server: JsonServer | undefined;
  /** Per method, what the next calls get: null lets one through, a failure refuses one. */
  private failures = new Map<string, Array<Failure | null>>();
  /** Per method, how long each call takes to answer (the call is recorded when it arrives). */
  private delays = new Map<string, number>();
  private updates: Array<Record<string, unknown>> = [];
  private waiting: Array<() => void> = [];
  private messageId = 1;
  url = "";

  constructor(readonly token = "123456789:TEST-token-for-the-local-bot-api") {}

  async start(): Promise<this> {
    this.server = await startJsonServer((req) => this.handle(req));
    this.url = this.server.url;
    return this;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiting.splice(0)) wake();
    await this.server?.close();
  }

  /** The next `count` calls of `method` (after letting `after` through) fail with this error. */
  failNext(method: string, count: number, failure: Failure, after = 0): void {
    const plan = [...Array.from({ length: after }, () => null), ...Array.from({ length: count }, () => failure)];
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...plan]);
  }

  /** Every later call of `method` answers after `ms` milliseconds (0: at once again). */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /** Queues an update for getUpdates (long polling). */
  queueUpdate(update: Record<string, unknown>): void {
    this.updates.push(update);
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** sendMessage calls that succeeded (what the person actually received), optionally for one chat. */
  sent(chatId?: number | string): RecordedCall[] {
    return this.attempts(chatId).filter((c) => c.status === 200);
  }

  /** Every sendMessage call, refused ones included. */
  attempts(chatId?: number | string): RecordedCall[] {
    return this.calls.filter(
      (c) => c.method === "sendMessage" && (chatId === undefined || String(c.params.chat_id) === String(chatId)),
    );
  }

  clear(): void {
    this.calls.length = 0;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url?.split("?")[0] ?? "");
    if (!match || match[1] !== this.token)
      return { status: 404, body: { ok: false, error_code: 404, description: "Not Found" } };
    const method = match[2]!;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const params =
      raw && (req.headers["content-type"] ?? "").includes("json") ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const failure = this.failures.get(method)?.shift();
    if (method !== "getUpdates") this.calls.push({ method, params, status: failure ? failure.error_code : 200 });
    const delayMs = this.delays.get(method) ?? 0;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (failure) return { status: failure.error_code, body: { ok: false, ...failure } };

    switch (method) {
      case "getMe":
        return ok({ id: Number(this.token.split(":")[0]), is_bot: true, first_name: "Loa", username: "loa_test_bot" });
      case "sendMessage":
        return ok({
          message_id: this.messageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: "private" },
          text: params.text,
        });
      case "getUpdates": {
        const offset = Number(params.offset ?? 0);
        const pending = () => this.updates.filter((u) => Number(u.update_id) >= offset);
        if (pending().length === 0 && Number(params.timeout ?? 0) > 0) {
          await new Promise<void>((resolve) => {
            this.waiting.push(resolve);
            setTimeout(resolve, Math.min(Number(params.timeout) * 1000, 500));
          });
        }
        return ok(pending());
      }
      default:
        return ok(true);
    }
  }
}

const ok = (result: unknown) => ({ status: 200, body: { ok: true, result } });

let nextUpdateId = 10_000;

/** A private-chat text message update from a person. */
export function textUpdate(chatId: number, text: string, updateId = nextUpdateId++) {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "Người dân" },
      from: { id: chatId, is_bot: false, first_name: "Người dân", language_code: "vi" },
      text,
      ...(text.startsWith("/")
        ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] }
        : {}),
    },
  };
}

/** A press on an inline keyboard button. */
export function callbackUpdate(chatId: number, data: string, updateId = nextUpdateId++) {
  return {
    update_id: updateId,
    callback_query: {
      id: `cb-${updateId}`,
      chat_instance: "1",
      data,
      from: { id: chatId, is_bot: false, first_name: "Người dân", language_code: "vi" },
      message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private" }, text: "…" },
    },
  };
}

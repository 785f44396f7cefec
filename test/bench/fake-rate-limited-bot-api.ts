// A Telegram Bot API on 127.0.0.1 for the campaign benchmark that enforces a configured rate the way Telegram does:
// past it, sendMessage answers 429 with `retry_after`. A token bucket of `perSecond` tokens a second holding up to
// `burstSeconds` of them decides. It counts, per chat, the messages it accepted (so a benchmark can find anyone who
// got a message twice, or never), and keeps each acceptance time (for the achieved rate over any window).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRateLimitedBotApiOptions {
  perSecond: number;
  /** How much of a second's worth may arrive at once (Telegram tolerates short bursts). Default 1. */
  burstSeconds?: number;
  token?: string;
}

export class FakeRateLimitedBotApi {
  readonly token: string;
  url = "";
  /** Accepted sendMessage calls per chat_id. */
  readonly received = new Map<string, number>();
  /** When each accepted message arrived (ms, performance.now() clock). */
  readonly acceptedAt: number[] = [];
  refused = 0;
  private server: Server | undefined;
  private tokens: number;
  private updated = performance.now();
  private readonly capacity: number;

  constructor(private readonly options: FakeRateLimitedBotApiOptions) {
    this.token = options.token ?? "424242:BENCH-token-for-the-rate-limited-api";
    this.capacity = Math.max(1, options.perSecond * (options.burstSeconds ?? 1));
    this.tokens = this.capacity;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const answer = (status: number, body: unknown) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        };
        const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url?.split("?")[0] ?? "");
        if (!match || match[1] !== this.token) return answer(404, { ok: false, error_code: 404 });
        if (match[2] !== "sendMessage") return answer(200, { ok: true, result: true });
        let params: { chat_id?: unknown; text?: unknown };
        try {
          params = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          return answer(400, { ok: false, error_code: 400, description: "Bad Request" });
        }
        const now = performance.now();
        this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updated) * this.options.perSecond) / 1000);
        this.updated = now;
        if (this.tokens < 1) {
          this.refused++;
          const retryAfter = Math.max(1, Math.ceil((1 - this.tokens) / this.options.perSecond));
          return answer(429, {
            ok: false,
            error_code: 429,
            description: `Too Many Requests: retry after ${retryAfter}`,
            parameters: { retry_after: retryAfter },
          });
        }
        this.tokens -= 1;
        const chat = String(params.chat_id);
        this.received.set(chat, (this.received.get(chat) ?? 0) + 1);
        this.acceptedAt.push(now);
        answer(200, {
          ok: true,
          result: {
            message_id: this.acceptedAt.length,
            date: Math.floor(Date.now() / 1000),
            chat: { id: Number(chat), type: "private" },
            text: params.text,
          },
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Messages accepted in [from, to) (performance.now() clock). */
  acceptedBetween(from: number, to: number): number {
    let n = 0;
    for (const at of this.acceptedAt) if (at >= from && at < to) n++;
    return n;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

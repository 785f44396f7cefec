// A JSON HTTP server on 127.0.0.1 for the platform fakes of the tests (the Telegram Bot API, the Zalo OA API):
// each request goes to `handle`, whose status and body are sent as JSON; a handler that throws answers 500.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface JsonAnswer {
  status: number;
  body: unknown;
}

export interface JsonServer {
  url: string;
  close(): Promise<void>;
}

export async function startJsonServer(handle: (req: IncomingMessage) => Promise<JsonAnswer>): Promise<JsonServer> {
  const server: Server = createServer((req, res) => {
    void handle(req).then(
      ({ status, body }) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The request's body as text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

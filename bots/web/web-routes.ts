// HTTP side of the web chat: POST a message and get the replies; GET messages pushed later, by cursor; the page.
import { Hono } from "hono";
import { z } from "zod";
import { listPushed } from "../../src/conversations/outbox";
import { processInbound } from "../../src/conversations/process-inbound";
import { validate } from "../../src/http/validate";
import type { AppEnv } from "../../src/services";
import { chatPage } from "./chat-page";
import { MAX_WEB_TEXT, webChannel } from "./web-channel";

// The page makes a random id per browser; anything id-like is accepted so a portal can pass its own.
const userSchema = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, "chỉ gồm chữ cái không dấu, chữ số và các ký tự _ . : -");

export const webMessageBodySchema = z.object({
  user: userSchema,
  text: z.string().max(MAX_WEB_TEXT, `tin nhắn dài quá ${MAX_WEB_TEXT} ký tự`),
});

export const webPollQuerySchema = z.object({
  user: userSchema,
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export function webRoutes() {
  return new Hono<AppEnv>()
    .get("/chat", (c) => c.html(chatPage()))
    .post("/web/messages", validate("json", webMessageBodySchema), async (c) => {
      const { user, text } = c.req.valid("json");
      const { db } = c.get("services");
      const result = await processInbound(db, { channel: "web", platformId: user, text });
      // The web chat has no update ids, so a result is always "processed".
      const replies = result.status === "processed" ? webChannel.render(result.replies) : [];
      return c.json({ replies });
    })
    .get("/web/messages", validate("query", webPollQuerySchema), async (c) => {
      const { user, after, limit } = c.req.valid("query");
      const page = await listPushed(c.get("services").db, "web", user, after, limit);
      return c.json({
        messages: page.messages.map((m) => ({
          id: String(m.id),
          kind: m.kind,
          replies: webChannel.render(m.replies),
          createdAt: m.createdAt.toISOString(),
        })),
        cursor: String(page.cursor),
        hasMore: page.hasMore,
      });
    });
}

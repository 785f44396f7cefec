// HTTP side of the web chat: an identity for a new browser; POST a message and get the replies; GET messages
// pushed later, by cursor; the page and its script and style.
import { Hono } from "hono";
import { z } from "zod";
import { listPushed } from "../../src/conversations/outbox";
import { processInbound } from "../../src/conversations/process-inbound";
import { errorBody } from "../../src/http/errors";
import { validate } from "../../src/http/validate";
import type { AppEnv } from "../../src/services";
import { hasNul, normalizeText } from "../../src/text/vietnamese";
import { contentSecurityPolicy } from "../../src/http/security-headers";
import { chatPage } from "./chat-page";
import { chatScript } from "./chat-script";
import { chatStyle } from "./chat-style";
import { MAX_WEB_TEXT, webChannel } from "./web-channel";
import { webIdentity } from "./web-identity";

// `<id>.<signature>` (see web-identity.ts): a bare id of up to 128 characters and a 43-character signature.
const userSchema = z
  .string()
  .trim()
  .min(1)
  .max(172)
  .regex(/^[A-Za-z0-9_.:-]+$/, "chỉ gồm chữ cái không dấu, chữ số và các ký tự _ . : -");

export const webMessageBodySchema = z.object({
  user: userSchema,
  text: z
    .string()
    .max(MAX_WEB_TEXT, `tin nhắn dài quá ${MAX_WEB_TEXT} ký tự`)
    // No person types a NUL; refusing it is clearer than silently cleaning what may be a probe.
    .refine((text) => !hasNul(text), "tin nhắn không được chứa ký tự NUL")
    // Well-formed UTF-16 and NFC before anything else sees it: a lone surrogate made Postgres fail with a 500.
    .transform(normalizeText),
});

export const webPollQuerySchema = z.object({
  user: userSchema,
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const unsignedUser = errorBody("unauthorized", "Mã người dùng không hợp lệ hoặc chưa được ký. Bạn tải lại trang nhé.", [
  { field: "user", message: "chữ ký không đúng" },
]);

// The script and style change only with a deployment; a short cache keeps a redeploy visible within minutes.
const ASSET_CACHE = "public, max-age=300";

export function webRoutes() {
  return new Hono<AppEnv>()
    .get("/chat", (c) => {
      c.header("Content-Security-Policy", contentSecurityPolicy(c.get("services").config.WEB_FRAME_ANCESTORS));
      return c.html(chatPage());
    })
    .get("/chat.js", (c) => {
      c.header("Cache-Control", ASSET_CACHE);
      return c.body(chatScript, 200, { "Content-Type": "text/javascript; charset=utf-8" });
    })
    .get("/chat.css", (c) => {
      c.header("Cache-Control", ASSET_CACHE);
      return c.body(chatStyle, 200, { "Content-Type": "text/css; charset=utf-8" });
    })
    .post("/web/identity", async (c) => c.json({ user: await webIdentity.issue(c.get("services")) }))
    .post("/web/messages", validate("json", webMessageBodySchema), async (c) => {
      const { user, text } = c.req.valid("json");
      const services = c.get("services");
      const platformId = await webIdentity.verify(services, user);
      if (!platformId) return c.json(unsignedUser, 401);
      const result = await processInbound(services.db, {
        channel: "web",
        platformId,
        text,
        qa: { defaultUnitCode: services.config.QA_DEFAULT_UNIT, dueWorkingDays: services.config.QA_DUE_WORKING_DAYS },
      });
      // The web chat has no update ids, so a result is always "processed".
      const replies = result.status === "processed" ? webChannel.render(result.replies) : [];
      return c.json({ replies });
    })
    .get("/web/messages", validate("query", webPollQuerySchema), async (c) => {
      const { user, after, limit } = c.req.valid("query");
      const services = c.get("services");
      const platformId = await webIdentity.verify(services, user);
      if (!platformId) return c.json(unsignedUser, 401);
      const page = await listPushed(services.db, "web", platformId, after, limit);
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

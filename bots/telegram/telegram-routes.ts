// POST /telegram/webhook: Telegram's calls, on Workers and Node. The secret header is compared in constant time
// (mismatch: 401, nothing processed); an update already processed is acknowledged and not processed again; the
// update is recorded before answering, and the replies go out afterwards (waitUntil on Workers). An update whose
// fields are not what Telegram documents is acknowledged and ignored (see update-schema.ts).
import { Hono } from "hono";
import { z } from "zod";
import { bodyLimits, limitBody } from "../../src/http/body-limit";
import { jsonError } from "../../src/http/errors";
import { constantTimeEqual } from "../../src/crypto";
import type { AppEnv } from "../../src/services";

const updateIdSchema = z.looseObject({ update_id: z.number().int().min(0) });

export function telegramRoutes() {
  return new Hono<AppEnv>().post("/telegram/webhook", limitBody(bodyLimits.telegramWebhook), async (c) => {
    const { channels, config } = c.get("services");
    const telegram = channels.telegram;
    if (!telegram?.receive || !config.TELEGRAM_WEBHOOK_SECRET)
      return jsonError(c, 404, "not_found", "Kênh Telegram chưa được cấu hình");
    const sent = c.req.header("x-telegram-bot-api-secret-token") ?? "";
    if (!constantTimeEqual(sent, config.TELEGRAM_WEBHOOK_SECRET)) {
      return jsonError(c, 401, "unauthorized", "Sai mã bí mật của webhook Telegram");
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return jsonError(c, 400, "invalid_request", "Nội dung không phải JSON");
    }
    // Without an update_id this is not from Telegram at all; with one, the bot checks the rest.
    const parsed = updateIdSchema.safeParse(body);
    if (!parsed.success) return jsonError(c, 400, "invalid_request", "Thiếu hoặc sai update_id");
    await telegram.receive(parsed.data);
    return c.json({ ok: true });
  });
}

// POST /zalo/webhook: Zalo's calls for the Official Account, on Workers and Node. Checked in this order, each
// failure answered at once and nothing processed: the channel is configured (404), the body is JSON with an app
// id and a timestamp (400), the signature matches (401), the timestamp is recent (401: a replay), the event has the
// fields Loa uses (400). Then 200 at once (Zalo wants an answer within about 2 s) and the work after it
// (waitUntil on Workers). Events Loa does not use are acknowledged and ignored.
import { Hono } from "hono";
import { bodyLimits, limitBody } from "../../src/http/body-limit";
import { errorBody, jsonError } from "../../src/http/errors";
import type { AppEnv } from "../../src/services";
import { envelopeSchema, parseEvent, signatureMatches } from "./webhook-event";

/** A call stamped this far in the future is refused too (clocks differ a little, not by minutes). */
const FUTURE_SKEW_MS = 5 * 60_000;

export function zaloOaRoutes(now: () => number = Date.now) {
  return new Hono<AppEnv>().post("/zalo/webhook", limitBody(bodyLimits.zaloWebhook), async (c) => {
    const { channels, config, log } = c.get("services");
    const oa = channels.zalo_oa;
    if (!oa?.receive || !config.ZALO_OA_APP_ID || !config.ZALO_OA_SECRET_KEY)
      return jsonError(c, 404, "not_found", "Kênh Zalo OA chưa được cấu hình");
    const rawBody = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return jsonError(c, 400, "invalid_request", "Nội dung không phải JSON");
    }
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success) {
      const issue = envelope.error.issues[0]!;
      return c.json(malformed(issue.path.join(".") || "(body)", issue.message), 400);
    }
    const { timestamp } = envelope.data;
    const rawTimestamp = String((body as { timestamp: unknown }).timestamp);
    const signed = await signatureMatches(c.req.header("x-zevent-signature"), {
      appId: config.ZALO_OA_APP_ID,
      rawBody,
      timestamp: rawTimestamp,
      secretKey: config.ZALO_OA_SECRET_KEY,
    });
    if (!signed || envelope.data.app_id !== config.ZALO_OA_APP_ID) {
      log.warn("zalo_oa.webhook_refused", { reason: "signature" });
      return jsonError(c, 401, "unauthorized", "Sai chữ ký X-ZEvent-Signature");
    }
    const age = now() - timestamp;
    if (age > config.ZALO_OA_WEBHOOK_MAX_AGE_SECONDS * 1000 || age < -FUTURE_SKEW_MS) {
      log.warn("zalo_oa.webhook_refused", { reason: "stale", ageSeconds: Math.round(age / 1000) });
      return jsonError(c, 401, "unauthorized", "Sự kiện quá cũ hoặc sai thời gian (timestamp)");
    }
    const parsed = parseEvent(body, timestamp);
    if (!parsed.ok) {
      log.warn("zalo_oa.event_malformed", { event: envelope.data.event_name, field: parsed.field });
      return c.json(malformed(parsed.field, parsed.message), 400);
    }
    await oa.receive(parsed.event);
    return c.json({ ok: true });
  });
}

const malformed = (field: string, message: string) =>
  errorBody("invalid_request", "Sự kiện Zalo thiếu hoặc sai trường bắt buộc", [{ field, message }]);

// What Zalo posts to the OA webhook, checked before anything is done with it. Only the fields Loa uses are
// required; Zalo adds fields over time, and those pass through untouched. Zalo sends ids as strings and the
// timestamp (milliseconds) as a string or a number.
import { z } from "zod";
import { constantTimeEqual, sha256Hex } from "../../src/crypto";

const zaloId = z.string().regex(/^\d{1,30}$/, "là dãy số");
const millis = z.union([z.string().regex(/^\d{10,16}$/), z.number().int().positive()]).transform(Number);

/** The envelope every event has: enough to check the signature and the age. */
export const envelopeSchema = z.looseObject({
  app_id: zaloId,
  event_name: z.string().min(1).max(64),
  timestamp: millis,
});

export const userTextSchema = z.looseObject({
  event_name: z.literal("user_send_text"),
  sender: z.looseObject({ id: zaloId }),
  message: z.looseObject({ msg_id: z.string().min(1).max(128), text: z.string().max(20_000) }),
});

export const followSchema = z.looseObject({
  event_name: z.enum(["follow", "unfollow"]),
  follower: z.looseObject({ id: zaloId }),
});

export type ZaloOaEvent =
  | { kind: "text"; userId: string; messageId: string; text: string }
  | { kind: "follow"; userId: string; timestamp: number }
  | { kind: "unfollow"; userId: string; timestamp: number }
  | { kind: "ignored"; eventName: string };

export type ParsedEvent = { ok: true; event: ZaloOaEvent } | { ok: false; field: string; message: string };

/** An authenticated body as one of the events Loa handles; anything else is acknowledged and ignored. */
export function parseEvent(body: unknown, timestamp: number): ParsedEvent {
  const name = (body as { event_name?: unknown }).event_name;
  if (name === "user_send_text") {
    const parsed = userTextSchema.safeParse(body);
    if (!parsed.success) return firstIssue(parsed.error);
    const { sender, message } = parsed.data;
    return { ok: true, event: { kind: "text", userId: sender.id, messageId: message.msg_id, text: message.text } };
  }
  if (name === "follow" || name === "unfollow") {
    const parsed = followSchema.safeParse(body);
    if (!parsed.success) return firstIssue(parsed.error);
    const userId = parsed.data.follower.id;
    if (parsed.data.event_name === "follow") return { ok: true, event: { kind: "follow", userId, timestamp } };
    return { ok: true, event: { kind: "unfollow", userId, timestamp } };
  }
  return { ok: true, event: { kind: "ignored", eventName: String(name) } };
}

function firstIssue(error: z.ZodError): ParsedEvent {
  const issue = error.issues[0]!;
  return { ok: false, field: issue.path.join(".") || "event_name", message: issue.message };
}

/**
 * Zalo's signature: `X-ZEvent-Signature: mac=<hex sha256(app id + raw body + timestamp + OA secret key)>`, the
 * timestamp being the body's. Compared in constant time.
 */
export async function signatureMatches(
  header: string | undefined,
  parts: { appId: string; rawBody: string; timestamp: string; secretKey: string },
): Promise<boolean> {
  const sent = /^mac=([0-9a-f]{64})$/i.exec(header?.trim() ?? "")?.[1]?.toLowerCase();
  if (!sent) return false;
  const expected = await sha256Hex(`${parts.appId}${parts.rawBody}${parts.timestamp}${parts.secretKey}`);
  return constantTimeEqual(sent, expected);
}

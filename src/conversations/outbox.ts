// Messages pushed to a person outside a reply (an officer's answer, a campaign message). Channels that cannot be
// pushed to directly (the web chat) read them by cursor; the id is that cursor.
import { and, asc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../../db/db";
import { contacts, outboxMessages, type Channel } from "../../db/schema/index";
import type { Reply } from "../engine/replies";

export interface PushedMessage {
  id: number;
  kind: string;
  replies: Reply[];
  createdAt: Date;
}

/**
 * Queues a message for a person. `channel` names the sending channel that delivers it (Telegram, Zalo); without
 * it the message waits to be pulled (the web chat).
 */
export async function pushToContact(
  db: Db,
  contactId: string,
  kind: string,
  replies: Reply[],
  channel?: Channel,
): Promise<number> {
  const [row] = await db
    .insert(outboxMessages)
    .values({ contactId, kind, replies, channel: channel ?? null })
    .returning({ id: outboxMessages.id });
  return row!.id;
}

export interface PushedPage {
  messages: PushedMessage[];
  /** Pass back as `after` to get only newer messages. */
  cursor: number;
  hasMore: boolean;
}

/** Messages for a channel identity after a cursor, oldest first. An unknown person simply has none. */
export async function listPushed(
  db: Db,
  channel: Channel,
  platformId: string,
  after: number,
  limit: number,
): Promise<PushedPage> {
  const rows = await db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      replies: outboxMessages.replies,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .innerJoin(contacts, eq(contacts.id, outboxMessages.contactId))
    .where(and(eq(contacts.channel, channel), eq(contacts.platformId, platformId), gt(outboxMessages.id, after)))
    .orderBy(asc(outboxMessages.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => ({ ...r, replies: r.replies as Reply[] }));
  return { messages: page, cursor: page.at(-1)?.id ?? after, hasMore: rows.length > limit };
}

/**
 * The person wrote again: messages parked outside their channel's reply window (see DeliveryChannel.replyWindowMs)
 * become due now. Returns their ids, oldest first, so the caller can send them ahead of its reply.
 */
export async function releaseAwaiting(db: Db, contactId: string): Promise<number[]> {
  const rows = await db
    .update(outboxMessages)
    .set({ awaitingContactSince: null, nextAttemptAt: null })
    .where(
      and(
        eq(outboxMessages.contactId, contactId),
        isNotNull(outboxMessages.awaitingContactSince),
        isNull(outboxMessages.deliveredAt),
        isNull(outboxMessages.failedAt),
      ),
    )
    .returning({ id: outboxMessages.id });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

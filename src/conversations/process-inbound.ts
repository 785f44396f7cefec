// One inbound message from any channel, handled as one transaction: dedupe the update, find or create the contact,
// lock its session, run the engine, record its effects (consent, answers, erasure), store the next session. A crash anywhere rolls it all back, so a retry is
// processed once and never twice; two messages from one person at once are served one after the other.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { contacts, conversationSessions, outboxMessages, processedUpdates, type Channel } from "../../db/schema/index";
import { createContentRepository } from "../content/content-repository";
import { handle } from "../engine/handle";
import type { Reply } from "../engine/replies";
import { restoreSession } from "../engine/session";
import { applyEffects } from "../surveys/apply-effects";
import { createSurveyRepository } from "../surveys/survey-repository";

export interface InboundMessage {
  channel: Channel;
  /** The person's id on that platform. Personal data: it stays in the database. */
  platformId: string;
  text: string;
  /** The platform's id of this update (e.g. Telegram's update_id); a second delivery is acknowledged, not handled. */
  updateKey?: string;
  locale?: string;
  /**
   * Channels that send (Telegram) queue the replies in the outbox in the same transaction, so a crash after the
   * commit loses nothing: a delivery loop sends what is queued. The web chat returns them in the response.
   */
  queueReplies?: boolean;
}

export type InboundResult =
  | { status: "processed"; contactId: string; replies: Reply[]; newContact: boolean; outboxId?: number }
  | { status: "duplicate" };

export async function processInbound(db: Db, message: InboundMessage, now: Date = new Date()): Promise<InboundResult> {
  return db.transaction(async (tx) => {
    if (message.updateKey !== undefined) {
      const claimed = await tx
        .insert(processedUpdates)
        .values({ channel: message.channel, updateKey: message.updateKey, processedAt: now })
        .onConflictDoNothing()
        .returning({ key: processedUpdates.updateKey });
      if (claimed.length === 0) return { status: "duplicate" as const };
    }

    const [contact] = await tx
      .insert(contacts)
      .values({
        channel: message.channel,
        platformId: message.platformId,
        locale: message.locale ?? "vi",
        firstSeenAt: now,
        lastSeenAt: now,
      })
      .onConflictDoUpdate({ target: [contacts.channel, contacts.platformId], set: { lastSeenAt: now } })
      // xmax = 0 only on a freshly inserted row: tells a first message from a returning person in one statement.
      .returning({ id: contacts.id, isNew: sql<boolean>`(xmax = 0)` });
    const contactId = contact!.id;

    await tx.insert(conversationSessions).values({ contactId, state: {}, updatedAt: now }).onConflictDoNothing();
    const [stored] = await tx
      .select({ state: conversationSessions.state })
      .from(conversationSessions)
      .where(eq(conversationSessions.contactId, contactId))
      .for("update");

    const result = await handle({ text: message.text, contactId }, restoreSession(stored?.state), {
      content: createContentRepository(tx),
      surveys: createSurveyRepository(tx, () => now),
      newId: () => crypto.randomUUID(),
      now: () => now,
    });

    const applied = await applyEffects(tx, contactId, message.channel, result.effects, now);
    if (applied.erased) {
      // The contact is gone with its outbox: the acknowledgement goes back directly, and only this once.
      return { status: "processed" as const, contactId, replies: result.replies, newContact: Boolean(contact!.isNew) };
    }
    let outboxId: number | undefined;
    if (message.queueReplies && result.replies.length > 0) {
      const [queued] = await tx
        .insert(outboxMessages)
        .values({ contactId, kind: "reply", replies: result.replies, channel: message.channel, createdAt: now })
        .returning({ id: outboxMessages.id });
      outboxId = queued!.id;
    }

    await tx
      .update(conversationSessions)
      .set({ state: result.session, revision: sql`${conversationSessions.revision} + 1`, updatedAt: now })
      .where(eq(conversationSessions.contactId, contactId));
    return {
      status: "processed" as const,
      contactId,
      replies: result.replies,
      newContact: Boolean(contact!.isNew),
      outboxId,
    };
  });
}

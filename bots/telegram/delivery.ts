// Sends queued Telegram replies from the outbox. A row is claimed (FOR UPDATE SKIP LOCKED, so several instances can
// share the work), its parts go out in order and each sent part is recorded, so a retry resumes after it and never
// sends it twice. 403 (blocked) marks the contact unreachable; 429 waits retry_after; 5xx and network errors retry
// with backoff, in place a few times, then from the loop.
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { contacts, outboxMessages } from "../../db/schema/index";
import type { Reply } from "../../src/engine/replies";
import type { Logger } from "../../src/log";
import { renderTelegram, type TelegramPart } from "./render";

export interface TelegramSender {
  send(chatId: string, part: TelegramPart): Promise<void>;
}

/** What a failed send says, whichever library or transport raised it. */
export interface SendFailure {
  status: number | null;
  retryAfterSeconds: number | null;
  description: string;
}

export interface DeliveryOptions {
  ids?: number[];
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Wait in place for a 429 up to this long; longer waits go back to the loop. */
  maxInlineWaitMs?: number;
  inlineRetries?: number;
  maxAttempts?: number;
  describeError: (error: unknown) => SendFailure;
  log?: Logger;
}

export interface DeliveryReport {
  delivered: number;
  deferred: number;
  failed: number;
}

const LEASE_MS = 60_000;
const BATCH = 50;

export async function deliverTelegramOutbox(
  db: Db,
  sender: TelegramSender,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const report: DeliveryReport = { delivered: 0, deferred: 0, failed: 0 };

  const claimed = await db.transaction(async (tx) => {
    const conditions = [
      eq(outboxMessages.channel, "telegram"),
      isNull(outboxMessages.deliveredAt),
      isNull(outboxMessages.failedAt),
      or(isNull(outboxMessages.nextAttemptAt), lte(outboxMessages.nextAttemptAt, now())),
    ];
    if (options.ids) conditions.push(inArray(outboxMessages.id, options.ids.length > 0 ? options.ids : [-1]));
    const rows = await tx
      .select({
        id: outboxMessages.id,
        contactId: outboxMessages.contactId,
        replies: outboxMessages.replies,
        partsSent: outboxMessages.partsSent,
        attempts: outboxMessages.attempts,
        chatId: contacts.platformId,
      })
      .from(outboxMessages)
      .innerJoin(contacts, eq(contacts.id, outboxMessages.contactId))
      .where(and(...conditions))
      .orderBy(asc(outboxMessages.id))
      .limit(BATCH)
      .for("update", { of: outboxMessages, skipLocked: true });
    if (rows.length > 0) {
      await tx
        .update(outboxMessages)
        .set({ nextAttemptAt: new Date(now().getTime() + LEASE_MS), attempts: sql`${outboxMessages.attempts} + 1` })
        .where(
          inArray(
            outboxMessages.id,
            rows.map((r) => r.id),
          ),
        );
    }
    return rows;
  });

  const blockedContacts = new Set<string>();
  for (const row of claimed) {
    // Keep each chat in order: once a message of a chat is held back, later ones of that chat wait too.
    if (blockedContacts.has(row.contactId)) {
      await db.update(outboxMessages).set({ nextAttemptAt: now() }).where(eq(outboxMessages.id, row.id));
      report.deferred++;
      continue;
    }
    const parts = renderTelegram(row.replies as Reply[]);
    let sent = row.partsSent;
    let outcome: "delivered" | "deferred" | "failed" = "delivered";
    let inlineTries = 0;
    while (sent < parts.length) {
      try {
        await sender.send(row.chatId, parts[sent]!);
        sent++;
        await db.update(outboxMessages).set({ partsSent: sent }).where(eq(outboxMessages.id, row.id));
        inlineTries = 0;
      } catch (error) {
        const failure = options.describeError(error);
        const attempts = row.attempts + 1;
        if (failure.status === 403) {
          await db.update(contacts).set({ unreachableAt: now() }).where(eq(contacts.id, row.contactId));
          await db
            .update(outboxMessages)
            .set({ failedAt: now(), lastError: failure.description })
            .where(eq(outboxMessages.id, row.id));
          options.log?.info("telegram.unreachable", { outboxId: row.id });
          outcome = "failed";
          break;
        }
        const retryable = failure.status === 429 || failure.status === null || failure.status >= 500;
        if (!retryable || attempts >= (options.maxAttempts ?? 10)) {
          await db
            .update(outboxMessages)
            .set({ failedAt: now(), lastError: failure.description })
            .where(eq(outboxMessages.id, row.id));
          options.log?.warn("telegram.send_failed", {
            outboxId: row.id,
            status: failure.status,
            error: failure.description,
          });
          outcome = "failed";
          break;
        }
        const waitMs = failure.status === 429 ? (failure.retryAfterSeconds ?? 1) * 1000 : 250 * 2 ** inlineTries;
        if (inlineTries < (options.inlineRetries ?? 3) && waitMs <= (options.maxInlineWaitMs ?? 30_000)) {
          inlineTries++;
          await sleep(waitMs);
          continue;
        }
        const backoffMs = failure.status === 429 ? waitMs : Math.min(3_600_000, 30_000 * 2 ** (attempts - 1));
        await db
          .update(outboxMessages)
          .set({ nextAttemptAt: new Date(now().getTime() + backoffMs), lastError: failure.description })
          .where(eq(outboxMessages.id, row.id));
        outcome = "deferred";
        break;
      }
    }
    if (outcome === "delivered") {
      await db.update(outboxMessages).set({ deliveredAt: now(), lastError: null }).where(eq(outboxMessages.id, row.id));
    }
    if (outcome === "deferred") blockedContacts.add(row.contactId);
    report[outcome]++;
  }
  return report;
}

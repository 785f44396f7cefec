// The one delivery loop for every channel that sends (Telegram today; Zalo next). It claims queued outbox rows
// (FOR UPDATE SKIP LOCKED, so several instances share the work), sends each row's parts in order and records each
// sent part, so a retry resumes after it. A channel gives only `render`, `send` and `describeError`; what a failure
// means (blocked, rate limited, transient, permanent) decides what happens next.
//
// A part must never go out twice. Claiming bumps `attempts`, and that number is the claim's token: every later
// write is conditional on it, and the lease (`next_attempt_at`) is extended atomically before every send and before
// every in-place wait. A worker whose lease ran out and was claimed by another finds its token gone and stops. Each
// send is cut off (aborted) well inside the lease, so a lease is never outlived by the send it covers.
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { type Channel, contacts, outboxMessages } from "../../db/schema/index";
import type { Reply } from "../engine/replies";
import type { Logger } from "../log";

/**
 * What a failed send means, whichever library or transport raised it. `window_closed`: the platform lets the
 * service answer only for a while after the person last wrote (Zalo OA), and that time is over; the message waits
 * until the person writes again.
 */
export type FailureKind = "blocked" | "rate_limited" | "transient" | "permanent" | "window_closed";

export interface SendFailure {
  kind: FailureKind;
  /** For rate_limited: how long the platform asked to wait. */
  retryAfterSeconds?: number | null;
  /** A short code for logs and `last_error` (an HTTP status, an errno); never the platform's text, which may
   * quote ours. */
  code: string;
}

/** What the loop needs from a channel. */
export interface DeliveryChannel<Part> {
  name: Channel;
  render(replies: Reply[]): Part[];
  /** Sends one part to the person; must stop when `signal` aborts. */
  send(platformId: string, part: Part, signal: AbortSignal): Promise<void>;
  describeError(error: unknown): SendFailure;
  /**
   * How long after the person's last message the channel may still send to them; unset: any time. Past it, a
   * message is parked (`awaiting_contact_since`) and goes out once the person writes again (releaseAwaiting).
   */
  replyWindowMs?: number;
}

export interface DeliveryOptions {
  /** Only these rows (just queued by an inbound message); otherwise every row that is due. */
  ids?: number[];
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  pacer?: Pacer;
  /** How long a claim holds without being extended; each send is aborted after half of it. */
  leaseMs?: number;
  /** Wait in place for a 429 up to this long; longer waits go back to the loop. */
  maxInlineWaitMs?: number;
  inlineRetries?: number;
  maxAttempts?: number;
  log?: Logger;
}

export interface DeliveryReport {
  delivered: number;
  deferred: number;
  failed: number;
  /** Rows another worker took over after this one's lease ran out. */
  lost: number;
  /** Rows parked until the person writes again (outside the channel's reply window). */
  waiting: number;
}

export const DEFAULT_LEASE_MS = 60_000;
const BATCH = 50;

/**
 * `last_error` while a part is on its way: written with the lease extension just before each send and cleared with
 * `parts_sent` after it. A row claimed with this mark was left by a worker that died mid-send, so its next part may
 * or may not have reached the platform (none of them takes an idempotency key).
 */
export const IN_FLIGHT_MARK = "in_flight";
/**
 * Kinds for which such an uncertain part is not sent again (at most once): a campaign message must never reach a
 * person twice (issue 12), so it is counted delivered with last_error "uncertain". Replies are sent again.
 */
const AT_MOST_ONCE_KINDS = new Set(["campaign"]);

interface ClaimedRow {
  id: number;
  contactId: string;
  kind: string;
  lastError: string | null;
  replies: unknown;
  partsSent: number;
  attempts: number;
  platformId: string;
  lastSeenAt: Date;
}

export async function deliverOutbox<Part>(
  db: Db,
  channel: DeliveryChannel<Part>,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const log = options.log;
  const report: DeliveryReport = { delivered: 0, deferred: 0, failed: 0, lost: 0, waiting: 0 };

  const claimed = await claim(db, channel.name, options.ids, now(), leaseMs);

  const blockedContacts = new Set<string>();
  for (const row of claimed) {
    // The claim's token: the attempts count this worker wrote. Every write below holds only while it is unchanged.
    const token = row.attempts + 1;
    const mine = and(
      eq(outboxMessages.id, row.id),
      eq(outboxMessages.attempts, token),
      isNull(outboxMessages.deliveredAt),
      isNull(outboxMessages.failedAt),
    );
    /** Writes `changes` if the claim is still ours; false when another worker has taken the row. */
    const update = async (changes: Partial<typeof outboxMessages.$inferInsert>): Promise<boolean> => {
      const rows = await db.update(outboxMessages).set(changes).where(mine).returning({ id: outboxMessages.id });
      return rows.length > 0;
    };
    const note = (event: string, status: string, extra: Record<string, unknown> = {}) =>
      log?.[status === "failed" || status === "lost" ? "warn" : "info"](event, {
        outboxId: row.id,
        channel: channel.name,
        status,
        ...extra,
      });

    // Keep each chat in order: once a message of a chat is held back, later ones of that chat wait too.
    if (blockedContacts.has(row.contactId)) {
      await update({ nextAttemptAt: now() });
      report.deferred++;
      continue;
    }
    const parts = channel.render(row.replies as Reply[]);
    let sent = row.partsSent;
    let uncertain = false;
    if (row.lastError === IN_FLIGHT_MARK && AT_MOST_ONCE_KINDS.has(row.kind)) {
      // The previous worker died while this part was on its way: count it rather than risk sending it twice.
      uncertain = true;
      sent = Math.min(parts.length, sent + 1);
      note("delivery.uncertain_part", "uncertain", { part: row.partsSent });
    }
    let outcome: "delivered" | "deferred" | "failed" | "lost" | "waiting" = "delivered";
    const park = async (code: string) => {
      outcome = (await update({ awaitingContactSince: now(), nextAttemptAt: null, lastError: code }))
        ? "waiting"
        : "lost";
      note("delivery.waiting_for_contact", outcome, { code });
    };
    let inlineTries = 0;
    while (sent < parts.length) {
      if (channel.replyWindowMs !== undefined && now().getTime() - row.lastSeenAt.getTime() > channel.replyWindowMs) {
        await park("reply_window");
        break;
      }
      await options.pacer?.wait(row.platformId);
      if (!(await update({ nextAttemptAt: new Date(now().getTime() + leaseMs), lastError: IN_FLIGHT_MARK }))) {
        outcome = "lost";
        break;
      }
      try {
        await channel.send(row.platformId, parts[sent]!, AbortSignal.timeout(Math.max(1, Math.floor(leaseMs / 2))));
      } catch (error) {
        const failure = channel.describeError(error);
        if (failure.kind === "window_closed") {
          await park(failure.code);
          break;
        }
        if (failure.kind === "blocked") {
          await db.update(contacts).set({ unreachableAt: now() }).where(eq(contacts.id, row.contactId));
          outcome = (await update({ failedAt: now(), lastError: failure.code })) ? "failed" : "lost";
          note("delivery.unreachable", outcome, { code: failure.code });
          break;
        }
        if (failure.kind === "permanent" || token >= (options.maxAttempts ?? 10)) {
          outcome = (await update({ failedAt: now(), lastError: failure.code })) ? "failed" : "lost";
          note("delivery.send_failed", outcome, { code: failure.code });
          break;
        }
        const rateLimited = failure.kind === "rate_limited";
        const waitMs = rateLimited ? (failure.retryAfterSeconds ?? 1) * 1000 : 250 * 2 ** inlineTries;
        if (inlineTries < (options.inlineRetries ?? 3) && waitMs <= (options.maxInlineWaitMs ?? 30_000)) {
          inlineTries++;
          // The claim must outlast the wait and the send after it.
          if (
            !(await update({ nextAttemptAt: new Date(now().getTime() + waitMs + leaseMs), lastError: failure.code }))
          ) {
            outcome = "lost";
            break;
          }
          await sleep(waitMs);
          continue;
        }
        const backoffMs = rateLimited ? waitMs : Math.min(3_600_000, 30_000 * 2 ** (token - 1));
        const kept = await update({ nextAttemptAt: new Date(now().getTime() + backoffMs), lastError: failure.code });
        outcome = kept ? "deferred" : "lost";
        note("delivery.deferred", outcome, { code: failure.code });
        break;
      }
      sent++;
      if (!(await update({ partsSent: sent, lastError: null }))) {
        outcome = "lost";
        break;
      }
      inlineTries = 0;
    }
    if (outcome === "delivered" && !(await update({ deliveredAt: now(), lastError: uncertain ? "uncertain" : null })))
      outcome = "lost";
    if (outcome === "lost") note("delivery.claim_lost", outcome);
    if (outcome !== "delivered") blockedContacts.add(row.contactId);
    report[outcome]++;
  }
  return report;
}

async function claim(
  db: Db,
  channel: Channel,
  ids: number[] | undefined,
  at: Date,
  leaseMs: number,
): Promise<ClaimedRow[]> {
  return db.transaction(async (tx) => {
    const conditions = [
      eq(outboxMessages.channel, channel),
      isNull(outboxMessages.deliveredAt),
      isNull(outboxMessages.failedAt),
      isNull(outboxMessages.awaitingContactSince),
      or(isNull(outboxMessages.nextAttemptAt), lte(outboxMessages.nextAttemptAt, at)),
    ];
    if (ids) conditions.push(inArray(outboxMessages.id, ids.length > 0 ? ids : [-1]));
    const rows = await tx
      .select({
        id: outboxMessages.id,
        contactId: outboxMessages.contactId,
        kind: outboxMessages.kind,
        lastError: outboxMessages.lastError,
        replies: outboxMessages.replies,
        partsSent: outboxMessages.partsSent,
        attempts: outboxMessages.attempts,
        platformId: contacts.platformId,
        lastSeenAt: contacts.lastSeenAt,
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
        .set({ nextAttemptAt: new Date(at.getTime() + leaseMs), attempts: sql`${outboxMessages.attempts} + 1` })
        .where(
          inArray(
            outboxMessages.id,
            rows.map((r) => r.id),
          ),
        );
    }
    return rows;
  });
}

export interface PacingLimits {
  /** Messages a second over all chats. */
  perSecond: number;
  /** Messages a second to one chat (after a short burst). */
  perChatPerSecond: number;
  /** How many messages one chat may get at once before its rate applies. */
  perChatBurst?: number;
}

/** Spaces sends to stay under a platform's limits (in this process; 429 handling covers the rest). */
export interface Pacer {
  wait(chatKey: string): Promise<void>;
}

export function createPacer(
  limits: PacingLimits,
  clock: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Pacer {
  const overall = tokenBucket(limits.perSecond, limits.perSecond);
  const chats = new Map<string, ReturnType<typeof tokenBucket>>();
  const burst = limits.perChatBurst ?? 3;
  return {
    async wait(chatKey) {
      const at = clock();
      // Forget idle chats so the map does not grow with every person ever served.
      if (chats.size > 10_000) for (const [key, bucket] of chats) if (bucket.idleSince(at) > 60_000) chats.delete(key);
      let chat = chats.get(chatKey);
      if (!chat) chats.set(chatKey, (chat = tokenBucket(burst, limits.perChatPerSecond)));
      const ready = Math.max(overall.reserve(at), chat.reserve(at));
      if (ready > at) await sleep(ready - at);
    },
  };
}

/** A token bucket that lends: reserve() takes a token now and says when it is really there. */
function tokenBucket(capacity: number, perSecond: number) {
  let tokens = capacity;
  let updated = 0;
  return {
    reserve(at: number): number {
      tokens = Math.min(capacity, tokens + ((at - updated) * perSecond) / 1000);
      updated = at;
      tokens -= 1;
      return tokens >= 0 ? at : at + (-tokens * 1000) / perSecond;
    },
    idleSince(at: number): number {
      return at - updated;
    },
  };
}

// The Zalo Official Account channel: webhook events in (already authenticated by the route), the engine through
// processInbound, and replies out through the outbox and the shared delivery loop with the customer-service
// message API. Runs on Workers and on Node; it uses only fetch and the database.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { contacts } from "../../db/schema/index";
import type { AppConfig } from "../../src/config";
import {
  createPacer,
  deliverOutbox,
  type DeliveryReport,
  type PacingLimits,
  type SendFailure,
} from "../../src/conversations/delivery";
import { releaseAwaiting } from "../../src/conversations/outbox";
import { processInbound } from "../../src/conversations/process-inbound";
import type { Reply } from "../../src/engine/replies";
import { describeError, type Logger } from "../../src/log";
import type { ChannelRuntime } from "../../src/services";
import { cutToLength } from "../../src/text/graphemes";
import { hasNul, normalizeText } from "../../src/text/vietnamese";
import type { SendingChannel } from "../channel";
import { createOaTokens, OaNotAuthorizedError, OaTokenUnavailableError, type CachedToken } from "./oa-tokens";
import { consultationMessage, renderZaloOa, ZALO_OA_TEXT_LIMIT, type ZaloOaPart } from "./render";
import type { ZaloOaEvent } from "./webhook-event";

/** Zalo answered the send with a non-zero `error` (it answers HTTP 200 either way). */
export class ZaloApiError extends Error {
  constructor(readonly code: number) {
    super(`Zalo OA API error ${code}`);
    this.name = "ZaloApiError";
  }
}

export class ZaloHttpError extends Error {
  constructor(readonly status: number) {
    super(`Zalo OA API HTTP ${status}`);
    this.name = "ZaloHttpError";
  }
}

/** Events handled at once after their webhook answered; past this, the webhook answers when its event is done. */
const MAX_IN_FLIGHT = 64;

/** Access token invalid (-216) or expired/removed (-220): refresh once and send again. */
const TOKEN_REJECTED = new Set([-216, -220]);
/** Not following the OA (-213), invitations blocked (-217), banned or inactive (-227), restricted us (-244). */
const UNREACHABLE = new Set([-213, -217, -227, -244]);
/** No interaction within the window Zalo allows (-230: 7 days; -232: no or expired interaction). */
const WINDOW_CLOSED = new Set([-230, -232]);
/** Calls per minute (-32), the OA's quota (-211), this person's quota (-218): back off, seconds to wait. */
const RATE_LIMITED = new Map([
  [-32, 60],
  [-211, 3600],
  [-218, 3600],
]);
/** The message itself is wrong (bad parameter, over a limit, unsupported type): sending again will not help. */
const PERMANENT = new Set([-200, -201, -210, -233, -248]);

/** Zalo's answer mapped to what the delivery loop does next. Only codes are kept: the text may quote ours. */
export function describeZaloOaError(error: unknown): SendFailure {
  if (error instanceof ZaloApiError) {
    const code = `zalo_${error.code}`;
    if (UNREACHABLE.has(error.code)) return { kind: "blocked", code };
    if (WINDOW_CLOSED.has(error.code)) return { kind: "window_closed", code };
    const wait = RATE_LIMITED.get(error.code);
    if (wait !== undefined) return { kind: "rate_limited", retryAfterSeconds: wait, code };
    if (PERMANENT.has(error.code)) return { kind: "permanent", code };
    return { kind: "transient", code };
  }
  if (error instanceof ZaloHttpError) {
    if (error.status === 429) return { kind: "rate_limited", retryAfterSeconds: 60, code: "http_429" };
    return { kind: error.status >= 500 ? "transient" : "permanent", code: `http_${error.status}` };
  }
  // Not authorized: messages wait (with back-off) for an operator to set a new refresh token.
  if (error instanceof OaNotAuthorizedError) return { kind: "transient", code: error.reason };
  if (error instanceof OaTokenUnavailableError) return { kind: "transient", code: `token_${error.code}` };
  const errno = (error as { code?: unknown } | null)?.code;
  return {
    kind: "transient",
    code: typeof errno === "string" ? errno : error instanceof Error ? error.name : "unknown",
  };
}

export interface ZaloOaOptions {
  config: AppConfig;
  db: Db;
  log: Logger;
  /** Where work goes after the webhook has answered (Workers: ctx.waitUntil; Node: a tracked promise). */
  background: (work: Promise<unknown>) => void;
  pacing?: Partial<PacingLimits>;
  leaseMs?: number;
  /** Access tokens known to this process (tests give each instance its own). */
  tokenCache?: Map<string, CachedToken>;
  /** Waits between tries of an event that failed (e.g. the database blinked); tests shorten them. */
  retryDelaysMs?: number[];
}

export function createZaloOa(options: ZaloOaOptions) {
  const { config, db, log } = options;
  const tokens = createOaTokens({
    db,
    appId: config.ZALO_OA_APP_ID!,
    appSecret: config.ZALO_APP_SECRET!,
    oauthRoot: config.ZALO_OA_OAUTH_ROOT,
    initialRefreshToken: config.ZALO_OA_REFRESH_TOKEN,
    log,
    cache: options.tokenCache,
  });
  const endpoint = new URL("/v3.0/oa/message/cs", config.ZALO_OA_API_ROOT);

  async function post(accessToken: string, userId: string, part: ZaloOaPart, signal: AbortSignal) {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", access_token: accessToken },
      body: JSON.stringify(consultationMessage(userId, part)),
      signal,
    });
    if (!response.ok) throw new ZaloHttpError(response.status);
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    const code = typeof body?.error === "number" ? body.error : body?.error === undefined ? -1 : Number(body.error);
    if (code !== 0) throw new ZaloApiError(Number.isFinite(code) ? code : -1);
  }

  const channel: SendingChannel<ZaloOaPart> = {
    name: "zalo_oa",
    capabilities: { buttons: true, maxTextLength: ZALO_OA_TEXT_LIMIT, push: false },
    pacing: {
      perSecond: config.ZALO_OA_MESSAGES_PER_SECOND,
      perChatPerSecond: 1,
      perChatBurst: 3,
      ...options.pacing,
    },
    replyWindowMs: config.ZALO_OA_REPLY_WINDOW_HOURS * 3_600_000,
    render: renderZaloOa,
    async send(userId, part, signal) {
      const accessToken = await untilAborted(tokens.accessToken(), signal);
      try {
        await post(accessToken, userId, part, signal);
      } catch (error) {
        if (!(error instanceof ZaloApiError && TOKEN_REJECTED.has(error.code))) throw error;
        // The token died before its time (revoked, or refreshed elsewhere): one refresh, one more try.
        const renewed = await untilAborted(tokens.afterRejection(accessToken), signal);
        await post(renewed, userId, part, signal);
      }
    },
    describeError: describeZaloOaError,
  };
  const pacer = createPacer(channel.pacing);
  let inFlight = 0;

  const deliver = (ids?: number[]): Promise<DeliveryReport> =>
    deliverOutbox(db, channel, { ids, pacer, log, leaseMs: options.leaseMs });

  async function handle(event: ZaloOaEvent): Promise<void> {
    if (event.kind === "ignored") return;
    if (event.kind === "unfollow") {
      // They left the OA: no more campaign messages, and Zalo would refuse any message anyway.
      const at = new Date();
      await db
        .update(contacts)
        .set({ optedOutAt: at, unreachableAt: at })
        .where(and(eq(contacts.channel, "zalo_oa"), eq(contacts.platformId, event.userId)));
      return;
    }
    let text: string;
    let updateKey: string;
    if (event.kind === "follow") {
      // Following is a first hello: the welcome and the menu (the "menu" command says both).
      text = "menu";
      updateKey = `follow:${event.userId}:${event.timestamp}`;
    } else {
      if (hasNul(event.text)) {
        log.warn("zalo_oa.event_ignored", { messageId: event.messageId, reason: "nul" });
        return;
      }
      text = cutToLength(normalizeText(event.text), ZALO_OA_TEXT_LIMIT);
      updateKey = event.messageId;
    }
    const result = await processInbound(db, {
      channel: "zalo_oa",
      platformId: event.userId,
      text,
      updateKey,
      queueReplies: true,
      qa: { defaultUnitCode: config.QA_DEFAULT_UNIT, dueWorkingDays: config.QA_DUE_WORKING_DAYS },
    });
    if (result.status === "duplicate") return;
    // Messages that waited for this person to write again go first, then the answer. Sending is paced, so it
    // runs on its own: the replies are safe in the outbox, and the next event need not wait for them.
    const released = result.newContact ? [] : await releaseAwaiting(db, result.contactId);
    if (result.outboxId !== undefined) {
      later(deliver([...released, result.outboxId]));
    } else {
      if (released.length > 0) later(deliver(released));
      // The person's data was just erased (no outbox left for them): acknowledge directly, once.
      if (result.replies.length > 0) later(sendDirect(event.userId, result.replies));
    }
  }

  const later = (work: Promise<unknown>) =>
    options.background(work.catch((error) => log.error("zalo_oa.delivery_failed", describeError(error))));

  async function sendDirect(userId: string, replies: Reply[]) {
    for (const part of channel.render(replies)) await channel.send(userId, part, AbortSignal.timeout(30_000));
  }

  /**
   * Handles an event after the webhook has answered; tries again when something failed on the way. Past
   * MAX_IN_FLIGHT events still being handled, the webhook waits for this one before answering: a burst slows the
   * answers down (Zalo allows about 2 s) instead of piling work up in memory.
   */
  function receive(event: ZaloOaEvent): Promise<void> {
    const delays = options.retryDelaysMs ?? [250, 1000, 4000];
    inFlight++;
    const work = (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          await handle(event);
          return;
        } catch (error) {
          // Processing is idempotent (the update key), so another try cannot answer twice.
          if (attempt >= delays.length) {
            log.error("zalo_oa.event_failed", { kind: event.kind, ...describeError(error) });
            return;
          }
          await new Promise((r) => setTimeout(r, delays[attempt]));
        }
      }
    })().finally(() => inFlight--);
    options.background(work);
    return inFlight > MAX_IN_FLIGHT ? work : Promise.resolve();
  }

  /** Hourly: refresh the token pair ahead of expiry, so an OA nobody writes to keeps a living refresh token. */
  async function maintain(): Promise<Record<string, number>> {
    try {
      return { tokensRefreshed: (await tokens.keepFresh()) ? 1 : 0 };
    } catch (error) {
      if (error instanceof OaNotAuthorizedError) return { notAuthorized: 1 };
      throw error;
    }
  }

  return {
    channel,
    tokens,
    deliver,
    maintain,
    receive: (update: unknown) => receive(update as ZaloOaEvent),
    /** For tests and the route: handle one event now and wait for it. */
    handle,
  } satisfies ChannelRuntime & Record<string, unknown>;
}

export type ZaloOa = ReturnType<typeof createZaloOa>;

/** Rejects when `signal` aborts first, so a wait for a token never outlives the delivery claim it serves. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

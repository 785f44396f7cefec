// The Zalo personal-account gateway: a long-lived zca-js connection (Node only). Messages from its listener go
// through processInbound with Zalo's message id as the update key; replies are queued in the outbox and sent by
// the shared delivery loop, slowly, one delivery at a time.
//
// The connection is kept up with backoff after drops (and a fresh login after repeated ones). While it is down,
// deliver() claims nothing, so no queued row burns an attempt; once it is back, what was queued goes out. When
// another session takes the account (Zalo Web or PC opened elsewhere: close codes 3000 and 3003) the gateway stops
// for good and says so in the log, in /health ("replaced") and in the saved session's state, instead of fighting
// for the account (two sessions kicking each other is what gets an account locked).
import type { Db } from "../../db/db";
import {
  createPacer,
  type DeliveryReport,
  deliverOutbox,
  type PacingLimits,
  type SendFailure,
} from "../../src/conversations/delivery";
import { processInbound, type InboundMessage } from "../../src/conversations/process-inbound";
import type { Reply } from "../../src/engine/replies";
import { describeError, type Logger } from "../../src/log";
import type { ChannelRuntime } from "../../src/services";
import { cutToLength } from "../../src/text/graphemes";
import { hasNul, normalizeText } from "../../src/text/vietnamese";
import type { SendingChannel } from "../channel";
import type { ZaloCredentials } from "./credentials-box";
import { GROUP_PREFIX, isPrivateOnly, PRIVATE_ONLY_NOTE } from "./group-guard";
import { describeMessageIssues, GROUP_THREAD, textForBot, USER_THREAD, zaloMessageSchema } from "./message-schema";
import { renderZaloPersonal, ZALO_PERSONAL_TEXT_LIMIT, type ZaloPart } from "./render";
import { markZaloSession } from "./session-store";
import { isLoginRefused, type ZcaApi, type ZcaConnection } from "./zca-client";

/** zca-js's CloseReason.DuplicateConnection and KickConnection: another session has the account now. */
export const REPLACED_CLOSE_CODES: ReadonlySet<number> = new Set([3000, 3003]);

export type ZaloGatewayState = "starting" | "connected" | "reconnecting" | "replaced" | "logged_out" | "stopped";

export interface ReconnectPolicy {
  /** First wait after a drop; doubled after each failed try, up to maxMs, with jitter. */
  initialMs: number;
  maxMs: number;
  /** After this many failed reconnects in a row, log in again from the credentials (new service map, new socket). */
  reloginAfter: number;
  /** Logins Zalo refuses in a row before the session counts as logged out. */
  refusalsBeforeLoggedOut: number;
  /** A connection that stayed up this long resets the backoff; a flapping one keeps backing off. */
  stableMs: number;
}

export const DEFAULT_RECONNECT: ReconnectPolicy = {
  initialMs: 2_000,
  maxMs: 5 * 60_000,
  reloginAfter: 4,
  refusalsBeforeLoggedOut: 3,
  stableMs: 60_000,
};

/**
 * A personal account must look like a person: at most `messagesPerMinute` over all chats (no burst: the bucket
 * holds less than one message), and one message every 3 seconds in a chat.
 */
export function zaloPersonalPacing(messagesPerMinute: number): PacingLimits {
  const perSecond = messagesPerMinute / 60;
  return { perSecond, perChatPerSecond: Math.min(perSecond, 1 / 3), perChatBurst: 1 };
}

export interface ZaloGatewayOptions {
  db: Db;
  log: Logger;
  /** Logs in (from the saved credentials) and returns the session; called at start and for a fresh login. */
  connect: () => Promise<ZcaConnection>;
  /** The row of zalo_personal_sessions this account is saved in. */
  account?: string;
  /** ZALO_PERSONAL_MESSAGES_PER_MINUTE (default 20). */
  messagesPerMinute?: number;
  /** Where escalated questions go and when they are due (QA_DEFAULT_UNIT, QA_DUE_WORKING_DAYS). */
  qa?: InboundMessage["qa"];
  /** Overrides of the pacing (tests). */
  pacing?: Partial<PacingLimits>;
  reconnect?: Partial<ReconnectPolicy>;
  /** Saves refreshed credentials (after each login and at stop), so the next start logs in with current cookies. */
  persistCredentials?: (credentials: ZaloCredentials, ownId: string) => Promise<void>;
  /** How long a delivery claim holds without being renewed (tests shorten it). */
  leaseMs?: number;
  random?: () => number;
  now?: () => Date;
}

/** Thrown by send while the connection is down: the row waits (not an attempt's worth of failure). */
class GatewayOffline extends Error {
  constructor() {
    super("zalo gateway offline");
    this.name = "GatewayOffline";
  }
}

const OFFLINE_RETRY_SECONDS = 5;

/** Node's and undici's codes for a connection that never opened: the message certainly did not leave. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    depth++;
  }
  return undefined;
}

/**
 * A send whose outcome is unknown: the request may have reached Zalo and the answer was lost (a timeout, a socket
 * reset mid-request). It is counted as sent and logged, never sent again: a personal account that repeats itself
 * looks like spam to Zalo (it refuses identical messages in a short time and may lock the account), and a person
 * who missed a reply simply writes again. Connections that never opened are not unknown: they are retried.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (error instanceof GatewayOffline) return false;
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") return true;
  const code = errorCode(error);
  if (code !== undefined && NOT_SENT_CODES.has(code)) return false;
  // undici's "fetch failed" after the request went out: reset, closed socket, headers or body timing out.
  return code === "ECONNRESET" || code === "EPIPE" || (code?.startsWith("UND_ERR_") ?? false);
}

/** zca-js's and the network's failures mapped to what the delivery loop does next. Codes only: never Zalo's text. */
export function describeZaloError(error: unknown): SendFailure {
  if (error instanceof GatewayOffline) {
    return { kind: "rate_limited", retryAfterSeconds: OFFLINE_RETRY_SECONDS, code: "offline" };
  }
  if (error instanceof Error && error.name === "ZcaApiError") {
    const zaloCode = (error as Error & { code?: unknown }).code;
    // 122: the person does not take messages from strangers (or blocked the account).
    if (zaloCode === 122) return { kind: "blocked", code: "zalo_122" };
    if (typeof zaloCode === "number") return { kind: "permanent", code: `zalo_${zaloCode}` };
    const status = /status code (\d{3})/.exec(error.message)?.[1];
    if (status === "429") return { kind: "rate_limited", retryAfterSeconds: 60, code: "http_429" };
    if (status) return { kind: Number(status) >= 500 ? "transient" : "permanent", code: `http_${status}` };
    // An answer that did not decode: Zalo had trouble, the message was not taken.
    if (/parse response/i.test(error.message)) return { kind: "transient", code: "bad_response" };
    return { kind: "permanent", code: "zalo_error" };
  }
  const code = errorCode(error);
  return { kind: "transient", code: code ?? (error instanceof Error ? error.name : "unknown") };
}

/** Where a contact's messages go: a person's chat, or a group the bot answered in ("group:<id>"). */
function target(platformId: string): { threadId: string; type: typeof USER_THREAD | typeof GROUP_THREAD } {
  return platformId.startsWith(GROUP_PREFIX)
    ? { threadId: platformId.slice(GROUP_PREFIX.length), type: GROUP_THREAD }
    : { threadId: platformId, type: USER_THREAD };
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

const NO_DELIVERY: DeliveryReport = { delivered: 0, deferred: 0, failed: 0, lost: 0, waiting: 0 };
const RECENT_NOTES = 1_000;

export function createZaloPersonalGateway(options: ZaloGatewayOptions) {
  const { db, log } = options;
  const account = options.account ?? "default";
  const policy: ReconnectPolicy = { ...DEFAULT_RECONNECT, ...options.reconnect };
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());

  let state: ZaloGatewayState = "starting";
  let connection: ZcaConnection | undefined;
  let ownId = "";
  /** Bumped for every connection: events of a listener given up on are ignored. */
  let generation = 0;
  let failures = 0;
  let refusals = 0;
  let connectedAt: number | undefined;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let halted = false;
  /** Deliveries run one after another: a personal account never sends two things at once. */
  let deliveries: Promise<unknown> = Promise.resolve();
  const background = new Set<Promise<unknown>>();
  /** Ends the delivery loop's in-place waits at once when the gateway stops, so stopping never hangs on them. */
  const stopping = new AbortController();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        stopping.signal.removeEventListener("abort", done);
        resolve();
      }
      stopping.signal.addEventListener("abort", done, { once: true });
    });
  /** Group messages answered with the private-chat note, so a message seen twice is answered once. */
  const noted = new Set<string>();

  const track = (work: Promise<unknown>) => {
    const guarded = work.catch((error) => log.error("zalo.background_failed", describeError(error)));
    background.add(guarded);
    void guarded.finally(() => background.delete(guarded));
  };

  const channel: SendingChannel<ZaloPart> = {
    name: "zalo",
    capabilities: { buttons: false, maxTextLength: ZALO_PERSONAL_TEXT_LIMIT, push: true },
    pacing: { ...zaloPersonalPacing(options.messagesPerMinute ?? 20), ...options.pacing },
    render: renderZaloPersonal,
    async send(platformId, part, signal) {
      const api = connection?.api;
      if (state !== "connected" || !api) throw new GatewayOffline();
      const to = target(platformId);
      try {
        await untilAborted(api.sendMessage({ msg: part.text }, to.threadId, to.type), signal);
      } catch (error) {
        if (!isOutcomeUnknown(error)) throw error;
        log.warn("zalo.send_outcome_unknown", { ...describeError(error), counted: "sent" });
      }
    },
    describeError: describeZaloError,
  };
  const pacer = createPacer(channel.pacing);

  /** Sends what the outbox holds for Zalo (only `ids` when given); nothing at all while disconnected. */
  const deliver = (ids?: number[]): Promise<DeliveryReport> => {
    if (state !== "connected") return Promise.resolve({ ...NO_DELIVERY });
    const run = deliveries.then(() =>
      state === "connected"
        ? deliverOutbox(db, channel, { ids, pacer, sleep, log, leaseMs: options.leaseMs })
        : { ...NO_DELIVERY },
    );
    deliveries = run.catch(() => undefined);
    return run;
  };

  async function sendNote(platformId: string, replies: Reply[]) {
    for (const part of channel.render(replies)) {
      await pacer.wait(platformId);
      await channel.send(platformId, part, AbortSignal.timeout(30_000));
    }
  }

  async function onMessage(raw: unknown) {
    const checked = zaloMessageSchema.safeParse(raw);
    if (!checked.success) {
      log.warn("zalo.message_ignored", { reason: describeMessageIssues(checked.error) });
      return;
    }
    const message = checked.data;
    if (message.isSelf || message.data.uidFrom === ownId) return;
    if (typeof message.data.content !== "string") {
      log.debug("zalo.message_ignored", { reason: "not_text" });
      return;
    }
    let text: string | null = message.data.content;
    let platformId = message.threadId;
    if (message.type === GROUP_THREAD) {
      // Group chatter is not for the bot: only messages that mention it are read.
      text = textForBot(message, text, ownId);
      if (text === null) return;
      platformId = `${GROUP_PREFIX}${message.threadId}`;
    }
    if (hasNul(text)) {
      log.warn("zalo.message_ignored", { reason: "nul" });
      return;
    }
    text = cutToLength(normalizeText(text), ZALO_PERSONAL_TEXT_LIMIT);
    if (message.type === GROUP_THREAD && (await isPrivateOnly(db, platformId, text))) {
      if (noted.has(message.data.msgId)) return;
      if (noted.size >= RECENT_NOTES) noted.clear();
      noted.add(message.data.msgId);
      track(sendNote(platformId, [{ text: PRIVATE_ONLY_NOTE }]));
      return;
    }
    const result = await processInbound(db, {
      channel: "zalo",
      platformId,
      text,
      updateKey: message.data.msgId,
      locale: "vi",
      queueReplies: true,
      qa: options.qa,
    });
    if (result.status === "duplicate") return;
    if (result.outboxId !== undefined) {
      track(deliver([result.outboxId]));
    } else if (result.replies.length > 0) {
      // The person's data was just erased (no outbox left for them): acknowledge directly, once.
      track(sendNote(platformId, result.replies));
    }
  }

  function attach(current: ZcaConnection) {
    const mine = ++generation;
    const live = () => mine === generation && !halted;
    const { listener } = current.api;
    listener.on("connected", () => {
      if (!live()) return;
      state = "connected";
      connectedAt = Date.now();
      log.info("zalo.connected", { retries: failures });
      // Whatever was queued while the connection was down goes out now.
      track(deliver());
    });
    listener.on("disconnected", (code) => {
      if (!live()) return;
      if (state === "connected") state = "reconnecting";
      log.warn("zalo.disconnected", { code });
    });
    listener.on("closed", (code) => {
      if (!live()) return;
      if (REPLACED_CLOSE_CODES.has(code)) track(halt("replaced", code));
      else scheduleReconnect();
    });
    listener.on("error", (error) => {
      if (!live()) return;
      log.warn("zalo.listener_error", describeError(error));
    });
    listener.on("message", (message) => {
      if (!live()) return;
      track(onMessage(message).catch((error) => log.error("zalo.message_failed", { ...describeError(error) })));
    });
  }

  /** Logs in, then opens the listener; a failure schedules another try (or, refused often enough, stops). */
  async function login(): Promise<void> {
    try {
      const fresh = await options.connect();
      if (halted) {
        fresh.api.listener.stop();
        return;
      }
      refusals = 0;
      if (connection) detach(connection.api);
      connection = fresh;
      ownId = fresh.api.getOwnId();
      attach(fresh);
      fresh.api.listener.start({ retryOnClose: false });
      if (fresh.credentials && options.persistCredentials) {
        track(options.persistCredentials(fresh.credentials(), ownId));
      }
    } catch (error) {
      if (halted) return;
      if (isLoginRefused(error) && ++refusals >= policy.refusalsBeforeLoggedOut) {
        await halt("logged_out");
        return;
      }
      log.warn("zalo.login_failed", { ...describeError(error), refusals });
      scheduleReconnect();
    }
  }

  function detach(api: ZcaApi) {
    generation++;
    api.listener.removeAllListeners();
    try {
      api.listener.stop();
    } catch {
      // Already closed.
    }
  }

  function scheduleReconnect() {
    if (halted) return;
    state = "reconnecting";
    // A connection that held for a while earns a fresh start of the backoff; a flapping one does not.
    if (connectedAt !== undefined && Date.now() - connectedAt >= policy.stableMs) failures = 0;
    connectedAt = undefined;
    failures++;
    const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(failures - 1, 30));
    const delay = Math.round(base * (0.5 + random() * 0.5));
    log.info("zalo.reconnect_scheduled", { attempt: failures, delayMs: delay });
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      if (halted) return;
      if (!connection || failures % policy.reloginAfter === 0) {
        track(login());
        return;
      }
      try {
        connection.api.listener.start({ retryOnClose: false });
      } catch (error) {
        log.warn("zalo.reconnect_failed", describeError(error));
        scheduleReconnect();
      }
    }, delay);
  }

  /** Stops for good: another session took the account, Zalo ended the session, or the server is stopping. */
  async function halt(reason: "replaced" | "logged_out" | "stopped", code?: number) {
    if (halted) return;
    halted = true;
    state = reason;
    stopping.abort();
    clearTimeout(reconnectTimer);
    const api = connection?.api;
    if (api) detach(api);
    if (reason === "stopped") return;
    log.error(reason === "replaced" ? "zalo.session_replaced" : "zalo.session_logged_out", {
      code,
      hint:
        reason === "replaced"
          ? "Tài khoản Zalo đã được mở ở nơi khác (Zalo Web/PC); cổng Zalo dừng lại để không tranh phiên. " +
            "Chạy npm run zalo:login rồi khởi động lại máy chủ để dùng lại."
          : "Zalo không chấp nhận phiên đã lưu nữa; cổng Zalo dừng lại. Chạy npm run zalo:login để đăng nhập lại.",
    });
    await markZaloSession(db, account, reason, now());
  }

  return {
    channel,
    deliver,
    health: (): string => state,
    /** Logs in and starts listening; never throws (failures are logged and retried in the background). */
    async start(): Promise<void> {
      await login();
    },
    /** Stops listening, lets running work finish and keeps the current cookies for the next start. */
    async stop(): Promise<void> {
      const current = connection;
      const wasActive = !halted;
      await halt("stopped");
      await Promise.allSettled([...background]);
      await deliveries;
      if (wasActive && current?.credentials && options.persistCredentials && ownId) {
        await options.persistCredentials(current.credentials(), ownId).catch((error) => {
          log.warn("zalo.credentials_not_saved", describeError(error));
        });
      }
    },
  } satisfies ChannelRuntime & Record<string, unknown>;
}

export type ZaloPersonalGateway = ReturnType<typeof createZaloPersonalGateway>;

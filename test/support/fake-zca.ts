// A stand-in for Zalo behind zca-js: the slice of zca-js's API and listener the gateway uses, typed from zca-js's
// own definitions (so it cannot drift from the real shapes), with messages built by zca-js's own UserMessage and
// GroupMessage classes. A test plays Zalo: it connects and drops the socket, delivers messages, takes the account
// from another session, refuses logins and fails sends.
import { EventEmitter } from "node:events";
import {
  GroupMessage,
  type Message,
  type TGroupMessage,
  type TMessage,
  ThreadType,
  UserMessage,
  ZaloApiError,
} from "zca-js";
import type { ZaloCredentials } from "../../bots/zalo-personal/credentials-box";
import type { ZcaApi, ZcaConnection, ZcaListener, ZcaListenerEvents } from "../../bots/zalo-personal/zca-client";

export const BOT_ID = "8000000000000000001";

export const FAKE_CREDENTIALS: ZaloCredentials = {
  imei: "3f1c2a54-0000-4000-8000-000000000000-0123456789abcdef0123456789abcdef",
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  language: "vi",
  cookie: [{ key: "zpw_sek", value: "fake-session-cookie", domain: "chat.zalo.me", path: "/" }],
};

/** What the next start of the socket does: open, or fail to connect (closed 1006 without opening). */
export type StartOutcome = "open" | "fail";

export class FakeListener extends EventEmitter<ZcaListenerEvents> implements ZcaListener {
  starts = 0;
  running = false;
  outcomes: StartOutcome[] = [];

  start(): void {
    // zca-js refuses a second start while its socket is open.
    if (this.running) throw new ZaloApiError("Already started");
    this.starts++;
    this.running = true;
    const outcome = this.outcomes.shift() ?? "open";
    setImmediate(() => (outcome === "open" ? this.emit("connected") : this.drop(1006)));
  }

  stop(): void {
    if (this.running) this.drop(1000);
  }

  /** The socket closes: zca-js emits disconnected, then (not retrying itself) closed. */
  drop(code: number, reason = ""): void {
    this.running = false;
    this.emit("disconnected", code, reason);
    this.emit("closed", code, reason);
  }
}

type SendMessage = ZcaApi["sendMessage"];

export interface SentMessage {
  text: string;
  threadId: string;
  type: ThreadType;
}

export class FakeZcaApi implements ZcaApi {
  readonly listener = new FakeListener();
  /**
   * What each next send does instead of succeeding: an error to throw, "hang" (Zalo took the message, the answer
   * never comes), or a function run at that moment whose return value is thrown (e.g. drop the socket first).
   */
  failures: Array<unknown | "hang" | (() => unknown)> = [];

  constructor(
    private readonly world: FakeZalo,
    private readonly ownId: string,
  ) {}

  getOwnId = (): string => this.ownId;

  sendMessage: SendMessage = async (message, threadId, type = ThreadType.User) => {
    const failure = this.failures.shift();
    if (failure === "hang") {
      // Zalo took the message but the answer never came (the gateway counts it as sent).
      this.world.sent.push({ text: typeof message === "string" ? message : message.msg, threadId, type });
      return new Promise<never>(() => {});
    }
    if (typeof failure === "function") throw failure();
    if (failure !== undefined) throw failure;
    this.world.sent.push({ text: typeof message === "string" ? message : message.msg, threadId, type });
    return { message: { msgId: this.world.sent.length }, attachment: [] };
  };
}

let messageSeq = 7_000_000_000_000;

function messageData(from: string, to: string, content: string | Record<string, unknown>, msgId?: string): TMessage {
  const id = msgId ?? String(messageSeq++);
  return {
    actionId: id,
    msgId: id,
    cliMsgId: id,
    msgType: typeof content === "string" ? "webchat" : "chat.photo",
    uidFrom: from,
    idTo: to,
    dName: "Người dân",
    ts: String(Date.now()),
    status: 1,
    content,
    notify: "1",
    ttl: 0,
    userId: "0",
    uin: "0",
    topOut: "0",
    topOutTimeOut: "0",
    topOutImprTimeOut: "0",
    propertyExt: undefined,
    paramsExt: { countUnread: 1, containType: 0, platformType: 1 },
    cmd: 501,
    st: 3,
    at: 5,
    realMsgId: "0",
    quote: undefined,
  };
}

/** Zalo as the gateway sees it: logins, the current session's socket, and every message sent. */
export class FakeZalo {
  logins = 0;
  readonly sessions: FakeZcaApi[] = [];
  readonly sent: SentMessage[] = [];
  /** Errors the next logins throw (a ZaloApiError is Zalo refusing; a TypeError a network failure). */
  loginFailures: unknown[] = [];
  /** What the first socket start of each new session does. */
  firstStarts: StartOutcome[] = [];

  constructor(readonly ownId = BOT_ID) {}

  readonly connect = async (): Promise<ZcaConnection> => {
    this.logins++;
    const failure = this.loginFailures.shift();
    if (failure !== undefined) throw failure;
    const api = new FakeZcaApi(this, this.ownId);
    api.listener.outcomes.push(...this.firstStarts.splice(0));
    this.sessions.push(api);
    return {
      api,
      credentials: () => ({ ...FAKE_CREDENTIALS, cookie: [{ key: "zpw_sek", value: `refreshed-${this.logins}` }] }),
    };
  };

  get current(): FakeZcaApi {
    const api = this.sessions.at(-1);
    if (!api) throw new Error("no session yet");
    return api;
  }

  /** A person writes to the account. Returns the message id. */
  direct(from: string, content: string | Record<string, unknown>, msgId?: string): string {
    const message: Message = new UserMessage(this.ownId, messageData(from, "0", content, msgId));
    this.current.listener.emit("message", message);
    return message.data.msgId;
  }

  /** Someone writes in a group; `mention` names the members mentioned ("@Loa" at the start for the bot). */
  group(groupId: string, from: string, content: string, mentions: Array<{ uid: string; text: string }> = []) {
    const data: TGroupMessage = {
      ...messageData(from, groupId, content),
      mentions: mentions.map((m) => ({ uid: m.uid, pos: content.indexOf(m.text), len: m.text.length, type: 0 })),
    };
    const message: Message = new GroupMessage(this.ownId, data);
    this.current.listener.emit("message", message);
    return message.data.msgId;
  }

  sentTo(threadId: string): SentMessage[] {
    return this.sent.filter((m) => m.threadId === threadId);
  }
}

/** A network failure before the request left (fetch's TypeError with the system error as its cause). */
export function connectionRefused(): TypeError {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
  });
}

// The Telegram channel with telegraf: updates in (webhook or long polling), checked, then the engine through
// processInbound, and replies out through the outbox and the shared delivery loop. The only module that imports
// telegraf.
import { Telegraf, TelegramError } from "telegraf";
import type { Update } from "telegraf/types";
import type { Db } from "../../db/db";
import {
  createPacer,
  deliverOutbox,
  type DeliveryReport,
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
import { renderTelegram, TELEGRAM_TEXT_LIMIT, type TelegramPart } from "./render";
import { describeUpdateIssues, telegramUpdateSchema } from "./update-schema";

/** Telegram's documented limits: about 30 messages a second overall and one a second in a chat (short bursts pass). */
export const TELEGRAM_PACING: PacingLimits = { perSecond: 25, perChatPerSecond: 1, perChatBurst: 3 };

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  username: string;
  db: Db;
  log: Logger;
  /** Where delivery work goes when it should not hold up the update (Workers: ctx.waitUntil). */
  background?: (work: Promise<unknown>) => void;
  /** Let a failed update fail the request (webhooks), rather than only logging it (polling). */
  rethrow?: boolean;
  /** How fast to send (defaults: TELEGRAM_PACING). */
  pacing?: Partial<PacingLimits>;
  /** How long a delivery claim holds without being renewed (tests shorten it). */
  leaseMs?: number;
  /** Where escalated questions go and when they are due (QA_DEFAULT_UNIT, QA_DUE_WORKING_DAYS). */
  qa?: InboundMessage["qa"];
}

/** The bot commands Telegram shows in its menu (registered by `npm run telegram:webhook`). */
export const botCommands = [
  { command: "start", description: "Bắt đầu, về menu chính" },
  { command: "menu", description: "Menu chính" },
  { command: "khaosat", description: "Tham gia khảo sát" },
  { command: "hoi", description: "Tìm quy định pháp luật" },
  { command: "huy", description: "Hủy việc đang làm" },
  { command: "dangky", description: "Đăng ký nhận tin pháp luật" },
  { command: "dung", description: "Dừng nhận tin" },
  { command: "xoadulieu", description: "Xóa dữ liệu của tôi" },
];

const commandText: Record<string, string> = {
  menu: "menu",
  khaosat: "survey",
  hoi: "search",
  huy: "hủy",
  xoadulieu: "xóa dữ liệu",
  dangky: "đăng ký nhận tin",
  dung: "dừng",
  help: "giúp",
};

/** What a message or button press means to the engine: commands and deep links become engine words. */
export function inboundText(update: Update): string | null {
  if ("callback_query" in update) {
    const data = "data" in update.callback_query ? update.callback_query.data : undefined;
    return typeof data === "string" ? data : null;
  }
  if (!("message" in update) || !("text" in update.message) || typeof update.message.text !== "string") return null;
  const text = update.message.text;
  const command = /^\/([a-z]+)(?:@\w+)?(?:\s+(.*))?$/i.exec(text.trim());
  if (!command) return text;
  const [, name, payload] = command;
  if (name!.toLowerCase() === "start") {
    // Deep links: t.me/<bot>?start=survey_<key> (Telegram allows only [A-Za-z0-9_-] in the payload).
    if (payload && /^survey_[a-z0-9_]+$/.test(payload)) return `survey:${payload.slice("survey_".length)}`;
    return "menu";
  }
  return commandText[name!.toLowerCase()] ?? text;
}

/** Telegram's answer mapped to what the delivery loop does next. Only the status goes on: the text may quote ours. */
export function describeTelegramError(error: unknown): SendFailure {
  if (error instanceof TelegramError) {
    const status = error.code;
    const code = `http_${status}`;
    if (status === 403) return { kind: "blocked", code };
    if (status === 429) return { kind: "rate_limited", retryAfterSeconds: error.parameters?.retry_after ?? 1, code };
    return { kind: status >= 500 ? "transient" : "permanent", code };
  }
  // Network failures, timeouts and aborts: worth another try.
  const errno = (error as { code?: unknown } | null)?.code;
  const name = error instanceof Error ? error.name : "unknown";
  return { kind: "transient", code: typeof errno === "string" ? errno : name };
}

export function createTelegramBot(options: TelegramOptions) {
  const botId = Number(options.token.split(":")[0]);
  const bot = new Telegraf(options.token, {
    telegram: { apiRoot: options.apiRoot, webhookReply: false },
    // Preset: no getMe round trip per update (on Workers the bot is made per request).
    handlerTimeout: 60_000,
  });
  bot.botInfo = {
    id: Number.isFinite(botId) ? botId : 0,
    is_bot: true,
    first_name: "Loa",
    username: options.username,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };

  const channel: SendingChannel<TelegramPart> = {
    name: "telegram",
    capabilities: { buttons: true, maxTextLength: TELEGRAM_TEXT_LIMIT, push: true },
    pacing: { ...TELEGRAM_PACING, ...options.pacing },
    render: renderTelegram,
    async send(chatId, part, signal) {
      await bot.telegram.callApi(
        "sendMessage",
        {
          chat_id: chatId,
          text: part.text,
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(part.replyMarkup ? { reply_markup: part.replyMarkup } : {}),
        },
        // telegraf types its signal with the abort-controller polyfill; node-fetch takes the platform's own.
        { signal: signal as never },
      );
    },
    describeError: describeTelegramError,
  };
  // One pacer per bot: on Node the bot lives as long as the server, so the limits hold across deliveries.
  const pacer = createPacer(channel.pacing);

  const deliver = (ids?: number[]): Promise<DeliveryReport> =>
    deliverOutbox(options.db, channel, { ids, pacer, log: options.log, leaseMs: options.leaseMs });

  const later = (work: Promise<unknown>) => {
    const guarded = work.catch((error) => options.log.error("telegram.delivery_failed", describeError(error)));
    if (options.background) options.background(guarded);
  };

  // Every update passes here first, from the webhook and from long polling alike: what is not understood is
  // acknowledged and dropped (a retry would be just as malformed), logged by its id and the bad fields' paths.
  bot.use(async (ctx, next) => {
    const checked = telegramUpdateSchema.safeParse(ctx.update);
    if (!checked.success) {
      const updateId = (ctx.update as { update_id?: unknown }).update_id;
      options.log.warn("telegram.update_ignored", { updateId, reason: describeUpdateIssues(checked.error) });
      return;
    }
    await next();
  });

  bot.on(["message", "callback_query"], async (ctx) => {
    const raw = inboundText(ctx.update);
    const chatId = ctx.chat?.id;
    if (ctx.callbackQuery) {
      // Stop the button's spinner at once; the answer follows as a message.
      await ctx.answerCbQuery().catch(() => undefined);
    }
    if (raw === null || chatId === undefined) return;
    if (hasNul(raw)) {
      options.log.warn("telegram.update_ignored", { updateId: ctx.update.update_id, reason: "nul" });
      return;
    }
    const result = await processInbound(options.db, {
      channel: "telegram",
      platformId: String(chatId),
      text: cutToLength(normalizeText(raw), TELEGRAM_TEXT_LIMIT),
      updateKey: String(ctx.update.update_id),
      locale: ctx.from?.language_code === "vi" || !ctx.from?.language_code ? "vi" : ctx.from.language_code,
      queueReplies: true,
      qa: options.qa,
    });
    if (result.status === "duplicate") return;
    if (result.outboxId !== undefined) {
      later(deliver([result.outboxId]));
    } else if (result.replies.length > 0) {
      // The person's data was just erased (no outbox left for them): acknowledge directly, once.
      later(sendDirect(channel, String(chatId), result.replies));
    }
  });

  // The error boundary: logged with the update's id. For a webhook the error goes on to a 500, so Telegram delivers
  // the update again (its dedupe key was rolled back with the failed transaction); polling just logs and goes on.
  bot.catch((error, ctx) => {
    options.log.error("telegram.update_failed", { updateId: ctx.update.update_id, ...describeError(error) });
    if (options.rethrow) throw error;
  });

  const receive = (update: unknown) => bot.handleUpdate(update as Update);
  return { bot, channel, deliver, receive } satisfies ChannelRuntime & Record<string, unknown>;
}

async function sendDirect(channel: SendingChannel<TelegramPart>, chatId: string, replies: Reply[]) {
  for (const part of channel.render(replies)) await channel.send(chatId, part, AbortSignal.timeout(30_000));
}

export type TelegramBot = ReturnType<typeof createTelegramBot>;

/** Registers (or removes) the webhook and the command list: what `npm run telegram:webhook` does. */
export async function configureWebhook(
  options: { token: string; apiRoot: string },
  target: { url: string; secret: string } | "delete",
): Promise<void> {
  const { telegram } = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot } });
  if (target === "delete") {
    await telegram.deleteWebhook();
    return;
  }
  await telegram.setWebhook(target.url, {
    secret_token: target.secret,
    allowed_updates: ["message", "callback_query"],
  });
  await telegram.setMyCommands(botCommands);
}

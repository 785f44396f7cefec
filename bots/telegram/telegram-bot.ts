// The Telegram channel with telegraf: updates in (webhook or long polling), the engine through processInbound, and
// replies out through the outbox. The only module that imports telegraf.
import { Telegraf, TelegramError } from "telegraf";
import type { Update } from "telegraf/types";
import type { Db } from "../../db/db";
import { processInbound } from "../../src/conversations/process-inbound";
import { describeError, type Logger } from "../../src/log";
import type { ChannelAdapter } from "../channel";
import type { Reply } from "../../src/engine/replies";
import { deliverTelegramOutbox, type DeliveryReport, type SendFailure, type TelegramSender } from "./delivery";
import { renderTelegram, TELEGRAM_TEXT_LIMIT, type TelegramPart } from "./render";

export const telegramChannel: ChannelAdapter<TelegramPart> = {
  name: "telegram",
  capabilities: { buttons: true, maxTextLength: TELEGRAM_TEXT_LIMIT, push: true },
  render: renderTelegram,
};

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
}

/** The bot commands Telegram shows in its menu (registered by `npm run telegram:webhook`). */
export const botCommands = [
  { command: "start", description: "Bắt đầu, về menu chính" },
  { command: "menu", description: "Menu chính" },
  { command: "khaosat", description: "Tham gia khảo sát" },
  { command: "hoi", description: "Tìm quy định pháp luật" },
  { command: "huy", description: "Hủy việc đang làm" },
  { command: "xoadulieu", description: "Xóa dữ liệu của tôi" },
];

const commandText: Record<string, string> = {
  menu: "menu",
  khaosat: "survey",
  hoi: "search",
  huy: "hủy",
  xoadulieu: "xóa dữ liệu",
  help: "giúp",
};

/** What a message or button press means to the engine: commands and deep links become engine words. */
export function inboundText(update: Update): string | null {
  if ("callback_query" in update) return "data" in update.callback_query ? update.callback_query.data : null;
  if (!("message" in update) || !("text" in update.message)) return null;
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

export function describeTelegramError(error: unknown): SendFailure {
  if (error instanceof TelegramError) {
    return {
      status: error.code,
      retryAfterSeconds: error.parameters?.retry_after ?? null,
      description: error.description,
    };
  }
  return { status: null, retryAfterSeconds: null, description: describeError(error).message };
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

  const sender: TelegramSender = {
    async send(chatId, part) {
      await bot.telegram.sendMessage(chatId, part.text, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(part.replyMarkup ? { reply_markup: part.replyMarkup } : {}),
      });
    },
  };

  const deliver = (ids?: number[]): Promise<DeliveryReport> =>
    deliverTelegramOutbox(options.db, sender, { ids, describeError: describeTelegramError, log: options.log });

  const later = (work: Promise<unknown>) => {
    const guarded = work.catch((error) => options.log.error("telegram.delivery_failed", describeError(error)));
    if (options.background) options.background(guarded);
  };

  bot.on(["message", "callback_query"], async (ctx) => {
    const text = inboundText(ctx.update);
    const chatId = ctx.chat?.id;
    if (ctx.callbackQuery) {
      // Stop the button's spinner at once; the answer follows as a message.
      await ctx.answerCbQuery().catch(() => undefined);
    }
    if (text === null || chatId === undefined) return;
    const result = await processInbound(options.db, {
      channel: "telegram",
      platformId: String(chatId),
      text: text.slice(0, 4096),
      updateKey: String(ctx.update.update_id),
      locale: ctx.from?.language_code === "vi" || !ctx.from?.language_code ? "vi" : ctx.from.language_code,
      queueReplies: true,
    });
    if (result.status === "duplicate") return;
    if (result.outboxId !== undefined) {
      later(deliver([result.outboxId]));
    } else if (result.replies.length > 0) {
      // The person's data was just erased (no outbox left for them): acknowledge directly, once.
      later(sendDirect(sender, String(chatId), result.replies));
    }
  });

  // The error boundary: logged with the update's id. For a webhook the error goes on to a 500, so Telegram delivers
  // the update again (its dedupe key was rolled back with the failed transaction); polling just logs and goes on.
  bot.catch((error, ctx) => {
    options.log.error("telegram.update_failed", { updateId: ctx.update.update_id, ...describeError(error) });
    if (options.rethrow) throw error;
  });

  return { bot, deliver, sender };
}

async function sendDirect(sender: TelegramSender, chatId: string, replies: Reply[]) {
  for (const part of renderTelegram(replies)) await sender.send(chatId, part);
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

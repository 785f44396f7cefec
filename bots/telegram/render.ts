// Replies as Telegram messages: HTML-escaped text split under Telegram's 4,096-character limit at paragraph
// boundaries, options as an inline keyboard (one button a row: Vietnamese labels are long) on the last part.

import { splitText as splitAt } from "../split-text";

export const TELEGRAM_TEXT_LIMIT = 4096;
// Room under the limit: escaping grows "&" into "&amp;", and splitting happens before escaping.
const PART_BUDGET = 3800;
const CALLBACK_DATA_LIMIT = 64;

export interface TelegramPart {
  text: string;
  replyMarkup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
}

interface RenderableReply {
  text: string;
  options?: Array<{ label: string; value: string }>;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function splitText(text: string, budget = PART_BUDGET): string[] {
  return splitAt(text, budget);
}

export function renderTelegram(replies: RenderableReply[]): TelegramPart[] {
  const parts: TelegramPart[] = [];
  for (const reply of replies) {
    const chunks = splitText(reply.text.length > 0 ? reply.text : "…").map(
      (chunk) => ({ text: escapeHtml(chunk) }) as TelegramPart,
    );
    const buttons = (reply.options ?? [])
      .filter((o) => new TextEncoder().encode(o.value).length <= CALLBACK_DATA_LIMIT)
      .map((o) => [{ text: o.label, callback_data: o.value }]);
    if (buttons.length > 0) chunks.at(-1)!.replyMarkup = { inline_keyboard: buttons };
    parts.push(...chunks);
  }
  return parts;
}

// Options for channels without buttons (Zalo personal, SMS-like channels): a numbered list under the text. The
// engine takes a bare number as a pick of the option with that position, so the person just types "2".
import type { Reply } from "../src/engine/replies";

export const NUMBERED_LIST_HINT = "Trả lời bằng số thứ tự (ví dụ: 1).";

/** The reply's text followed by "1. …" lines, one per option, and a hint on how to pick. */
export function numberedList(reply: Reply): string {
  const options = reply.options ?? [];
  if (options.length === 0) return reply.text;
  const lines = options.map((option, index) => `${index + 1}. ${option.label}`);
  return [reply.text, lines.join("\n"), NUMBERED_LIST_HINT].filter((block) => block.length > 0).join("\n\n");
}

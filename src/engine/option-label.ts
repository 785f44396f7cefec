// Button labels: every label the engine shows is cut here, on grapheme and word boundaries with "…", so an emoji or
// a letter with its marks is never split (a lone surrogate cannot be stored) and a word is never cut in half.
import { shortenLabel } from "../text/graphemes";

/** Longest label a channel shows on one button without wrapping badly (Telegram, web). */
export const MAX_LABEL = 64;

export function optionLabel(text: string, max = MAX_LABEL): string {
  return shortenLabel(text.replace(/\s+/g, " ").trim(), max);
}

// Replies as Zalo personal-account messages: plain text (zca-js sends no buttons from a personal account), options
// as a numbered list under the text, long replies split at paragraph, line or word boundaries.
import type { Reply } from "../../src/engine/replies";
import { cutToLength } from "../../src/text/graphemes";
import { numberedList } from "../numbered-list";

/**
 * Characters per message. Zalo takes longer texts, but a long wall of text reads badly on a phone and a personal
 * account is safest sending what a person would type; a statute article becomes a few messages.
 */
export const ZALO_PERSONAL_TEXT_LIMIT = 2000;

export interface ZaloPart {
  text: string;
}

/** Splits at paragraph breaks, then line breaks, then spaces; one huge word is cut between graphemes. */
export function splitMessage(text: string, budget = ZALO_PERSONAL_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > budget) {
    const window = cutToLength(rest, budget);
    const cut =
      [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" ")].find((i) => i > budget / 3) ??
      window.length;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

export function renderZaloPersonal(replies: Reply[]): ZaloPart[] {
  const parts: ZaloPart[] = [];
  for (const reply of replies) {
    const text = numberedList(reply);
    // Zalo refuses an empty message; an empty reply still says that something came back.
    for (const chunk of splitMessage(text.trim().length > 0 ? text : "…")) parts.push({ text: chunk });
  }
  return parts;
}

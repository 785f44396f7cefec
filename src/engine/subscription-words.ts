// The words that manage news subscriptions in any channel: subscribe, unsubscribe, see one's subscriptions, name
// one's commune, and the stop words that opt out of everything at once ("dừng", "stop", "hủy đăng ký", …).
//
// Stop words are compared syllable by syllable: a syllable typed without diacritics matches its folded form, one
// typed with diacritics must be the word's own spelling. So "dung" and "dừng" stop, but "đúng" (right), "dùng" (use)
// or "Dũng" (a name), which fold to the same letters, do not: a person who wrote the marks meant another word.
import { foldText } from "../text/vietnamese";

export type SubscriptionWord = "opt_out" | "subscribe" | "unsubscribe" | "list" | "unit";

/** Each phrase: its syllables, each with the spellings accepted (old and new tone placement, "ký"/"kí"). */
type Phrase = string[][];

const phrase = (text: string): Phrase =>
  text.split(" ").map((syllable) => {
    const spellings = [syllable];
    // Old-style tone placement and the i/y spelling people still type.
    const variants: Record<string, string[]> = {
      hủy: ["huỷ"],
      ký: ["kí"],
      kí: ["ký"],
      tùy: ["tuỳ"],
      hòa: ["hoà"],
    };
    spellings.push(...(variants[syllable] ?? []));
    return spellings;
  });

const STOP_PHRASES: Phrase[] = [
  "dừng",
  "dừng nhận tin",
  "dừng gửi tin",
  "dừng nhận",
  "ngừng",
  "ngừng nhận tin",
  "ngừng gửi tin",
  "ngừng nhận",
  "hủy đăng ký",
  "hủy đăng ký nhận tin",
  "hủy tất cả",
  "không nhận tin nữa",
  "thôi nhận tin",
  "stop",
  "unsubscribe",
  "optout",
  "opt out",
  "dungnhantin",
  "huydangky",
].map(phrase);

/** Commands that need no strict spelling: nothing else folds to them. */
const FOLDED_WORDS: Record<string, Exclude<SubscriptionWord, "opt_out">> = {
  "dang ky nhan tin": "subscribe",
  "dang ki nhan tin": "subscribe",
  "dang ky tin": "subscribe",
  "nhan tin phap luat": "subscribe",
  "dang ky nhan tin phap luat": "subscribe",
  subscribe: "subscribe",
  // One-word forms, as Telegram commands: "/dangky", "/tindadangky", "/xacuatoi".
  dangky: "subscribe",
  dangkynhantin: "subscribe",
  huynhantin: "unsubscribe",
  tindadangky: "list",
  xacuatoi: "unit",
  "huy nhan tin": "unsubscribe",
  "bo nhan tin": "unsubscribe",
  "huy dang ky linh vuc": "unsubscribe",
  "tin da dang ky": "list",
  "xem tin da dang ky": "list",
  "dang ky cua toi": "list",
  "xem dang ky": "list",
  subscriptions: "list",
  "xa phuong cua toi": "unit",
  "xa cua toi": "unit",
  "phuong cua toi": "unit",
  "doi xa phuong": "unit",
  "doi xa": "unit",
  "doi phuong": "unit",
  "dia phuong cua toi": "unit",
  commune: "unit",
};

/**
 * The syllables of what was typed, lower case, with a Telegram command's slash and "@bot" suffix and trivial
 * punctuation or emoji around and between words dropped ("/stop@loa_bot", "Dừng!!", "xã/phường của tôi").
 */
function syllablesOf(text: string): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .trim()
    .replace(/^\/([\p{L}\p{N}_]+)@[\w.]+$/u, "$1")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((s) => s.length > 0);
}

/** Each typed syllable is either written without diacritics or spelled exactly as one of the accepted ways. */
function matchesPhrase(typed: string[], target: Phrase): boolean {
  if (typed.length !== target.length) return false;
  return typed.every((syllable, i) => {
    const spellings = target[i]!;
    if (spellings.includes(syllable)) return true;
    return syllable === foldText(syllable) && syllable === foldText(spellings[0]!);
  });
}

/** Whether the text is one of the stop words: the person wants no message from the service any more. */
export function isOptOutWord(text: string): boolean {
  if (text.length > 60) return false;
  const typed = syllablesOf(text);
  return typed.length > 0 && STOP_PHRASES.some((p) => matchesPhrase(typed, p));
}

/** Whether `text` spells `label` (each syllable without diacritics, or with the label's own diacritics). */
export function spellsLabel(text: string, label: string): boolean {
  const typed = syllablesOf(text);
  const target = syllablesOf(label).map((s) => [s]);
  return typed.length > 0 && matchesPhrase(typed, target);
}

export function parseSubscriptionWord(text: string): SubscriptionWord | null {
  if (text.length > 60) return null;
  if (isOptOutWord(text)) return "opt_out";
  return FOLDED_WORDS[foldText(syllablesOf(text).join(" "))] ?? null;
}

// Greetings, thanks and "ok": people write them to a bot as to a person. They get a friendly word and the menu,
// not a search for "xin chào".
import { foldText } from "../text/vietnamese";

export type SmallTalk = "greeting" | "thanks" | "ok";

const PATTERNS: Array<[SmallTalk, RegExp]> = [
  ["greeting", /^(?:xin chao|chao|hello|hi|helo|alo|a lo|hey)(?: (?:ban|loa|bot|em|anh|chi|ad|admin|moi nguoi))*$/],
  ["thanks", /^(?:cam on|camon|cam ơn|thank you|thanks|thank|tks|thanks you)(?: (?:ban|loa|bot|nhieu|nhe|nha|em|a))*$/],
  ["ok", /^(?:ok|oke|okay|okie|ok la|vang|da|u|uh|uhm|duoc|dc|duoc roi|roi|biet roi|da hieu|hieu roi)$/],
];

/** What kind of small talk the text is, or null when it is something to act on. */
export function parseSmallTalk(text: string): SmallTalk | null {
  const folded = foldText(text)
    .replace(/[^\p{L}\p{N} ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    // Polite particles at the end change nothing: "chào bạn ạ", "cảm ơn nhé", "ok ạ".
    .replace(/(?: (?:a|ah|nhe|nha|nhé|nghe|voi))+$/u, "");
  if (folded.length === 0 || folded.length > 40) return null;
  for (const [kind, pattern] of PATTERNS) if (pattern.test(folded)) return kind;
  return null;
}

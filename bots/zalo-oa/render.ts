// Replies as Zalo OA consultation messages. Zalo counts every message against the OA's quota (8 free replies in
// the 48 hours after the person writes), so a reply stays one message wherever it can: the text split only past
// Zalo's 2,000-character limit, options as up to five query buttons on the last part, and a numbered list when
// there are more options than buttons fit (the engine takes "2" as the second option).
import type { Reply } from "../../src/engine/replies";
import { shortenLabel } from "../../src/text/graphemes";
import { numberedList } from "../numbered-list";
import { splitText } from "../split-text";

export const ZALO_OA_TEXT_LIMIT = 2000;
/** Zalo shows at most five buttons under a message. */
export const ZALO_OA_MAX_BUTTONS = 5;
const BUTTON_TITLE_LIMIT = 100;

export interface ZaloOaButton {
  /** Hidden query: the payload comes back as the person's text message, without showing an option code. */
  type: "oa.query.hide";
  title: string;
  payload: string;
}

export interface ZaloOaPart {
  text: string;
  buttons?: ZaloOaButton[];
}

export function renderZaloOa(replies: Reply[]): ZaloOaPart[] {
  const parts: ZaloOaPart[] = [];
  for (const reply of replies) {
    const options = reply.options ?? [];
    const asButtons = options.length > 0 && options.length <= ZALO_OA_MAX_BUTTONS;
    const text = asButtons || options.length === 0 ? reply.text : numberedList(reply);
    const chunks = splitText(text.length > 0 ? text : "…", ZALO_OA_TEXT_LIMIT).map(
      (chunk): ZaloOaPart => ({ text: chunk }),
    );
    if (asButtons) {
      chunks.at(-1)!.buttons = options.map((option) => ({
        type: "oa.query.hide",
        title: shortenLabel(option.label, BUTTON_TITLE_LIMIT),
        payload: option.value,
      }));
    }
    parts.push(...chunks);
  }
  return parts;
}

/** The body of POST /v3.0/oa/message/cs for one part. */
export function consultationMessage(userId: string, part: ZaloOaPart) {
  const message = part.buttons
    ? { text: part.text, attachment: { type: "template", payload: { buttons: part.buttons } } }
    : { text: part.text };
  return { recipient: { user_id: userId }, message };
}

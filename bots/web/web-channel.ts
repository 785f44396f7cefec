// The web chat as a channel: replies go out as JSON with their options, which the page shows as buttons.
import type { ChannelAdapter } from "../channel";
import type { Reply } from "../../src/engine/replies";

export const MAX_WEB_TEXT = 4096;

export const webChannel: ChannelAdapter<Reply> = {
  name: "web",
  capabilities: { buttons: true, maxTextLength: 16_384, push: false },
  render: (replies) => replies.map((r) => ({ text: r.text, options: r.options ?? [] })),
};

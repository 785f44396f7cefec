// Channel-neutral replies: text plus options. Each channel renders them its own way (buttons on the web page,
// an inline keyboard on Telegram, a numbered list on Zalo); choosing an option sends its value back as text.
import { z } from "zod";

export const replyOptionSchema = z.object({
  label: z.string().min(1).max(120),
  value: z.string().min(1).max(64),
});
export type ReplyOption = z.infer<typeof replyOptionSchema>;

export const replySchema = z.object({
  text: z.string(),
  options: z.array(replyOptionSchema).optional(),
});
export type Reply = z.infer<typeof replySchema>;

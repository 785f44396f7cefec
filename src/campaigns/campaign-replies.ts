// What a campaign says, as channel-neutral replies: one reply per stored message, a button to the lesson or article
// it links, and on the last one the survey invitation (a tap opens the survey). Pure: the senders call it once per
// campaign and batch, every channel renders the result its own way (inline keyboard, numbered list, web buttons).
import { z } from "zod";
import { commandValues } from "../engine/commands";
import type { Reply, ReplyOption } from "../engine/replies";
import { surveyValues } from "../engine/survey-values";

export const campaignMessageSchema = z.object({
  text: z.string().trim().min(1).max(4000),
  lessonId: z.number().int().positive().optional(),
  articleId: z.number().int().positive().optional(),
});
export type CampaignMessage = z.infer<typeof campaignMessageSchema>;

export const campaignContentSchema = z.object({
  messages: z.array(campaignMessageSchema).max(10),
  surveyKey: z
    .string()
    .regex(/^[a-z0-9_-]{1,60}$/)
    .nullish(),
});
export type CampaignContent = z.infer<typeof campaignContentSchema>;

export const CAMPAIGN_LABELS = {
  lesson: "📖 Đọc bài phổ biến",
  article: "⚖️ Xem điều luật",
  survey: "📝 Tham gia khảo sát",
  surveyOnly: "Mời bạn dành ít phút tham gia khảo sát.",
} as const;

/**
 * The replies a campaign delivers, in order. Throws when the stored messages are not what the API accepts (the
 * sender then records the delivery as failed rather than sending something half-formed).
 */
export function renderCampaignReplies(campaign: { messages: unknown; surveyKey?: string | null }): Reply[] {
  const { messages, surveyKey } = campaignContentSchema.parse(campaign);
  const replies: Reply[] = messages.map((message) => {
    const options: ReplyOption[] = [];
    if (message.lessonId !== undefined)
      options.push({ label: CAMPAIGN_LABELS.lesson, value: commandValues.lesson(message.lessonId) });
    if (message.articleId !== undefined)
      options.push({ label: CAMPAIGN_LABELS.article, value: commandValues.article(message.articleId) });
    return options.length > 0 ? { text: message.text, options } : { text: message.text };
  });
  if (surveyKey) {
    const invite: ReplyOption = { label: CAMPAIGN_LABELS.survey, value: surveyValues.start(surveyKey) };
    const last = replies.at(-1);
    if (last) last.options = [...(last.options ?? []), invite];
    else replies.push({ text: CAMPAIGN_LABELS.surveyOnly, options: [invite] });
  }
  if (replies.length === 0) throw new Error("a campaign needs a message or a survey invitation");
  return replies;
}

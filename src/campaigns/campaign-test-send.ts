// A test send: the campaign's messages to the officer's own chat, through the outbox like any message (the delivery
// loop sends them on Telegram and Zalo; the web chat shows them through GET /web/messages). The officer names their
// chat by channel and platform id: the Telegram chat id, the Zalo user id, or on the web the id the chat page keeps
// (its signed form "web-….<signature>" is accepted too: only the part before the last "." is the stored id). The
// chat must already exist (the officer has written to the bot once); nothing is created, and the platform id is
// never written to the audit log.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/db";
import { channels, contacts } from "../../db/schema/index";
import { pushToContact } from "../conversations/outbox";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import type { Principal } from "../officers/principal";
import { renderCampaignReplies } from "./campaign-replies";
import type { CampaignRecord } from "./campaign-service";

export const testSendSchema = z.object({
  channel: z.enum(channels, `kênh phải là một trong: ${channels.join(", ")}`),
  platformId: z.string().trim().min(1).max(200),
});
export type TestSendInput = z.infer<typeof testSendSchema>;

/** Marks a test, so the officer never mistakes it for the real send. */
export const TEST_PREFIX = "[Tin thử] ";
const SIGNED_WEB_ID = /^([A-Za-z0-9_.:-]{1,128})\.([A-Za-z0-9_-]{43})$/;

export async function sendCampaignTest(db: Db, principal: Principal, campaign: CampaignRecord, input: TestSendInput) {
  const platformId =
    input.channel === "web" ? (SIGNED_WEB_ID.exec(input.platformId)?.[1] ?? input.platformId) : input.platformId;
  return db.transaction(async (tx) => {
    const [contact] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.channel, input.channel), eq(contacts.platformId, platformId)));
    if (!contact) {
      throw new ApiError(
        "invalid_request",
        "Không tìm thấy cuộc trò chuyện này: hãy nhắn một tin cho bot trên kênh đó trước, rồi gửi thử lại",
        "platformId",
      );
    }
    const replies = await renderCampaignReplies(tx, campaign.messages, campaign.surveyKey);
    replies[0] = { ...replies[0]!, text: `${TEST_PREFIX}${replies[0]!.text}` };
    const outboxMessageId = await pushToContact(
      tx,
      contact.id,
      "campaign_test",
      replies,
      input.channel === "web" ? undefined : input.channel,
    );
    await recordAudit(tx, principal, {
      action: "campaign.test",
      targetType: "campaign",
      targetId: campaign.id,
      unitId: campaign.unitId,
      details: { channel: input.channel },
    });
    return { outboxMessageId, channel: input.channel, replies };
  });
}

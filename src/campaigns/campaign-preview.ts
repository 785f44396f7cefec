// What an officer checks before scheduling: the messages exactly as a citizen will receive them, and how many people
// the campaign would reach today (in all, per channel, per audience unit), counted by the same condition planning
// uses, within the officer's scope.
import type { Db } from "../../db/db";
import type { Principal } from "../officers/principal";
import { type AudienceSize, audienceSize, audienceUnitPaths } from "./campaign-audience";
import { renderCampaignReplies } from "./campaign-replies";
import type { CampaignRecord } from "./campaign-service";

export async function previewCampaign(db: Db, principal: Principal, campaign: CampaignRecord) {
  const replies = await renderCampaignReplies(db, campaign.messages, campaign.surveyKey);
  return { replies, audience: await campaignAudienceSize(db, principal, campaign) };
}

export async function campaignAudienceSize(
  db: Db,
  principal: Principal,
  campaign: CampaignRecord,
): Promise<AudienceSize> {
  const units = await audienceUnitPaths(db, campaign.audience.unitCodes);
  return audienceSize(
    db,
    {
      channels: campaign.channels,
      unitPaths: units.map((u) => u.path),
      topics: campaign.audience.topics ?? [],
      scopePath: principal.unitPath,
    },
    units,
  );
}

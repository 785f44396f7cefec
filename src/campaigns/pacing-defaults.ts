// How fast campaign messages may leave on each channel, in messages per second over all chats, when nothing
// configures it otherwise. The senders pace with it and the forecast divides by it, so both agree on one number.
// Telegram allows about 30 messages/s to different chats (25 leaves room for replies); the Zalo Official Account
// and above all the personal account are kept slow (Zalo throttles and may lock accounts that burst). The web chat
// is pulled by the page, so pushing a campaign message to it costs nothing: null means unpaced.
import type { Channel } from "../../db/schema/contacts";

export type CampaignPacing = Record<Channel, number | null>;

export const campaignPacingDefaults: CampaignPacing = {
  telegram: 25,
  zalo_oa: 5,
  // One message every 10 s, as a person would send (CAMPAIGN_RATE_ZALO's default too): more risks the account.
  zalo: 0.1,
  web: null,
};

/** The defaults with the deployment's own rates laid over them (a missing or invalid rate keeps the default). */
export function campaignPacing(overrides: Partial<CampaignPacing> = {}): CampaignPacing {
  const pacing = { ...campaignPacingDefaults };
  for (const [channel, rate] of Object.entries(overrides) as Array<[Channel, number | null | undefined]>) {
    if (rate === null || (typeof rate === "number" && Number.isFinite(rate) && rate > 0)) pacing[channel] = rate;
  }
  return pacing;
}

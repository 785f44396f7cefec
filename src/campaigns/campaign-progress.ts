// Where a campaign stands, read from its ledger, and when it should finish. Progress counts ledger rows by state,
// and survey started/completed counts the ledger's people who started (finished) the campaign's survey after their
// messages went out. The forecast works per channel, since channels send side by side: the rows still to send, each
// one delivery of `messages.length` messages, at the channel's pace, counted in send-window time (nights do not
// count), and never before the last row's spread turn comes; the campaign finishes when its slowest channel does.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import type { Channel } from "../../db/schema/contacts";
import { type AudienceSize, rawRows } from "./campaign-audience";
import type { CampaignRecord } from "./campaign-service";
import { type CampaignPacing, campaignPacing } from "./pacing-defaults";
import { addWindowTime, nextWindowStart, type SendWindow } from "./send-window";

const HOUR_MS = 3_600_000;

export interface CampaignProgress {
  targeted: number;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  blocked: number;
  waiting: number;
  skipped: number;
  surveyStarted: number;
  surveyCompleted: number;
}

export async function campaignProgress(db: Db, campaign: CampaignRecord): Promise<CampaignProgress> {
  const rows = await rawRows<{ state: string; n: number }>(
    db,
    sql`select state, count(*)::int as n from campaign_deliveries where campaign_id = ${campaign.id} group by state`,
  );
  const by = new Map(rows.map((r) => [r.state, Number(r.n)]));
  let surveyStarted = 0;
  let surveyCompleted = 0;
  if (campaign.surveyKey) {
    const [survey] = await rawRows<{ started: number; completed: number }>(
      db,
      sql`select count(distinct d.contact_id)::int as started,
                 count(distinct d.contact_id) filter (where r.status = 'completed')::int as completed
          from campaign_deliveries d
          join survey_responses r on r.contact_id = d.contact_id and r.survey_key = ${campaign.surveyKey}
          where d.campaign_id = ${campaign.id} and d.sent_at is not null and r.started_at >= d.sent_at`,
    );
    surveyStarted = Number(survey?.started ?? 0);
    surveyCompleted = Number(survey?.completed ?? 0);
  }
  const get = (state: string) => by.get(state) ?? 0;
  return {
    targeted: [...by.values()].reduce((sum, n) => sum + n, 0),
    queued: get("queued"),
    sending: get("sending"),
    sent: get("sent"),
    failed: get("failed"),
    blocked: get("blocked"),
    waiting: get("waiting"),
    skipped: get("skipped"),
    surveyStarted,
    surveyCompleted,
  };
}

export interface ChannelForecast {
  channel: string;
  remaining: number;
  /** The pace assumed, messages per second over all chats; null: unpaced (the web chat pulls). */
  messagesPerSecond: number | null;
  finishAt: string | null;
}

export interface CampaignForecast {
  /** When the last delivery should go out; null when nothing is left (then see finishedAt). */
  finishAt: string | null;
  remaining: number;
  /** Whether the forecast finish falls after the campaign's end (the rest would not be sent). */
  overrunsEnd: boolean;
  byChannel: ChannelForecast[];
  /** "ledger": from the rows still to send; "audience": a draft's estimate from today's audience. */
  basis: "ledger" | "audience" | "finished";
}

interface Remaining {
  channel: string;
  remaining: number;
  /** The latest due time among them, epoch ms (spreading). */
  lastDueMs: number | null;
}

/** A draft is forecast from its audience as if scheduled now; a planned campaign from its ledger. */
export async function campaignForecast(
  db: Db,
  campaign: CampaignRecord,
  options: { now?: Date; pacing?: Partial<CampaignPacing>; audience?: AudienceSize } = {},
): Promise<CampaignForecast> {
  const now = options.now ?? new Date();
  const pacing = campaignPacing(options.pacing);
  if (campaign.state === "completed" || campaign.state === "cancelled") {
    return { finishAt: null, remaining: 0, overrunsEnd: false, byChannel: [], basis: "finished" };
  }
  const window: SendWindow = { fromMinute: campaign.windowFromMinute, toMinute: campaign.windowToMinute };
  const from = nextWindowStart(new Date(Math.max(campaign.startAt.getTime(), now.getTime())), window);
  let remaining: Remaining[];
  let basis: CampaignForecast["basis"];
  if (campaign.state === "draft") {
    basis = "audience";
    const spreadEnd = addWindowTime(from, (campaign.spreadHours ?? 0) * HOUR_MS, window).getTime();
    remaining = (options.audience?.byChannel ?? []).map((c) => ({
      channel: c.channel,
      remaining: c.count,
      lastDueMs: c.count > 0 ? spreadEnd : null,
    }));
  } else {
    basis = "ledger";
    const rows = await rawRows<{ channel: string; n: number; last_due: number | null }>(
      db,
      sql`select channel, count(*)::int as n, (extract(epoch from max(due_at)) * 1000)::float8 as last_due
          from campaign_deliveries
          where campaign_id = ${campaign.id} and state in ('queued', 'sending', 'waiting')
          group by channel order by channel`,
    );
    remaining = rows.map((r) => ({
      channel: r.channel,
      remaining: Number(r.n),
      lastDueMs: r.last_due === null ? null : Number(r.last_due),
    }));
  }
  const perDelivery = Math.max(1, campaign.messages.length);
  const byChannel: ChannelForecast[] = remaining.map((r) => {
    const rate = pacing[r.channel as Channel] ?? null;
    if (r.remaining === 0) return { channel: r.channel, remaining: 0, messagesPerSecond: rate, finishAt: null };
    const sendMs = rate ? ((r.remaining * perDelivery) / rate) * 1000 : 0;
    let finish = addWindowTime(from, sendMs, window).getTime();
    if (r.lastDueMs !== null) finish = Math.max(finish, nextWindowStart(new Date(r.lastDueMs), window).getTime());
    return {
      channel: r.channel,
      remaining: r.remaining,
      messagesPerSecond: rate,
      finishAt: new Date(finish).toISOString(),
    };
  });
  const finishes = byChannel.flatMap((c) => (c.finishAt ? [Date.parse(c.finishAt)] : []));
  const finishAt = finishes.length > 0 ? new Date(Math.max(...finishes)) : null;
  return {
    finishAt: finishAt?.toISOString() ?? null,
    remaining: remaining.reduce((sum, r) => sum + r.remaining, 0),
    overrunsEnd: Boolean(finishAt && campaign.endAt && finishAt.getTime() > campaign.endAt.getTime()),
    byChannel,
    basis,
  };
}

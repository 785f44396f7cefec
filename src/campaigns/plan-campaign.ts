// Planning: writes a campaign's ledger, one `queued` row per eligible contact, in one set-based statement (INSERT …
// SELECT, ON CONFLICT DO NOTHING when re-planning), so 100,000 people take one round trip, not 100,000. Each row's
// `due_at` spreads the audience evenly over `spreadHours` of send-window time from the start: row i of N is due at
// addWindowTime(start, i/N × spread), computed in SQL with the closed form of that function (every window opens
// exactly 24 h after the previous one: Vietnam has no daylight saving time). Planning again (resume after a pause,
// people who subscribed late) adds only contacts the ledger lacks, spread from now. Planners of one campaign take
// turns on its row; the unique (campaign, contact) key would refuse a duplicate anyway, and a row already there is
// never touched, so nobody is re-sent.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { campaigns } from "../../db/schema/campaigns";
import { audienceUnitPaths, eligibleContactsFrom, rawRows } from "./campaign-audience";
import type { CampaignAudience } from "./campaign-input";
import { isAlwaysOpen, nextWindowStart, type SendWindow, windowCloseAfter } from "./send-window";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface PlanOptions {
  /** The scope of the officer scheduling or resuming (a materialised unit path); nobody outside it is planned. */
  scopePath: string;
  now?: Date;
}

export interface PlanResult {
  /** Rows this planning added. */
  added: number;
  /** Rows in the ledger now. */
  targeted: number;
  /** When the first added row is due. */
  firstDueAt: Date;
}

/** Plans (or re-plans) the campaign; call it in the transaction that moves its state. */
export async function planCampaign(db: Db, campaignId: number, options: PlanOptions): Promise<PlanResult> {
  // Its own transaction (a savepoint inside the caller's), holding the campaign row: planners of one campaign take
  // turns, so each sees every row the one before it wrote.
  return db.transaction((tx) => planLocked(tx, campaignId, options));
}

async function planLocked(db: Db, campaignId: number, options: PlanOptions): Promise<PlanResult> {
  const now = options.now ?? new Date();
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
  if (!campaign) throw new Error(`planCampaign: no campaign ${campaignId}`);
  const audience = campaign.audience as CampaignAudience;
  const units = await audienceUnitPaths(db, audience.unitCodes);
  const window: SendWindow = { fromMinute: campaign.windowFromMinute, toMinute: campaign.windowToMinute };
  const start = nextWindowStart(new Date(Math.max(campaign.startAt.getTime(), now.getTime())), window);
  const from = eligibleContactsFrom({
    channels: campaign.channels,
    unitPaths: units.map((u) => u.path),
    topics: audience.topics ?? [],
    scopePath: options.scopePath,
  });
  const due = dueAtSql(start, (campaign.spreadHours ?? 0) * HOUR_MS, window);

  // Only a re-planning needs to look for people already in the ledger. The first planning (nobody in it yet, and
  // nobody else planning it while we hold the row) inserts plainly: checking the unique key speculatively for each
  // of 100,000 rows (ON CONFLICT) costs about half again the insert on both drivers, and an anti-join against the
  // empty table is planned as one probe per candidate. The unique key still refuses a duplicate there.
  const [existing] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (
          select 1 from campaign_deliveries where campaign_id = ${campaignId} limit 1
        ) as one`,
  );
  const replanning = Number(existing?.n ?? 0) > 0;
  // `count(*) over ()` cannot yield a row before it has read them all, so every read of the ledger below is done
  // before the first insert: a scan of campaign_deliveries never runs over rows this statement is adding.
  const inserted = await rawRows<{ n: number }>(
    db,
    sql`with fresh as (
          select c.id as contact_id, c.channel as channel,
                 (row_number() over (order by c.id) - 1)::float8 / count(*) over () as share
          ${from}
          ${
            replanning
              ? sql`and not exists (
                  select 1 from campaign_deliveries d where d.campaign_id = ${campaignId} and d.contact_id = c.id
                )`
              : sql``
          }
        ), added as (
          insert into campaign_deliveries (campaign_id, contact_id, channel, state, due_at)
          select ${campaignId}, contact_id, channel, 'queued', ${due} from fresh
          ${replanning ? sql`on conflict (campaign_id, contact_id) do nothing` : sql``}
          returning 1
        )
        select count(*)::int as n from added`,
  );
  const [counted] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from campaign_deliveries where campaign_id = ${campaignId}`,
  );
  const targeted = Number(counted?.n ?? 0);
  await db.update(campaigns).set({ targeted, plannedAt: now, updatedAt: now }).where(eq(campaigns.id, campaignId));
  return { added: Number(inserted[0]?.n ?? 0), targeted, firstDueAt: start };
}

/**
 * `due_at` for a row whose `share` (0 ≤ share < 1) of the spread has passed: addWindowTime(start, share × spread)
 * in closed form. `start` is inside the window; r0 is what is left of its first window; after that every window is
 * `open` long and opens a day after the last.
 */
function dueAtSql(start: Date, spreadMs: number, window: SendWindow) {
  const s0 = start.getTime();
  // Without spreading the offset is 0 for every row; `share` is still read, which keeps the window (see above).
  const offset = sql`(share * ${spreadMs}::float8)`;
  if (isAlwaysOpen(window)) return sql`to_timestamp(round(${s0}::float8 + ${offset}) / 1000.0)`;
  const close = windowCloseAfter(start, window)!;
  const r0 = close.getTime() - s0;
  const firstOpen = nextWindowStart(close, window).getTime();
  const open = ((((window.toMinute - window.fromMinute) % 1440) + 1440) % 1440) * 60_000;
  const past = sql`(${offset} - ${r0}::float8)`;
  return sql`to_timestamp(round(case
      when ${offset} < ${r0}::float8 then ${s0}::float8 + ${offset}
      else ${firstOpen}::float8 + floor(${past} / ${open}::float8) * ${DAY_MS}::float8
        + (${past} - floor(${past} / ${open}::float8) * ${open}::float8)
    end) / 1000.0)`;
}

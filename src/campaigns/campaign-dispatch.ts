// The campaign senders' steps, shared by the Node sender loop (campaign-sender.ts) and the Worker's Cron + Queue
// (campaign-queue.ts): move campaigns through their states, claim due ledger rows and hand them to the outbox, send
// what was handed off through the one delivery loop at the channel's campaign pace, and copy each outcome back.
//
// Exactly once, even through a crash:
// - Claiming (FOR UPDATE SKIP LOCKED) and the hand-off are ONE transaction: the outbox row is inserted and linked
//   (`outbox_message_id`) in the statement that marks the ledger row `sending`. A crash before the commit leaves the
//   row `queued` with no outbox row; after it, the row can never be claimed again (only `queued` rows are).
// - From there the outbox's own guarantees hold (claim token, `parts_sent`, leases), so no part goes out twice.
// - A handed-off outbox row is *held* (`next_attempt_at` = the claim's lease) until its sender releases it, so the
//   periodic outbox sweep does not send it ahead of the campaign pace. If the sender dies, the lease runs out: the
//   next sender (or the sweep) takes it over and sends it, once.
// Timestamps go to SQL as ISO strings and ids come back as text (runStatement's rule for the two drivers).
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, runStatement } from "../../db/db";
import { type Channel, campaignDeliveries, campaigns } from "../../db/schema/index";
import type { AppConfig } from "../config";
import type { DeliveryReport } from "../conversations/delivery";
import type { Reply } from "../engine/replies";
import { campaignMessageSchema } from "./campaign-input";
import { renderCampaignReplies } from "./campaign-replies";
import { campaignPacingDefaults } from "./pacing-defaults";
import { isInWindow, nextWindowStart, type SendWindow } from "./send-window";

/** Campaign messages a second per channel (over all chats); the web chat is pulled and needs none. */
export type CampaignRates = Record<Exclude<Channel, "web">, number>;

/**
 * Telegram: 25/s overall (its documented ~30/s, with room for live replies; 1/s per chat is the channel's own
 * pacer). Zalo OA: 5/s. Zalo personal account: one message every 10 s, as a person would; more risks the account.
 */
export const DEFAULT_CAMPAIGN_RATES: CampaignRates = {
  telegram: campaignPacingDefaults.telegram!,
  zalo_oa: campaignPacingDefaults.zalo_oa!,
  zalo: campaignPacingDefaults.zalo!,
};

/** The configured rates (CAMPAIGN_RATE_TELEGRAM, CAMPAIGN_RATE_ZALO_OA, CAMPAIGN_RATE_ZALO). */
export function campaignRates(
  config: Pick<AppConfig, "CAMPAIGN_RATE_TELEGRAM" | "CAMPAIGN_RATE_ZALO_OA" | "CAMPAIGN_RATE_ZALO">,
): CampaignRates {
  return {
    telegram: config.CAMPAIGN_RATE_TELEGRAM,
    zalo_oa: config.CAMPAIGN_RATE_ZALO_OA,
    zalo: config.CAMPAIGN_RATE_ZALO,
  };
}

/** How long a hand-off may wait for its sender, counted from the start of its slot; then anyone takes it over. */
export const DEFAULT_CAMPAIGN_LEASE_MS = 60_000;

/** A running campaign whose window is open now: what its deliveries say. */
export interface ActiveCampaign {
  id: number;
  /** null when the stored messages cannot be sent (its due rows are marked failed). */
  replies: Reply[] | null;
}

export interface CampaignTick {
  /** scheduled → running (start_at reached). */
  started: number;
  /** running → completed (no row left queued, sending or waiting). */
  completed: number;
  /** Rows past the campaign's end_at, never handed off: failed with last_error "expired". */
  expired: number;
  /** Due rows held because the campaign's window is closed (due_at moved to the next opening). */
  held: number;
  /** Waiting rows whose window opened: queued again. */
  released: number;
  active: ActiveCampaign[];
}

/** Outbox rows per delivery call: the loop's own claim batch (BATCH in src/conversations/delivery.ts). */
const DELIVER_SLICE = 50;

const iso = (at: Date) => at.toISOString();
const idList = (ids: number[]) => `{${ids.join(",")}}`;

/**
 * One pass over the campaigns' states (each step a conditional update, so it may run on several instances at once):
 * scheduled → running at start_at; past end_at the rows never handed off expire (failed, "expired"; what is already
 * in the outbox still goes); outside the send window due rows wait for the next opening, inside it waiting rows are
 * queued again; a planned campaign with nothing left queued, sending or waiting is completed.
 */
export async function advanceCampaigns(db: Db, now: Date): Promise<CampaignTick> {
  const tick: CampaignTick = { started: 0, completed: 0, expired: 0, held: 0, released: 0, active: [] };
  const started = await db
    .update(campaigns)
    .set({
      state: "running",
      startedAt: sql`coalesce(${campaigns.startedAt}, ${iso(now)}::timestamptz)`,
      updatedAt: now,
    })
    .where(and(eq(campaigns.state, "scheduled"), lte(campaigns.startAt, now)))
    .returning({ id: campaigns.id });
  tick.started = started.length;

  const running = await db
    .select({
      id: campaigns.id,
      messages: campaigns.messages,
      surveyKey: campaigns.surveyKey,
      fromMinute: campaigns.windowFromMinute,
      toMinute: campaigns.windowToMinute,
      endAt: campaigns.endAt,
      plannedAt: campaigns.plannedAt,
    })
    .from(campaigns)
    .where(eq(campaigns.state, "running"));

  for (const campaign of running) {
    const rowsOf = (states: Array<"queued" | "waiting">) =>
      and(eq(campaignDeliveries.campaignId, campaign.id), inArray(campaignDeliveries.state, states));
    const window: SendWindow = { fromMinute: campaign.fromMinute, toMinute: campaign.toMinute };
    if (campaign.endAt && campaign.endAt.getTime() <= now.getTime()) {
      const expired = await db
        .update(campaignDeliveries)
        .set({ state: "failed", lastError: "expired", leaseUntil: null, updatedAt: now })
        .where(rowsOf(["queued", "waiting"]))
        .returning({ id: campaignDeliveries.id });
      tick.expired += expired.length;
    } else if (isInWindow(now, window)) {
      const released = await db
        .update(campaignDeliveries)
        .set({ state: "queued", updatedAt: now })
        .where(and(rowsOf(["waiting"]), lte(campaignDeliveries.dueAt, now)))
        .returning({ id: campaignDeliveries.id });
      tick.released += released.length;
      let replies: Reply[] | null;
      // Stored messages that are not what the API accepts fail their deliveries rather than go out half-formed.
      const messages = z.array(campaignMessageSchema).min(1).safeParse(campaign.messages);
      replies = messages.success ? await renderCampaignReplies(db, messages.data, campaign.surveyKey) : null;
      tick.active.push({ id: campaign.id, replies });
    } else {
      const held = await db
        .update(campaignDeliveries)
        .set({ state: "waiting", dueAt: nextWindowStart(now, window), updatedAt: now })
        .where(and(rowsOf(["queued"]), lte(campaignDeliveries.dueAt, now)))
        .returning({ id: campaignDeliveries.id });
      tick.held += held.length;
    }
    if (!campaign.plannedAt) continue;
    const [left] = await db
      .select({ id: campaignDeliveries.id })
      .from(campaignDeliveries)
      .where(
        and(
          eq(campaignDeliveries.campaignId, campaign.id),
          inArray(campaignDeliveries.state, ["queued", "sending", "waiting"]),
        ),
      )
      .limit(1);
    if (left) continue;
    const done = await db
      .update(campaigns)
      .set({ state: "completed", finishedAt: now, updatedAt: now })
      .where(and(eq(campaigns.id, campaign.id), eq(campaigns.state, "running")))
      .returning({ id: campaigns.id });
    tick.completed += done.length;
    tick.active = tick.active.filter((c) => c.id !== campaign.id);
  }
  return tick;
}

/** What one claim handed to the outbox (or, for the web chat, delivered by queueing it). */
export interface HandOff {
  channel: Channel;
  /** Held outbox rows for the sender to release and deliver (none for the web chat). */
  outboxIds: number[];
  /** Messages in them: the stretch of the channel's pace they reserved. */
  parts: number;
  /** When the reserved stretch begins: the sender sends nothing before it. */
  slotStart: Date;
  /** Ledger rows claimed (handed off, skipped and failed together). */
  claimed: number;
  /** Opted out, unreachable or no longer subscribed at claim time. */
  skipped: number;
  failed: number;
  /** Web chat rows: queued for GET /web/messages, which counts as sent. */
  sentToWeb: number;
}

export interface ClaimOptions {
  channel: Channel;
  now: Date;
  /** The campaigns that may send now (advanceCampaigns().active). */
  active: ActiveCampaign[];
  /** Most ledger rows to claim. */
  limit: number;
  /** Campaign messages a second on this channel (ignored for the web chat). */
  ratePerSecond: number;
  leaseMs?: number;
  /** Tests: runs inside the claim's transaction after the hand-off, e.g. to simulate a crash there. */
  beforeCommit?: () => Promise<void>;
}

interface ClaimRow {
  id: string;
  campaignId: number;
  contactId: string;
  skip: string | null;
}

/** A hand-off of nothing, on `channel` at `now`. */
function nothingHandedOff(channel: HandOff["channel"], now: Date): HandOff {
  return { channel, outboxIds: [], parts: 0, slotStart: now, claimed: 0, skipped: 0, failed: 0, sentToWeb: 0 };
}

/**
 * Claims up to `limit` due rows of the active campaigns on one channel and, in the same transaction, skips the ones
 * whose person opted out, became unreachable or unsubscribed since planning, reserves the channel's next stretch of
 * pace for the rest, inserts their outbox rows (held until that stretch plus the lease) and links them.
 */
export async function claimAndHandOff(db: Db, options: ClaimOptions): Promise<HandOff> {
  const { channel, now } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_CAMPAIGN_LEASE_MS;
  const replies = new Map(options.active.map((c) => [c.id, c.replies]));
  const empty = nothingHandedOff(channel, now);
  if (options.active.length === 0 || options.limit <= 0) return empty;
  return db.transaction(async (tx) => {
    const rows = await runStatement<ClaimRow>(
      tx,
      `select d.id::text as id, d.campaign_id as "campaignId", d.contact_id as "contactId",
         case when c.opted_out_at is not null then 'opted_out'
              when c.unreachable_at is not null then 'unreachable'
              when not exists (
                select 1 from subscriptions s
                 where s.contact_id = d.contact_id and s.unsubscribed_at is null
                   and (s.topic = 'news'
                        or (jsonb_typeof(k.audience -> 'topics') = 'array' and (k.audience -> 'topics') ? s.topic))
              ) then 'unsubscribed'
         end as skip
       from campaign_deliveries d
       join campaigns k on k.id = d.campaign_id
       join contacts c on c.id = d.contact_id
       where d.channel = $1 and d.state = 'queued' and d.due_at <= $2::timestamptz and k.state = 'running'
         and d.campaign_id = any($3::text::int[])
       order by d.due_at, d.id
       limit $4
       for update of d skip locked`,
      [channel, iso(now), idList(options.active.map((c) => c.id)), options.limit],
    );
    if (rows.length === 0) return empty;
    const finished: Array<{ id: string; state: "skipped" | "failed"; reason: string }> = [];
    const sendable: Array<{ ledgerId: string; contactId: string; campaignId: string }> = [];
    let parts = 0;
    for (const row of rows) {
      const campaignReplies = replies.get(row.campaignId);
      if (row.skip) finished.push({ id: row.id, state: "skipped", reason: row.skip });
      else if (!campaignReplies) finished.push({ id: row.id, state: "failed", reason: "invalid_messages" });
      else {
        sendable.push({ ledgerId: row.id, contactId: row.contactId, campaignId: String(row.campaignId) });
        parts += campaignReplies.length;
      }
    }
    const handOff: HandOff = { ...empty, claimed: rows.length };
    if (finished.length > 0) {
      await runStatement(
        tx,
        `update campaign_deliveries d
            set state = v.state, last_error = v.reason, attempts = d.attempts + 1, lease_until = null,
                updated_at = $2::timestamptz
           from (select (e ->> 'id')::bigint as id, e ->> 'state' as state, e ->> 'reason' as reason
                   from jsonb_array_elements($1::text::jsonb) e) v
          where d.id = v.id`,
        [JSON.stringify(finished), iso(now)],
      );
      for (const row of finished) handOff[row.state === "skipped" ? "skipped" : "failed"]++;
    }
    if (sendable.length > 0) {
      const web = channel === "web";
      let slotStart = now;
      if (!web) {
        // The channel's shared pace: this batch takes the next `parts / rate` seconds after whatever other senders
        // (other instances, other queue consumers) reserved before it.
        const ms = (parts * 1000) / options.ratePerSecond;
        const [slot] = await runStatement<{ endMs: number }>(
          tx,
          `insert into campaign_send_slots as s (channel, next_at)
           values ($1, $2::timestamptz + $3::float8 * interval '1 millisecond')
           on conflict (channel) do update
             set next_at = greatest(s.next_at, $2::timestamptz) + $3::float8 * interval '1 millisecond'
           returning (extract(epoch from s.next_at) * 1000)::float8 as "endMs"`,
          [channel, iso(now), ms],
        );
        slotStart = new Date(Math.round(slot!.endMs - ms));
      }
      const leaseUntil = new Date(slotStart.getTime() + leaseMs);
      const linked = await runStatement<{ outboxId: string }>(
        tx,
        `with v as (
           select (e ->> 'ledgerId')::bigint as ledger_id, (e ->> 'contactId')::uuid as contact_id,
                  e ->> 'campaignId' as campaign_id,
                  nextval(pg_get_serial_sequence('outbox_messages', 'id')) as outbox_id
             from jsonb_array_elements($1::text::jsonb) e
         ), ins as (
           insert into outbox_messages (id, contact_id, kind, replies, channel, next_attempt_at)
           select v.outbox_id, v.contact_id, 'campaign', $2::text::jsonb -> v.campaign_id, $3::text, $4::timestamptz
             from v
         )
         update campaign_deliveries d
            set state = $5, attempts = d.attempts + 1, outbox_message_id = v.outbox_id, lease_until = $6::timestamptz,
                sent_at = $7::timestamptz, last_error = null, updated_at = $8::timestamptz
           from v
          where d.id = v.ledger_id
         returning v.outbox_id::text as "outboxId"`,
        [
          JSON.stringify(sendable),
          JSON.stringify(Object.fromEntries(options.active.map((c) => [String(c.id), c.replies]))),
          web ? null : channel,
          web ? null : iso(leaseUntil),
          web ? "sent" : "sending",
          web ? null : iso(leaseUntil),
          web ? iso(now) : null,
          iso(now),
        ],
      );
      if (web) handOff.sentToWeb = linked.length;
      else {
        handOff.outboxIds = linked.map((r) => Number(r.outboxId)).sort((a, b) => a - b);
        handOff.parts = parts;
        handOff.slotStart = slotStart;
      }
    }
    await options.beforeCommit?.();
    return handOff;
  });
}

export interface TakeOverOptions {
  channel: Exclude<Channel, "web">;
  now: Date;
  limit: number;
  ratePerSecond: number;
  leaseMs?: number;
}

/**
 * Rows a sender handed off but never finished (it crashed, or its queue message was lost): their lease ran out and
 * their outbox row is still pending. This sender re-leases them (attempts + 1), reserves pace for them and holds
 * their outbox rows again, then sends them like a fresh hand-off; the outbox guarantees no part goes twice.
 */
export async function takeOverExpired(db: Db, options: TakeOverOptions): Promise<HandOff> {
  const { channel, now } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_CAMPAIGN_LEASE_MS;
  const empty = nothingHandedOff(channel, now);
  return db.transaction(async (tx) => {
    const rows = await runStatement<{ id: string; outboxId: string; parts: number }>(
      tx,
      `select d.id::text as id, d.outbox_message_id::text as "outboxId",
              greatest(1, jsonb_array_length(o.replies))::int as parts
         from campaign_deliveries d
         join outbox_messages o on o.id = d.outbox_message_id
        where d.state = 'sending' and d.channel = $1 and d.lease_until < $2::timestamptz
          and o.delivered_at is null and o.failed_at is null and o.awaiting_contact_since is null
        order by d.lease_until
        limit $3
        for update of d skip locked`,
      [channel, iso(now), options.limit],
    );
    if (rows.length === 0) return empty;
    const parts = rows.reduce((n, r) => n + r.parts, 0);
    const ms = (parts * 1000) / options.ratePerSecond;
    const [slot] = await runStatement<{ endMs: number }>(
      tx,
      `insert into campaign_send_slots as s (channel, next_at)
       values ($1, $2::timestamptz + $3::float8 * interval '1 millisecond')
       on conflict (channel) do update
         set next_at = greatest(s.next_at, $2::timestamptz) + $3::float8 * interval '1 millisecond'
       returning (extract(epoch from s.next_at) * 1000)::float8 as "endMs"`,
      [channel, iso(now), ms],
    );
    const slotStart = new Date(Math.round(slot!.endMs - ms));
    const leaseUntil = iso(new Date(slotStart.getTime() + leaseMs));
    await runStatement(
      tx,
      `update campaign_deliveries
          set attempts = attempts + 1, lease_until = $2::timestamptz, updated_at = $3::timestamptz
        where id = any($1::text::bigint[])`,
      [idList(rows.map((r) => Number(r.id))), leaseUntil, iso(now)],
    );
    // Still-held rows are held again, so the outbox sweep leaves them to this sender's pace.
    await runStatement(
      tx,
      `update outbox_messages set next_attempt_at = $2::timestamptz
        where id = any($1::text::bigint[]) and attempts = 0 and next_attempt_at is not null
          and delivered_at is null and failed_at is null`,
      [idList(rows.map((r) => Number(r.outboxId))), leaseUntil],
    );
    return {
      ...empty,
      outboxIds: rows.map((r) => Number(r.outboxId)).sort((a, b) => a - b),
      parts,
      slotStart,
      claimed: rows.length,
    };
  });
}

export interface SendReport {
  /** Held rows let go to the delivery loop. */
  released: number;
  /** Held rows of a campaign paused or cancelled meanwhile: taken back out of the outbox, their rows queued again. */
  returned: number;
  delivery: DeliveryReport;
  outcomes: OutcomeCounts;
}

export interface SendOptions {
  /** The channel's delivery (ChannelRuntime.deliver): the one delivery loop, for these outbox rows only. */
  deliver: (ids: number[]) => Promise<DeliveryReport>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Asked after the wait for the slot: false (the server is stopping) leaves the rows held for a takeover. */
  proceed?: () => boolean;
}

/**
 * Sends one hand-off: waits for its slot, checks the campaign still runs (a pause stops what has not started:
 * those rows go back to `queued`), lets the rows go to the delivery loop, and copies the outcomes to the ledger.
 */
export async function sendHandOff(db: Db, handOff: HandOff, options: SendOptions): Promise<SendReport> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const report: SendReport = {
    released: 0,
    returned: 0,
    delivery: { delivered: 0, deferred: 0, failed: 0, lost: 0, waiting: 0 },
    outcomes: { sent: 0, failed: 0, blocked: 0 },
  };
  if (handOff.outboxIds.length === 0) return report;
  const wait = handOff.slotStart.getTime() - now().getTime();
  if (wait > 0) await sleep(wait);
  if (options.proceed && !options.proceed()) return report;
  const ids = idList(handOff.outboxIds);
  const released = await runStatement<{ id: string }>(
    db,
    `update outbox_messages o set next_attempt_at = null
      where o.id = any($1::text::bigint[]) and o.attempts = 0 and o.next_attempt_at is not null
        and o.delivered_at is null and o.failed_at is null
        and exists (select 1 from campaign_deliveries d join campaigns k on k.id = d.campaign_id
                     where d.outbox_message_id = o.id and d.state = 'sending' and k.state = 'running')
      returning o.id::text as id`,
    [ids],
  );
  report.released = released.length;
  const returned = await runStatement<{ outboxId: string }>(
    db,
    `with gone as (
       delete from outbox_messages o
        where o.id = any($1::text::bigint[]) and o.attempts = 0 and o.delivered_at is null and o.failed_at is null
          and not exists (select 1 from campaign_deliveries d join campaigns k on k.id = d.campaign_id
                           where d.outbox_message_id = o.id and k.state = 'running')
       returning o.id
     )
     update campaign_deliveries d set state = 'queued', outbox_message_id = null, lease_until = null,
            updated_at = $2::timestamptz
       from gone
      where d.outbox_message_id = gone.id and d.state = 'sending'
     returning gone.id::text as "outboxId"`,
    [ids, iso(now())],
  );
  report.returned = returned.length;
  const returnedSet = new Set(returned.map((r) => Number(r.outboxId)));
  const toDeliver = handOff.outboxIds.filter((id) => !returnedSet.has(id));
  // The delivery loop claims at most 50 rows a call: a larger batch goes in slices, one after the other.
  for (let i = 0; i < toDeliver.length; i += DELIVER_SLICE) {
    const part = await options.deliver(toDeliver.slice(i, i + DELIVER_SLICE));
    for (const key of Object.keys(part) as Array<keyof DeliveryReport>) report.delivery[key] += part[key];
  }
  report.outcomes = await recordOutcomes(db, now(), toDeliver);
  return report;
}

export interface OutcomeCounts {
  sent: number;
  failed: number;
  blocked: number;
}

/**
 * Copies finished outbox rows to their ledger rows: delivered → sent; failed → blocked when the platform said the
 * person is unreachable (403: the loop marked the contact), else failed, with the outbox's last error. A campaign
 * message parked for a person's reply window (Zalo OA) is given up instead: it would arrive days late, out of its
 * campaign, so it is failed ("reply_window"). Without `ids`, every handed-off row is looked at (the periodic sweep).
 */
export async function recordOutcomes(db: Db, now: Date, ids?: number[]): Promise<OutcomeCounts> {
  const counts: OutcomeCounts = { sent: 0, failed: 0, blocked: 0 };
  if (ids && ids.length === 0) return counts;
  const only = ids ? idList(ids) : null;
  await runStatement(
    db,
    `update outbox_messages o set failed_at = $1::timestamptz, last_error = coalesce(o.last_error, 'reply_window')
      where o.kind = 'campaign' and o.awaiting_contact_since is not null and o.delivered_at is null
        and o.failed_at is null
        and o.id in (select d.outbox_message_id from campaign_deliveries d
                      where d.state = 'sending'
                        and ($2::text is null or d.outbox_message_id = any($2::text::bigint[])))`,
    [iso(now), only],
  );
  const rows = await runStatement<{ state: keyof OutcomeCounts }>(
    db,
    `update campaign_deliveries d
        set state = case when o.delivered_at is not null then 'sent'
                         when c.unreachable_at is not null then 'blocked'
                         else 'failed' end,
            sent_at = o.delivered_at, last_error = o.last_error, lease_until = null, updated_at = $1::timestamptz
       from outbox_messages o, contacts c
      where d.state = 'sending' and o.id = d.outbox_message_id and c.id = d.contact_id
        and (o.delivered_at is not null or o.failed_at is not null)
        and ($2::text is null or d.outbox_message_id = any($2::text::bigint[]))
      returning d.state`,
    [iso(now), only],
  );
  for (const row of rows) counts[row.state]++;
  return counts;
}

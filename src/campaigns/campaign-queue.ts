// Campaign fan-out on Cloudflare Workers: the Cron trigger (scheduled) advances the campaigns, queues web chat
// deliveries, then claims about one tick's worth of each sending channel's pace, hands those rows to the outbox
// (held) and puts one Queue message per batch; the Worker's queue() consumer waits for each batch's slot and sends it
// through the channel's delivery loop. A Queue message is only a pointer to held outbox rows: delivered twice, the
// second finds them sent; lost, the rows' lease runs out and the next tick takes them over. Nothing is sent twice.
import { z } from "zod";
import type { Db } from "../../db/db";
import type { Channel } from "../../db/schema/index";
import type { Logger } from "../log";
import type { ChannelRuntimes } from "../services";
import {
  advanceCampaigns,
  type CampaignRates,
  claimAndHandOff,
  DEFAULT_CAMPAIGN_LEASE_MS,
  type HandOff,
  recordOutcomes,
  sendHandOff,
  takeOverExpired,
} from "./campaign-dispatch";

/** Seconds of a channel's pace one Queue message carries (a pause takes effect at the next message's slot). */
const MESSAGE_SECONDS = 5;
const WEB_BATCH = 500;
/** Queue.sendBatch takes at most 100 messages. */
const SEND_BATCH = 100;

export const campaignQueueMessageSchema = z.object({
  channel: z.enum(["telegram", "zalo_oa", "zalo"]),
  outboxIds: z.array(z.number().int().positive()).min(1).max(5_000),
  /** When the batch's stretch of pace begins (epoch ms). */
  slotStart: z.number().int(),
  parts: z.number().int().min(0),
});
export type CampaignQueueMessage = z.infer<typeof campaignQueueMessageSchema>;

/** The Queue producer binding, as much of it as is used. */
export interface CampaignQueue {
  sendBatch(messages: Array<{ body: CampaignQueueMessage }>): Promise<unknown>;
}

export interface ProduceOptions {
  queue: CampaignQueue;
  /** Sending channels this deployment runs (rows of others wait). */
  channels: Array<Exclude<Channel, "web">>;
  rates: CampaignRates;
  now?: () => Date;
  /** The Cron interval: how much pace one tick claims ahead. */
  tickMs: number;
  leaseMs?: number;
}

export interface ProduceReport {
  messages: number;
  handedOff: number;
  skipped: number;
  sentToWeb: number;
  started: number;
  completed: number;
  expired: number;
  sent: number;
  failed: number;
  blocked: number;
}

/** Cron: one tick of campaign work; returns counts for the log. */
export async function produceCampaignBatches(db: Db, options: ProduceOptions): Promise<ProduceReport> {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? DEFAULT_CAMPAIGN_LEASE_MS;
  const report: ProduceReport = {
    messages: 0,
    handedOff: 0,
    skipped: 0,
    sentToWeb: 0,
    started: 0,
    completed: 0,
    expired: 0,
    sent: 0,
    failed: 0,
    blocked: 0,
  };
  const outcomes = await recordOutcomes(db, now());
  report.sent += outcomes.sent;
  report.failed += outcomes.failed;
  report.blocked += outcomes.blocked;
  const tick = await advanceCampaigns(db, now());
  report.started = tick.started;
  report.completed = tick.completed;
  report.expired = tick.expired;
  const add = (handOff: HandOff) => {
    report.handedOff += handOff.outboxIds.length;
    report.skipped += handOff.skipped;
    report.failed += handOff.failed;
    report.sentToWeb += handOff.sentToWeb;
  };
  for (;;) {
    const web = await claimAndHandOff(db, {
      channel: "web",
      now: now(),
      active: tick.active,
      limit: WEB_BATCH,
      ratePerSecond: 1,
    });
    add(web);
    if (web.claimed < WEB_BATCH) break;
  }
  const messages: Array<{ body: CampaignQueueMessage }> = [];
  for (const channel of options.channels) {
    const rate = options.rates[channel];
    const limit = Math.max(1, Math.floor(rate * MESSAGE_SECONDS));
    // Claim up to where this tick's reserved pace reaches the next tick: no more is held than will be sent by then.
    const horizon = now().getTime() + options.tickMs;
    for (let round = 0; round < 1_000; round++) {
      const common = { channel, now: now(), limit, ratePerSecond: rate, leaseMs };
      let handOff = await takeOverExpired(db, common);
      if (handOff.claimed === 0) handOff = await claimAndHandOff(db, { ...common, active: tick.active });
      if (handOff.claimed === 0) break;
      add(handOff);
      if (handOff.outboxIds.length > 0)
        messages.push({
          body: {
            channel,
            outboxIds: handOff.outboxIds,
            slotStart: handOff.slotStart.getTime(),
            parts: handOff.parts,
          },
        });
      if (handOff.slotStart.getTime() >= horizon) break;
    }
  }
  for (let i = 0; i < messages.length; i += SEND_BATCH)
    await options.queue.sendBatch(messages.slice(i, i + SEND_BATCH));
  report.messages = messages.length;
  return report;
}

/** A Queue message as the consumer gets it. */
export interface QueuedMessage {
  body: unknown;
  ack(): void;
  retry(): void;
}

export interface ConsumeOptions {
  channels: ChannelRuntimes;
  log: Logger;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The Queue consumer: each message's batch, in order, each at its slot. A malformed message or one for a channel
 * this deployment does not run is acknowledged and logged (its rows are taken over after their lease, or expire);
 * a database or network failure retries the message, which is harmless (held rows are only pointers).
 */
export async function consumeCampaignMessages(db: Db, messages: QueuedMessage[], options: ConsumeOptions) {
  const now = options.now ?? (() => new Date());
  for (const message of messages) {
    const parsed = campaignQueueMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      options.log.warn("campaigns.queue_message_invalid", { issues: parsed.error.issues.length });
      message.ack();
      continue;
    }
    const body = parsed.data;
    const runtime = options.channels[body.channel];
    if (!runtime) {
      options.log.warn("campaigns.queue_channel_off", { channel: body.channel });
      message.ack();
      continue;
    }
    try {
      const report = await sendHandOff(
        db,
        {
          channel: body.channel,
          outboxIds: body.outboxIds,
          parts: body.parts,
          slotStart: new Date(body.slotStart),
          claimed: body.outboxIds.length,
          skipped: 0,
          failed: 0,
          sentToWeb: 0,
        },
        { deliver: (ids) => runtime.deliver(ids), now, sleep: options.sleep },
      );
      options.log.info("campaigns.queue_batch", {
        channel: body.channel,
        released: report.released,
        returned: report.returned,
        ...report.outcomes,
      });
      message.ack();
    } catch (error) {
      options.log.warn("campaigns.queue_batch_failed", {
        channel: body.channel,
        error: error instanceof Error ? error.name : "unknown",
      });
      message.retry();
    }
  }
}

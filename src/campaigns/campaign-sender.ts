// The campaign sender on Node: runs while the server runs, and keeps sending while campaigns run. A tick loop moves
// campaigns through their states, queues web chat deliveries and sweeps outcomes; per sending channel, a few sender
// loops each claim a batch (FOR UPDATE SKIP LOCKED, so any number of instances sharing one database split the work),
// wait for the stretch of the channel's pace the batch reserved, and send it through the channel's delivery loop.
// sendDueCampaigns is one pass of the same steps, for tests and one-off runs.
import type { Db } from "../../db/db";
import type { Channel } from "../../db/schema/index";
import { describeError, type Logger } from "../log";
import type { ChannelRuntimes } from "../services";
import {
  type ActiveCampaign,
  advanceCampaigns,
  type CampaignRates,
  claimAndHandOff,
  DEFAULT_CAMPAIGN_LEASE_MS,
  type HandOff,
  recordOutcomes,
  sendHandOff,
  takeOverExpired,
} from "./campaign-dispatch";

type SendingChannel = Exclude<Channel, "web">;

/** Seconds of a channel's pace one batch covers: small enough that a pause stops within it. */
const BATCH_SECONDS = 0.5;
/** Web chat rows queued per statement (they only become outbox rows). */
const WEB_BATCH = 500;

export interface CampaignSenderOptions {
  db: Db;
  log?: Logger;
  /** The channels this instance sends on; rows of other channels wait for an instance that runs them. */
  channels: ChannelRuntimes;
  rates: CampaignRates;
  leaseMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface SenderCounts {
  started: number;
  completed: number;
  expired: number;
  held: number;
  released: number;
  handedOff: number;
  skipped: number;
  sentToWeb: number;
  sent: number;
  failed: number;
  blocked: number;
  returned: number;
}

const zero = (): SenderCounts => ({
  started: 0,
  completed: 0,
  expired: 0,
  held: 0,
  released: 0,
  handedOff: 0,
  skipped: 0,
  sentToWeb: 0,
  sent: 0,
  failed: 0,
  blocked: 0,
  returned: 0,
});

/** Rows one batch claims: `BATCH_SECONDS` of the channel's pace, at least one. */
export function batchRows(ratePerSecond: number): number {
  return Math.max(1, Math.floor(ratePerSecond * BATCH_SECONDS));
}

function sendingChannels(channels: ChannelRuntimes): SendingChannel[] {
  return (Object.keys(channels) as Channel[]).filter((c): c is SendingChannel => c !== "web" && !!channels[c]);
}

function addHandOff(counts: SenderCounts, handOff: HandOff) {
  counts.handedOff += handOff.outboxIds.length + handOff.sentToWeb;
  counts.skipped += handOff.skipped;
  counts.failed += handOff.failed;
  counts.sentToWeb += handOff.sentToWeb;
}

async function queueWeb(db: Db, active: ActiveCampaign[], now: Date, counts: SenderCounts) {
  for (;;) {
    const handOff = await claimAndHandOff(db, { channel: "web", now, active, limit: WEB_BATCH, ratePerSecond: 1 });
    addHandOff(counts, handOff);
    if (handOff.claimed < WEB_BATCH) return;
  }
}

/**
 * One pass: states advanced, then every due row of the active campaigns sent on every channel this instance runs
 * (taken-over rows first), paced; outcomes recorded. Returns what it did.
 */
export async function sendDueCampaigns(options: CampaignSenderOptions): Promise<SenderCounts> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const counts = zero();
  const tick = await advanceCampaigns(db, now());
  for (const key of ["started", "completed", "expired", "held", "released"] as const) counts[key] += tick[key];
  await queueWeb(db, tick.active, now(), counts);
  for (const channel of sendingChannels(options.channels)) {
    const runtime = options.channels[channel]!;
    const rate = options.rates[channel];
    const common = { channel, ratePerSecond: rate, limit: batchRows(rate), leaseMs: options.leaseMs };
    for (;;) {
      let handOff = await takeOverExpired(db, { ...common, now: now() });
      if (handOff.claimed === 0) handOff = await claimAndHandOff(db, { ...common, now: now(), active: tick.active });
      if (handOff.claimed === 0) break;
      addHandOff(counts, handOff);
      const report = await sendHandOff(db, handOff, {
        deliver: (ids) => runtime.deliver(ids),
        now,
        sleep: options.sleep,
      });
      counts.returned += report.returned;
      counts.sent += report.outcomes.sent;
      counts.failed += report.outcomes.failed;
      counts.blocked += report.outcomes.blocked;
    }
  }
  const outcomes = await recordOutcomes(db, now());
  counts.sent += outcomes.sent + counts.sentToWeb;
  counts.failed += outcomes.failed;
  counts.blocked += outcomes.blocked;
  return counts;
}

export interface ContinuousSenderOptions extends CampaignSenderOptions {
  log: Logger;
  /** Sender loops per channel (CAMPAIGN_SENDERS). */
  senders?: number;
  /** How often states advance, web rows are queued and outcomes swept. */
  tickMs?: number;
  /** How long a sender loop rests when nothing is due. */
  idleMs?: number;
}

/** Node: the sender loops, until stop() (which waits for the batches in flight to finish sending). */
export function startCampaignSender(options: ContinuousSenderOptions): { stop(): Promise<void> } {
  const { db, log } = options;
  const now = options.now ?? (() => new Date());
  const tickMs = options.tickMs ?? 2_000;
  const idleMs = options.idleMs ?? 1_000;
  const leaseMs = options.leaseMs ?? DEFAULT_CAMPAIGN_LEASE_MS;
  let stopped = false;
  const wakers = new Set<() => void>();
  /** Sleeps, but wakes at stop(). */
  const rest = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });
  let active: ActiveCampaign[] = [];
  const counts = zero();
  const flush = () => {
    if (Object.values(counts).some((n) => n > 0)) log.info("campaigns.sender", { ...counts });
    Object.assign(counts, zero());
  };

  const tickLoop = async () => {
    while (!stopped) {
      try {
        const tick = await advanceCampaigns(db, now());
        for (const key of ["started", "completed", "expired", "held", "released"] as const) counts[key] += tick[key];
        active = tick.active;
        await queueWeb(db, active, now(), counts);
        const outcomes = await recordOutcomes(db, now());
        counts.sent += outcomes.sent;
        counts.failed += outcomes.failed;
        counts.blocked += outcomes.blocked;
        flush();
      } catch (error) {
        log.warn("campaigns.tick_failed", describeError(error));
      }
      await rest(tickMs);
    }
  };

  const senderLoop = async (channel: SendingChannel) => {
    const runtime = options.channels[channel]!;
    const rate = options.rates[channel];
    const common = { channel, ratePerSecond: rate, limit: batchRows(rate), leaseMs };
    let lastTakeOver = 0;
    while (!stopped) {
      try {
        let handOff: HandOff | undefined;
        if (now().getTime() - lastTakeOver >= tickMs) {
          lastTakeOver = now().getTime();
          handOff = await takeOverExpired(db, { ...common, now: now() });
        }
        if (!handOff?.claimed && active.length > 0)
          handOff = await claimAndHandOff(db, { ...common, now: now(), active });
        if (!handOff?.claimed) {
          await rest(idleMs);
          continue;
        }
        addHandOff(counts, handOff);
        // The wait for the slot ends early at stop(); what is held then is taken over after its lease.
        const report = await sendHandOff(db, handOff, {
          deliver: (ids) => runtime.deliver(ids),
          now,
          sleep: rest,
          proceed: () => !stopped,
        });
        counts.returned += report.returned;
        counts.sent += report.outcomes.sent;
        counts.failed += report.outcomes.failed;
        counts.blocked += report.outcomes.blocked;
      } catch (error) {
        log.warn("campaigns.send_failed", { channel, ...describeError(error) });
        await rest(idleMs);
      }
    }
  };

  const loops = [tickLoop()];
  for (const channel of sendingChannels(options.channels))
    for (let i = 0; i < (options.senders ?? 2); i++) loops.push(senderLoop(channel));
  log.info("campaigns.sender_started", { channels: sendingChannels(options.channels).join(",") || "web" });
  return {
    async stop() {
      stopped = true;
      for (const wake of [...wakers]) wake();
      await Promise.allSettled(loops);
      flush();
    },
  };
}

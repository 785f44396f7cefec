// The campaign senders against the real telegraf and the local Bot API: every subscribed person gets the campaign
// exactly once, whoever sends it and whatever crashes; opt-outs, pauses and closed windows stop what they should.
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTelegramBot } from "../../bots/telegram/telegram-bot";
import { createPostgresDb } from "../../db/client-postgres";
import type { Db, DbHandle } from "../../db/db";
import {
  campaignDeliveries,
  campaignSendSlots,
  campaigns,
  contacts,
  lessons,
  outboxMessages,
  subscriptions,
} from "../../db/schema/index";
import {
  advanceCampaigns,
  claimAndHandOff,
  DEFAULT_CAMPAIGN_RATES,
  recordOutcomes,
  sendHandOff,
  takeOverExpired,
} from "../../src/campaigns/campaign-dispatch";
import { UNSUBSCRIBE_HINT } from "../../src/campaigns/campaign-replies";
import { sendDueCampaigns } from "../../src/campaigns/campaign-sender";
import { IN_FLIGHT_MARK } from "../../src/conversations/delivery";
import { listPushed } from "../../src/conversations/outbox";
import { createLogger } from "../../src/log";
import type { ChannelRuntime } from "../../src/services";
import { BotApiEmulator } from "../support/bot-api-emulator";
import { createTestDb, testDriver } from "../support/test-db";
import { addSubscribers, createCampaign, ledgerStates, planDeliveries } from "./dispatch-fixtures";

const FAST = { perSecond: 10_000, perChatPerSecond: 10_000, perChatBurst: 10_000 };
const RATES = { ...DEFAULT_CAMPAIGN_RATES, telegram: 1_000 };
const noSleep = async () => {};
const log = createLogger("error", () => {});

describe(`campaign dispatch (${testDriver})`, () => {
  let handle: DbHandle & { url?: string };
  let db: Db;
  let api: BotApiEmulator;
  let telegram: ChannelRuntime;

  const bot = (database: Db = db): ChannelRuntime =>
    createTelegramBot({
      token: api.token,
      apiRoot: api.url,
      username: "loa_test_bot",
      db: database,
      log,
      pacing: FAST,
    });
  const run = (options: { now?: Date; channels?: Record<string, ChannelRuntime>; database?: Db } = {}) =>
    sendDueCampaigns({
      db: options.database ?? db,
      channels: options.channels ?? { telegram },
      rates: RATES,
      now: () => options.now ?? new Date(),
      sleep: noSleep,
    });
  const chatsReached = () => api.sent().map((c) => String(c.params.chat_id));

  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
    db = handle.db;
    api = await new BotApiEmulator().start();
    telegram = bot();
  });
  afterAll(async () => {
    await api?.stop();
    await handle?.close();
  });
  beforeEach(async () => {
    api.clear();
    // Each test starts with the channel's pace unreserved (a test may have reserved slots at an injected time).
    await db.delete(campaignSendSlots);
  });

  it("sends each subscriber the campaign once, links the outbox, records sent and completes the campaign", async () => {
    const people = await addSubscribers(db, 7);
    // A button is drawn only for a lesson that exists (the preview shows the same).
    const [lesson] = await db
      .insert(lessons)
      .values({ slug: "ngay-phap-luat", title: "Ngày Pháp luật", summary: "Tóm tắt", body: "Nội dung", search: "" })
      .returning({ id: lessons.id });
    const id = await createCampaign(db, {
      messages: [{ text: "Hưởng ứng Ngày Pháp luật 9/11", lessonId: lesson!.id }, { text: "Mời bạn tìm hiểu thêm" }],
    });
    await planDeliveries(db, id, people);

    const counts = await run();
    expect(counts).toMatchObject({ handedOff: 7, sent: 7, completed: 0 });
    expect(chatsReached().sort()).toEqual(people.flatMap((p) => [p.platformId, p.platformId]).sort());
    const first = api.sent(people[0]!.platformId);
    expect(first.map((c) => c.params.text)).toEqual([
      "Hưởng ứng Ngày Pháp luật 9/11",
      `Mời bạn tìm hiểu thêm\n\n${UNSUBSCRIBE_HINT}`,
    ]);
    expect(JSON.stringify(first[0]!.params.reply_markup)).toContain(`lesson:${lesson!.id}`);

    const rows = await db.select().from(campaignDeliveries).where(eq(campaignDeliveries.campaignId, id));
    for (const row of rows) {
      expect(row).toMatchObject({ state: "sent", attempts: 1, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
      const [outbox] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, row.outboxMessageId!));
      expect(outbox).toMatchObject({ contactId: row.contactId, kind: "campaign", partsSent: 2 });
    }
    // Nothing left: the next pass completes the campaign and sends nothing more.
    expect(await run()).toMatchObject({ completed: 1, handedOff: 0 });
    expect(api.sent()).toHaveLength(14);
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(campaign).toMatchObject({ state: "completed" });
  });

  it("starts a scheduled campaign at its start time, not before", async () => {
    const startAt = new Date(Date.now() + 3_600_000);
    const people = await addSubscribers(db, 2);
    const id = await createCampaign(db, { state: "scheduled", startAt });
    await planDeliveries(db, id, people, "telegram", startAt);
    expect(await run()).toMatchObject({ started: 0, handedOff: 0 });
    expect(api.sent()).toHaveLength(0);
    expect(await run({ now: new Date(startAt.getTime() + 1_000) })).toMatchObject({ started: 1, sent: 2 });
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(campaign!.state).toBe("running");
    expect(campaign!.startedAt).toBeInstanceOf(Date);
  });

  it("skips people who opted out, unsubscribed or became unreachable after planning; sends to the others", async () => {
    const people = await addSubscribers(db, 4);
    const id = await createCampaign(db);
    await planDeliveries(db, id, people);
    const [optedOut, unsubscribed, unreachable, still] = people;
    await db.update(contacts).set({ optedOutAt: new Date() }).where(eq(contacts.id, optedOut!.id));
    await db
      .update(subscriptions)
      .set({ unsubscribedAt: new Date() })
      .where(eq(subscriptions.contactId, unsubscribed!.id));
    await db.update(contacts).set({ unreachableAt: new Date() }).where(eq(contacts.id, unreachable!.id));

    expect(await run()).toMatchObject({ skipped: 3, sent: 1 });
    expect(chatsReached()).toEqual([still!.platformId]);
    const rows = await db
      .select({
        contactId: campaignDeliveries.contactId,
        state: campaignDeliveries.state,
        why: campaignDeliveries.lastError,
      })
      .from(campaignDeliveries)
      .where(eq(campaignDeliveries.campaignId, id));
    const byContact = new Map(rows.map((r) => [r.contactId, r]));
    expect(byContact.get(optedOut!.id)).toMatchObject({ state: "skipped", why: "opted_out" });
    expect(byContact.get(unsubscribed!.id)).toMatchObject({ state: "skipped", why: "unsubscribed" });
    expect(byContact.get(unreachable!.id)).toMatchObject({ state: "skipped", why: "unreachable" });
    expect(byContact.get(still!.id)).toMatchObject({ state: "sent" });
  });

  it("keeps a topic campaign to people still subscribed to its topic or to news", async () => {
    const people = await addSubscribers(db, 2, "telegram", ["hon-nhan"]);
    const id = await createCampaign(db, { topics: ["hon-nhan"] });
    await planDeliveries(db, id, people);
    // The first one stops the news but keeps the topic: still subscribed to what the campaign is about.
    await db
      .update(subscriptions)
      .set({ unsubscribedAt: new Date() })
      .where(and(eq(subscriptions.contactId, people[0]!.id), eq(subscriptions.topic, "news")));
    await db
      .update(subscriptions)
      .set({ unsubscribedAt: new Date() })
      .where(eq(subscriptions.contactId, people[1]!.id));
    expect(await run()).toMatchObject({ sent: 1, skipped: 1 });
    expect(chatsReached()).toEqual([people[0]!.platformId]);
  });

  it("stops within one batch when the campaign is paused, and sends the rest once it resumes", async () => {
    const people = await addSubscribers(db, 6);
    const id = await createCampaign(db);
    await planDeliveries(db, id, people);
    // Pace 4/s: batches of 2. The officer pauses while the first batch is being sent.
    let batches = 0;
    const pausing: ChannelRuntime = {
      async deliver(ids) {
        batches++;
        const report = await telegram.deliver(ids);
        await db.update(campaigns).set({ state: "paused" }).where(eq(campaigns.id, id));
        return report;
      },
    };
    const counts = await sendDueCampaigns({
      db,
      channels: { telegram: pausing },
      rates: { ...RATES, telegram: 4 },
      sleep: noSleep,
    });
    expect(batches).toBe(1);
    expect(counts.sent).toBe(2);
    expect(api.sent()).toHaveLength(2);
    expect(await ledgerStates(db, id)).toEqual({ sent: 2, queued: 4 });

    await db.update(campaigns).set({ state: "running" }).where(eq(campaigns.id, id));
    expect(await run()).toMatchObject({ sent: 4 });
    expect(new Set(chatsReached())).toEqual(new Set(people.map((p) => p.platformId)));
    expect(api.sent()).toHaveLength(6);
  });

  it("sends a whole hand-off larger than the delivery loop's own batch in one go", async () => {
    const people = await addSubscribers(db, 120);
    const id = await createCampaign(db);
    await planDeliveries(db, id, people);
    const tick = await advanceCampaigns(db, new Date());
    const handOff = await claimAndHandOff(db, {
      channel: "telegram",
      now: new Date(),
      active: tick.active.filter((c) => c.id === id),
      limit: 500,
      ratePerSecond: 1_000,
    });
    expect(handOff.outboxIds).toHaveLength(120);
    const report = await sendHandOff(db, handOff, { deliver: (ids) => telegram.deliver(ids), sleep: noSleep });
    expect(report.delivery.delivered).toBe(120);
    expect(report.outcomes.sent).toBe(120);
    expect(api.sent()).toHaveLength(120);
  });

  it("takes a handed-off batch back out of the outbox when the campaign was paused before its slot", async () => {
    const people = await addSubscribers(db, 3);
    const id = await createCampaign(db);
    await planDeliveries(db, id, people);
    const tick = await advanceCampaigns(db, new Date());
    const handOff = await claimAndHandOff(db, {
      channel: "telegram",
      now: new Date(),
      active: tick.active.filter((c) => c.id === id),
      limit: 10,
      ratePerSecond: 100,
    });
    expect(handOff.outboxIds).toHaveLength(3);
    await db.update(campaigns).set({ state: "paused" }).where(eq(campaigns.id, id));
    const report = await sendHandOff(db, handOff, { deliver: (ids) => telegram.deliver(ids), sleep: noSleep });
    expect(report).toMatchObject({ released: 0, returned: 3 });
    expect(api.sent()).toHaveLength(0);
    expect(await ledgerStates(db, id)).toEqual({ queued: 3 });
    const left = await db.select().from(outboxMessages).where(eq(outboxMessages.kind, "campaign"));
    expect(left.filter((o) => handOff.outboxIds.includes(o.id))).toEqual([]);
    // A paused campaign's rows are not claimed at all.
    expect((await run()).handedOff).toBe(0);
    await db.update(campaigns).set({ state: "cancelled" }).where(eq(campaigns.id, id));
  });

  it("holds due rows while the window is closed (waiting until it opens) and sends them when it opens", async () => {
    const people = await addSubscribers(db, 3);
    // 07:00–21:00 Vietnamese time. 22:30 there is 15:30 UTC; the window opens at 00:00 UTC (07:00 +07).
    const id = await createCampaign(db, { window: { fromMinute: 7 * 60, toMinute: 21 * 60 } });
    const evening = new Date("2026-11-08T15:30:00Z");
    await planDeliveries(db, id, people, "telegram", new Date("2026-11-08T15:00:00Z"));
    expect(await run({ now: evening })).toMatchObject({ held: 3, handedOff: 0 });
    const rows = await db.select().from(campaignDeliveries).where(eq(campaignDeliveries.campaignId, id));
    for (const row of rows) {
      expect(row.state).toBe("waiting");
      expect(row.dueAt.toISOString()).toBe("2026-11-09T00:00:00.000Z");
    }
    // Later that night: still closed, nothing sent.
    expect(await run({ now: new Date("2026-11-08T22:59:00Z") })).toMatchObject({ handedOff: 0, released: 0 });
    expect(api.sent()).toHaveLength(0);
    // 07:05 on Law Day.
    expect(await run({ now: new Date("2026-11-09T00:05:00Z") })).toMatchObject({ released: 3, sent: 3 });
    expect(await ledgerStates(db, id)).toEqual({ sent: 3 });
    expect(api.sent()).toHaveLength(3);
  });

  it("leaves no trace of a hand-off whose transaction crashed; the next pass sends those rows once", async () => {
    const people = await addSubscribers(db, 2);
    const id = await createCampaign(db);
    await planDeliveries(db, id, people);
    const tick = await advanceCampaigns(db, new Date());
    await expect(
      claimAndHandOff(db, {
        channel: "telegram",
        now: new Date(),
        active: tick.active.filter((c) => c.id === id),
        limit: 10,
        ratePerSecond: 100,
        beforeCommit: async () => {
          throw new Error("simulated crash before commit");
        },
      }),
    ).rejects.toThrow("simulated crash");
    expect(await ledgerStates(db, id)).toEqual({ queued: 2 });
    const linked = await db
      .select()
      .from(campaignDeliveries)
      .where(and(eq(campaignDeliveries.campaignId, id), isNotNull(campaignDeliveries.outboxMessageId)));
    expect(linked).toEqual([]);
    expect(await run()).toMatchObject({ sent: 2 });
    expect(chatsReached().sort()).toEqual(people.map((p) => p.platformId).sort());
  });

  it("takes over a batch whose sender crashed after the hand-off once its lease ran out; no second send", async () => {
    const people = await addSubscribers(db, 3);
    const id = await createCampaign(db);
    await planDeliveries(db, id, people);
    const claimedAt = new Date();
    const tick = await advanceCampaigns(db, claimedAt);
    // Sender A claims and hands off, then dies before sending anything.
    const handOff = await claimAndHandOff(db, {
      channel: "telegram",
      now: claimedAt,
      active: tick.active.filter((c) => c.id === id),
      limit: 10,
      ratePerSecond: 1_000,
      leaseMs: 60_000,
    });
    expect(handOff.outboxIds).toHaveLength(3);
    // The outbox sweep leaves held rows alone; a second sender finds nothing while the lease holds.
    expect((await telegram.deliver()).delivered).toBe(0);
    expect(await run()).toMatchObject({ handedOff: 0, sent: 0 });
    expect(api.sent()).toHaveLength(0);
    // Sender B, after the lease: takes the rows over (attempts 2) and sends each once.
    const later = new Date(claimedAt.getTime() + 61_000);
    expect(await run({ now: later })).toMatchObject({ handedOff: 3, sent: 3 });
    expect(chatsReached().sort()).toEqual(people.map((p) => p.platformId).sort());
    const rows = await db.select().from(campaignDeliveries).where(eq(campaignDeliveries.campaignId, id));
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([
      ["sent", 2],
      ["sent", 2],
      ["sent", 2],
    ]);
    // The same outbox rows, not new ones.
    expect(rows.map((r) => r.outboxMessageId).sort()).toEqual([...handOff.outboxIds].sort());
    // Sender A wakes up and tries to send its batch anyway: the outbox has delivered them; nothing goes twice.
    await sendHandOff(db, handOff, { deliver: (ids) => telegram.deliver(ids), sleep: noSleep });
    expect(await takeOverExpired(db, { channel: "telegram", now: later, limit: 10, ratePerSecond: 100 })).toMatchObject(
      {
        claimed: 0,
      },
    );
    expect(api.sent()).toHaveLength(3);
  });

  it("never sends again a campaign part its dead sender had on the way (at most once), and says so", async () => {
    const people = await addSubscribers(db, 2);
    const id = await createCampaign(db);
    await planDeliveries(db, id, people);
    const claimedAt = new Date();
    const tick = await advanceCampaigns(db, claimedAt);
    const handOff = await claimAndHandOff(db, {
      channel: "telegram",
      now: claimedAt,
      active: tick.active.filter((c) => c.id === id),
      limit: 10,
      ratePerSecond: 1_000,
      leaseMs: 60_000,
    });
    // What a worker killed during the first row's send leaves: its claim (attempts 1), the in-flight mark, a lease
    // that ran out. Whether Telegram got that message is unknown.
    const [uncertainId, cleanId] = handOff.outboxIds;
    await db
      .update(outboxMessages)
      .set({ attempts: 1, lastError: IN_FLIGHT_MARK, nextAttemptAt: new Date(claimedAt.getTime() - 1_000) })
      .where(eq(outboxMessages.id, uncertainId!));
    const later = new Date(claimedAt.getTime() + 61_000);
    expect(await run({ now: later })).toMatchObject({ handedOff: 2, sent: 2 });
    const rows = await db.select().from(campaignDeliveries).where(eq(campaignDeliveries.campaignId, id));
    const byOutbox = new Map(rows.map((r) => [r.outboxMessageId, r]));
    expect(byOutbox.get(uncertainId!)).toMatchObject({ state: "sent", lastError: "uncertain" });
    expect(byOutbox.get(cleanId!)).toMatchObject({ state: "sent", lastError: null });
    expect(chatsReached()).toEqual([people.find((p) => p.id === byOutbox.get(cleanId!)!.contactId)!.platformId]);

    // A reply (not a campaign) left the same way is sent again: a late answer beats a lost one.
    const [contact] = await db.insert(contacts).values({ channel: "telegram", platformId: "990001" }).returning();
    await db.insert(outboxMessages).values({
      contactId: contact!.id,
      kind: "reply",
      channel: "telegram",
      replies: [{ text: "Câu trả lời" }],
      attempts: 1,
      lastError: IN_FLIGHT_MARK,
      nextAttemptAt: new Date(Date.now() - 1_000),
    });
    expect((await telegram.deliver()).delivered).toBe(1);
    expect(api.sent("990001")).toHaveLength(1);
  });

  it("records the outcome of a hand-off whose sender died mid-send once the outbox sweep delivers it", async () => {
    const people = await addSubscribers(db, 2);
    const id = await createCampaign(db, { startAt: new Date(Date.now() - 600_000) });
    const claimedAt = new Date(Date.now() - 120_000);
    await planDeliveries(db, id, people, "telegram", new Date(claimedAt.getTime() - 1_000));
    const tick = await advanceCampaigns(db, claimedAt);
    await claimAndHandOff(db, {
      channel: "telegram",
      now: claimedAt,
      active: tick.active.filter((c) => c.id === id),
      limit: 10,
      ratePerSecond: 1_000,
      leaseMs: 60_000,
    });
    // The lease ran out a minute ago: the periodic outbox sweep sends them; the sender's sweep copies the outcome.
    expect((await telegram.deliver()).delivered).toBe(2);
    expect(await recordOutcomes(db, new Date())).toEqual({ sent: 2, failed: 0, blocked: 0 });
    expect(await ledgerStates(db, id)).toEqual({ sent: 2 });
    expect(api.sent()).toHaveLength(2);
  });

  it("fails the rows never handed off once the campaign has ended, and completes it", async () => {
    const people = await addSubscribers(db, 2);
    const id = await createCampaign(db, { endAt: new Date(Date.now() - 1_000) });
    await planDeliveries(db, id, people);
    expect(await run()).toMatchObject({ expired: 2, handedOff: 0 });
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(campaign!.state).toBe("completed");
    const rows = await db.select().from(campaignDeliveries).where(eq(campaignDeliveries.campaignId, id));
    expect(rows.map((r) => [r.state, r.lastError])).toEqual([
      ["failed", "expired"],
      ["failed", "expired"],
    ]);
    expect(api.sent()).toHaveLength(0);
  });

  it("queues web chat deliveries for GET /web/messages and counts them sent", async () => {
    const people = await addSubscribers(db, 2, "web");
    const id = await createCampaign(db, { channels: ["web"], surveyKey: "law_day_quiz" });
    await planDeliveries(db, id, people, "web");
    // No sending channel is needed for the web chat.
    expect(await run({ channels: {} })).toMatchObject({ sentToWeb: 2, sent: 2 });
    const page = await listPushed(db, "web", people[0]!.platformId, 0, 10);
    expect(page.messages).toHaveLength(1);
    expect(page.messages[0]).toMatchObject({ kind: "campaign" });
    const invitation = page.messages[0]!.replies.at(-1)!.options!;
    expect(invitation.map((o) => o.value)).toEqual(["survey:law_day_quiz"]);
    expect(invitation[0]!.label).toMatch(/^📝 Tham gia khảo sát: /);
    expect(await ledgerStates(db, id)).toEqual({ sent: 2 });
    expect(api.sent()).toHaveLength(0);
  });

  it("marks rows failed when the campaign's stored messages cannot be sent", async () => {
    const people = await addSubscribers(db, 1);
    const id = await createCampaign(db, { messages: [{ text: "" }] });
    await planDeliveries(db, id, people);
    expect(await run()).toMatchObject({ failed: 1, handedOff: 0 });
    const [row] = await db.select().from(campaignDeliveries).where(eq(campaignDeliveries.campaignId, id));
    expect(row).toMatchObject({ state: "failed", lastError: "invalid_messages" });
  });

  it("sends exactly once when two senders share the database and race over the same ledger", async () => {
    const people = await addSubscribers(db, 120);
    const id = await createCampaign(db);
    await planDeliveries(db, id, people);
    // Two instances: on Postgres, two connection pools (two processes' worth); on PGlite, one connection
    // interleaving both (the logic, not the locks).
    const second = testDriver === "postgres" ? createPostgresDb(handle.url!, { max: 3 }) : undefined;
    const otherDb = second?.db ?? db;
    const rates = { ...RATES, telegram: 40 };
    try {
      const [a, b] = await Promise.all([
        sendDueCampaigns({ db, channels: { telegram }, rates, sleep: noSleep }),
        sendDueCampaigns({ db: otherDb, channels: { telegram: bot(otherDb) }, rates, sleep: noSleep }),
      ]);
      expect(a.handedOff + b.handedOff).toBe(120);
      if (testDriver === "postgres") expect(Math.min(a.handedOff, b.handedOff)).toBeGreaterThan(0);
    } finally {
      await second?.close();
    }
    const reached = chatsReached();
    expect(reached).toHaveLength(120);
    expect(new Set(reached)).toEqual(new Set(people.map((p) => p.platformId)));
    expect(await ledgerStates(db, id)).toEqual({ sent: 120 });
  });
});

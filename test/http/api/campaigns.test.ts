// Campaigns through the officer API: an officer of Hà Nội creates a draft, previews it (messages as citizens see
// them, audience by channel and unit), sends a test to their own web chat, schedules it (the ledger gets exactly
// the eligible people), pauses, resumes (late subscribers added, nobody re-planned or re-sent) and cancels; bad
// input is 400 naming the field, another province is 404, a forbidden move is 409 with the current state; the
// Law Day template posts back as is; every change is audited.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import {
  auditLog,
  campaignDeliveries,
  contacts,
  lessons,
  surveyResponses,
  surveyVersions,
  surveyWaves,
  units,
} from "../../../db/schema/index";
import { UNSUBSCRIBE_HINT } from "../../../src/campaigns/campaign-replies";
import { type OfficerWorld, openOfficerWorld } from "../../support/officer-fixtures";
import { apiCall, type createTestApp, say, signedWebUser, type WebReply } from "../../support/test-app";
import { testDriver } from "../../support/test-db";
import { addSubscriber, unitIdOf } from "../../campaigns/campaign-fixtures";

interface CampaignBody {
  id: number;
  state: string;
  unitCode: string;
  targeted: number;
  schedule: { startAt: string; endAt: string | null; window: { from: string; to: string }; spreadHours: number };
  progress?: Record<string, number>;
  forecast?: { finishAt: string | null; remaining: number; basis: string; byChannel: Array<{ channel: string }> };
}

const validBody = (overrides: Record<string, unknown> = {}) => ({
  name: "Tuyên truyền Luật Hôn nhân và gia đình",
  unitCode: "01",
  channels: ["web", "telegram"],
  audience: { unitCodes: ["00004"], topics: ["dan-su-hon-nhan-gia-dinh"] },
  messages: [{ text: "Bạn đã biết điều kiện kết hôn theo luật chưa?" }, { text: "Cảm ơn bạn đã theo dõi." }],
  schedule: {
    startAt: "2027-11-01T07:00:00+07:00",
    endAt: "2027-11-09T21:00:00+07:00",
    window: { from: "07:00", to: "21:00" },
    spreadHours: 4,
  },
  ...overrides,
});

describe(`campaigns API (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;
  let token: string;
  let lessonId: number;

  const call = (method: string, path: string, body?: unknown, as = token) => apiCall(app, as, method, path, body);
  const create = async (body: unknown = validBody()) => {
    const response = await call("POST", "/api/campaigns", body);
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { campaign: CampaignBody }).campaign;
  };
  const detail = async (id: number) => {
    const response = await call("GET", `/api/campaigns/${id}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { campaign: CampaignBody }).campaign;
  };
  const ledger = (campaignId: number) =>
    handle.db
      .select({
        contactId: campaignDeliveries.contactId,
        state: campaignDeliveries.state,
        dueAt: campaignDeliveries.dueAt,
      })
      .from(campaignDeliveries)
      .where(eq(campaignDeliveries.campaignId, campaignId));

  const eligible: string[] = [];

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
    token = world.tokens.officer;
    const db = handle.db;
    // A published lesson (the world's own are drafts): the seeded Law Day one.
    const [lesson] = await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.slug, "ngay-phap-luat-9-11"));
    lessonId = lesson!.id;
    // In: news on the web, the audience topic on Telegram, a unit below the audience unit is not possible for a
    // commune, so the province-wide campaign below covers that.
    eligible.push(await addSubscriber(db, { channel: "web", platformId: "nguoi-dan-web" }));
    eligible.push(await addSubscriber(db, { channel: "telegram", topics: ["dan-su-hon-nhan-gia-dinh"] }));
    // Out, each for one reason.
    await addSubscriber(db, { channel: "telegram", optedOut: true });
    await addSubscriber(db, { channel: "web", unreachable: true });
    await addSubscriber(db, { channel: "web", unsubscribed: true });
    await addSubscriber(db, { channel: "web", unitCode: world.outside.communeCode });
    await addSubscriber(db, { channel: "zalo_oa" });
    await addSubscriber(db, { channel: "web", unitCode: null });
    await addSubscriber(db, { channel: "web", topics: ["hien-phap-nha-nuoc"] });
    await addSubscriber(db, { channel: "web", topics: [] });
  });
  afterAll(async () => handle?.close());

  it("creates a draft (201) with the defaults filled in, and audits it", async () => {
    const body = validBody();
    delete (body.schedule as Record<string, unknown>).window;
    const campaign = await create(body);
    expect(campaign).toMatchObject({ state: "draft", unitCode: "01", targeted: 0 });
    expect(campaign.schedule.window).toEqual({ from: "07:00", to: "21:00" });
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "campaign.create"), eq(auditLog.targetId, String(campaign.id))));
    expect(audit?.officerEmail).toBe("ha-noi-officer@loa.test");
  });

  it.each([
    [
      "endAt before startAt",
      { schedule: { startAt: "2027-11-09T07:00:00+07:00", endAt: "2027-11-01T07:00:00+07:00" } },
      "schedule.endAt",
    ],
    [
      "endAt equal to startAt",
      { schedule: { startAt: "2027-11-09T07:00:00+07:00", endAt: "2027-11-09T07:00:00+07:00" } },
      "schedule.endAt",
    ],
    ["no audience unit", { audience: { unitCodes: [] } }, "audience.unitCodes"],
    ["no audience", { audience: undefined }, "audience"],
    ["an unknown unit", { audience: { unitCodes: ["00004", "99999"] } }, "audience.unitCodes.1"],
    ["an unknown topic", { audience: { unitCodes: ["00004"], topics: ["khong-co"] } }, "audience.topics.0"],
    ["an unknown survey", { surveyKey: "khong_co_khao_sat" }, "surveyKey"],
    [
      "a window past 24:00",
      { schedule: { startAt: "2027-11-01T07:00:00+07:00", window: { from: "07:00", to: "24:30" } } },
      "schedule.window.to",
    ],
    [
      "a malformed window",
      { schedule: { startAt: "2027-11-01T07:00:00+07:00", window: { from: "7h", to: "21:00" } } },
      "schedule.window.from",
    ],
    ["an unknown channel", { channels: ["web", "facebook"] }, "channels.1"],
    ["no channel", { channels: [] }, "channels"],
    ["no message", { messages: [] }, "messages"],
    ["an empty message", { messages: [{ text: "   " }] }, "messages.0.text"],
    ["zero spread", { schedule: { startAt: "2027-11-01T07:00:00+07:00", spreadHours: 0 } }, "schedule.spreadHours"],
    [
      "negative spread",
      { schedule: { startAt: "2027-11-01T07:00:00+07:00", spreadHours: -3 } },
      "schedule.spreadHours",
    ],
    [
      "an absurd spread",
      { schedule: { startAt: "2027-11-01T07:00:00+07:00", spreadHours: 100_000 } },
      "schedule.spreadHours",
    ],
    [
      "a spread that ends after the end",
      { schedule: { startAt: "2027-11-01T07:00:00+07:00", endAt: "2027-11-02T07:00:00+07:00", spreadHours: 20 } },
      "schedule.spreadHours",
    ],
    ["a start without offset", { schedule: { startAt: "2027-11-01 07:00" } }, "schedule.startAt"],
    ["an unknown lesson", { messages: [{ text: "Đọc bài", lessonId: 999_999 }] }, "messages.0.lessonId"],
    ["an unknown article", { messages: [{ text: "Đọc điều", articleId: 999_999 }] }, "messages.0.articleId"],
    ["no name", { name: " " }, "name"],
  ])("refuses %s with 400 naming %s", async (_label, overrides, field) => {
    const response = await call("POST", "/api/campaigns", validBody(overrides));
    expect(response.status, await response.clone().text()).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: Array<{ field: string }> } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.issues.map((i) => i.field)).toContain(field);
  });

  it("answers 404 for an owning unit or an audience unit outside the caller's scope, writing nothing", async () => {
    for (const overrides of [
      { unitCode: world.outside.provinceCode },
      { audience: { unitCodes: ["00004", world.outside.communeCode] } },
    ]) {
      const response = await call("POST", "/api/campaigns", validBody(overrides));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("NGOAI-PHAM-VI");
    }
  });

  it("previews the messages as citizens get them and the audience by channel and unit", async () => {
    const campaign = await create(
      validBody({
        messages: [{ text: "Đọc bài mới", lessonId }, { text: "Làm bài tìm hiểu" }],
        surveyKey: "law_day_quiz",
      }),
    );
    const response = await call("GET", `/api/campaigns/${campaign.id}/preview`);
    expect(response.status).toBe(200);
    const preview = (await response.json()) as {
      replies: WebReply[];
      audience: { total: number; byChannel: unknown[]; byUnit: unknown[] };
    };
    expect(preview.replies[0]!.text).toBe("Đọc bài mới");
    expect(preview.replies[0]!.options).toEqual([
      { label: expect.stringMatching(/^📖 Đọc bài: /), value: `lesson:${lessonId}` },
    ]);
    expect(preview.replies[1]!.text).toBe(`Làm bài tìm hiểu\n\n${UNSUBSCRIBE_HINT}`);
    expect(preview.replies[1]!.options).toEqual([
      { label: expect.stringContaining("khảo sát"), value: "survey:law_day_quiz" },
    ]);
    expect(preview.audience).toEqual({
      total: 2,
      byChannel: [
        { channel: "telegram", count: 1 },
        { channel: "web", count: 1 },
      ],
      byUnit: [{ unitCode: "00004", unitName: expect.any(String), count: 2 }],
    });
    // A draft's forecast is an estimate from that audience.
    const read = await detail(campaign.id);
    expect(read.forecast).toMatchObject({ basis: "audience", remaining: 2 });
    expect(read.progress).toMatchObject({ targeted: 0, sent: 0 });
  });

  it("sends a test to the officer's own web chat through the outbox; an unknown chat is 400", async () => {
    const campaign = await create();
    await say(app, "can-bo-thu", "menu");
    const response = await call("POST", `/api/campaigns/${campaign.id}/test`, {
      channel: "web",
      platformId: await signedWebUser(app, "can-bo-thu"),
    });
    expect(response.status, await response.clone().text()).toBe(202);
    const polled = await app.request(
      `/web/messages?user=${encodeURIComponent(await signedWebUser(app, "can-bo-thu"))}`,
    );
    const { messages } = (await polled.json()) as { messages: Array<{ kind: string; replies: WebReply[] }> };
    expect(messages.map((m) => m.kind)).toEqual(["campaign_test"]);
    expect(messages[0]!.replies[0]!.text).toMatch(/^\[Tin thử\] Bạn đã biết/);
    expect(messages[0]!.replies).toHaveLength(2);

    const unknown = await call("POST", `/api/campaigns/${campaign.id}/test`, { channel: "telegram", platformId: "42" });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0]!.field).toBe(
      "platformId",
    );
    const badChannel = await call("POST", `/api/campaigns/${campaign.id}/test`, { channel: "sms", platformId: "1" });
    expect(badChannel.status).toBe(400);
  });

  it("schedules: the ledger holds the eligible people once; scheduling again is 409 naming the state", async () => {
    const campaign = await create();
    const response = await call("POST", `/api/campaigns/${campaign.id}/schedule`);
    expect(response.status, await response.clone().text()).toBe(200);
    const scheduled = ((await response.json()) as { campaign: CampaignBody }).campaign;
    expect(scheduled).toMatchObject({ state: "scheduled", targeted: 2 });
    expect(scheduled.progress).toMatchObject({ targeted: 2, queued: 2, sent: 0, failed: 0, blocked: 0, waiting: 0 });
    expect(scheduled.forecast).toMatchObject({ basis: "ledger", remaining: 2 });
    expect(scheduled.forecast!.finishAt).not.toBeNull();
    const rows = await ledger(campaign.id);
    expect(rows.map((r) => r.contactId).sort()).toEqual([...eligible].sort());

    const again = await call("POST", `/api/campaigns/${campaign.id}/schedule`);
    expect(again.status).toBe(409);
    const conflict = (await again.json()) as { error: { code: string }; campaign: { id: number; state: string } };
    expect(conflict).toMatchObject({ error: { code: "conflict" }, campaign: { id: campaign.id, state: "scheduled" } });
    expect(await ledger(campaign.id)).toHaveLength(2);

    const edit = await call("PATCH", `/api/campaigns/${campaign.id}`, { name: "Tên mới" });
    expect(edit.status).toBe(409);
    const resume = await call("POST", `/api/campaigns/${campaign.id}/resume`);
    expect(resume.status).toBe(409);
  });

  it("pauses and resumes: a late subscriber is added, sent rows stay sent, nobody appears twice", async () => {
    const campaign = await create();
    await call("POST", `/api/campaigns/${campaign.id}/schedule`);
    const before = await ledger(campaign.id);
    // The sender has delivered to the first person.
    await handle.db
      .update(campaignDeliveries)
      .set({ state: "sent", sentAt: new Date() })
      .where(and(eq(campaignDeliveries.campaignId, campaign.id), eq(campaignDeliveries.contactId, eligible[0]!)));
    const paused = await call("POST", `/api/campaigns/${campaign.id}/pause`);
    expect(paused.status).toBe(200);
    expect(((await paused.json()) as { campaign: CampaignBody }).campaign.state).toBe("paused");
    expect((await call("POST", `/api/campaigns/${campaign.id}/pause`)).status).toBe(409);

    const late = await addSubscriber(handle.db, { channel: "web" });
    const resumed = await call("POST", `/api/campaigns/${campaign.id}/resume`);
    expect(resumed.status).toBe(200);
    // It never started sending (the dispatcher moves it to running), so it goes back to scheduled.
    const body = ((await resumed.json()) as { campaign: CampaignBody }).campaign;
    expect(body).toMatchObject({ state: "scheduled", targeted: 3 });
    expect(body.progress).toMatchObject({ targeted: 3, sent: 1, queued: 2 });
    const after = await ledger(campaign.id);
    expect(after).toHaveLength(3);
    expect(new Set(after.map((r) => r.contactId)).size).toBe(3);
    expect(after.find((r) => r.contactId === late)?.state).toBe("queued");
    for (const row of before) {
      const now = after.find((r) => r.contactId === row.contactId)!;
      expect(now.dueAt).toEqual(row.dueAt);
    }
    expect(after.find((r) => r.contactId === eligible[0])?.state).toBe("sent");
    // A campaign that already started sending resumes to running.
    await call("POST", `/api/campaigns/${campaign.id}/pause`);
    await handle.db.execute(`update campaigns set started_at = now() where id = ${campaign.id}`);
    const running = await call("POST", `/api/campaigns/${campaign.id}/resume`);
    expect(((await running.json()) as { campaign: CampaignBody }).campaign.state).toBe("running");
    expect(await ledger(campaign.id)).toHaveLength(3);
  });

  it("cancels: what was not sent is skipped; cancelling again is 409", async () => {
    const campaign = await create();
    await call("POST", `/api/campaigns/${campaign.id}/schedule`);
    const response = await call("POST", `/api/campaigns/${campaign.id}/cancel`);
    expect(response.status).toBe(200);
    const body = ((await response.json()) as { campaign: CampaignBody }).campaign;
    expect(body.state).toBe("cancelled");
    expect(body.progress).toMatchObject({ skipped: 3, queued: 0 });
    expect(body.forecast).toMatchObject({ basis: "finished", finishAt: null });
    const again = await call("POST", `/api/campaigns/${campaign.id}/cancel`);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { campaign: { state: string } }).campaign.state).toBe("cancelled");
    const actions = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, String(campaign.id)));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["campaign.create", "campaign.schedule", "campaign.cancel"]),
    );
  });

  it("edits a draft: parts replace the stored ones, and the result must still hold together", async () => {
    const campaign = await create();
    const response = await call("PATCH", `/api/campaigns/${campaign.id}`, {
      name: "Tên đã sửa",
      channels: ["web"],
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as { campaign: { name: string; channels: string[] } }).campaign).toMatchObject({
      name: "Tên đã sửa",
      channels: ["web"],
    });
    const broken = await call("PATCH", `/api/campaigns/${campaign.id}`, {
      schedule: { startAt: "2027-12-01T07:00:00+07:00", endAt: "2027-11-01T07:00:00+07:00" },
    });
    expect(broken.status).toBe(400);
    const outside = await call("PATCH", `/api/campaigns/${campaign.id}`, {
      audience: { unitCodes: [world.outside.communeCode] },
    });
    expect(outside.status).toBe(404);
  });

  it("counts survey starts and completions of people after their messages went out", async () => {
    const campaign = await create(validBody({ surveyKey: "law_day_quiz" }));
    await call("POST", `/api/campaigns/${campaign.id}/schedule`);
    const sentAt = new Date(Date.now() - 60_000);
    await handle.db
      .update(campaignDeliveries)
      .set({ state: "sent", sentAt })
      .where(eq(campaignDeliveries.campaignId, campaign.id));
    const [version] = await handle.db
      .select({ id: surveyVersions.id, version: surveyVersions.version })
      .from(surveyVersions)
      .where(eq(surveyVersions.key, "law_day_quiz"));
    const [wave] = await handle.db
      .insert(surveyWaves)
      .values({
        surveyKey: "law_day_quiz",
        name: "Đợt Ngày Pháp luật",
        unitId: await unitIdOf(handle.db, "00004"),
        controller: "UBND phường Ba Đình",
        startsAt: new Date(Date.now() - 86_400_000),
      })
      .returning({ id: surveyWaves.id });
    const response = (contactId: string, status: "in_progress" | "completed", startedAt: Date) => ({
      contactId,
      surveyVersionId: version!.id,
      surveyKey: "law_day_quiz",
      surveyVersion: version!.version,
      waveId: wave!.id,
      channel: "web",
      status,
      startedAt,
      completedAt: status === "completed" ? new Date() : null,
    });
    await handle.db
      .insert(surveyResponses)
      .values([response(eligible[0]!, "completed", new Date()), response(eligible[1]!, "in_progress", new Date())]);
    const read = await detail(campaign.id);
    expect(read.progress).toMatchObject({ sent: 3, surveyStarted: 2, surveyCompleted: 1 });
    // A response begun before the message does not count for the campaign.
    await handle.db
      .update(surveyResponses)
      .set({ startedAt: new Date(sentAt.getTime() - 3_600_000) })
      .where(eq(surveyResponses.contactId, eligible[1]!));
    expect((await detail(campaign.id)).progress).toMatchObject({ surveyStarted: 1, surveyCompleted: 1 });
  });

  it("lists campaigns of the scope by state and unit, paginated", async () => {
    const response = await call("GET", "/api/campaigns?state=draft&pageSize=2");
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: CampaignBody[]; total: number; pageSize: number };
    expect(page.items.length).toBeLessThanOrEqual(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.items.every((c) => c.state === "draft")).toBe(true);
    const byUnit = await call("GET", "/api/campaigns?unit=00004");
    expect(((await byUnit.json()) as { total: number }).total).toBe(0);
    expect((await call("GET", `/api/campaigns?unit=${world.outside.provinceCode}`)).status).toBe(404);
    expect((await call("GET", "/api/campaigns?state=khac")).status).toBe(400);
  });

  it("hides campaigns outside the scope: another province's campaign, or one reaching beyond the scope", async () => {
    const national = world.national.token;
    const outsideOwned = await call(
      "POST",
      "/api/campaigns",
      validBody({ unitCode: world.outside.provinceCode, audience: { unitCodes: [world.outside.communeCode] } }),
      national,
    );
    const reaching = await call(
      "POST",
      "/api/campaigns",
      validBody({ unitCode: "01", audience: { unitCodes: ["00004", world.outside.communeCode] } }),
      national,
    );
    for (const created of [outsideOwned, reaching]) {
      expect(created.status).toBe(201);
      const { campaign } = (await created.json()) as { campaign: CampaignBody };
      for (const path of ["", "/preview"]) {
        expect((await call("GET", `/api/campaigns/${campaign.id}${path}`)).status).toBe(404);
      }
      for (const action of ["schedule", "pause", "resume", "cancel"]) {
        expect((await call("POST", `/api/campaigns/${campaign.id}/${action}`)).status).toBe(404);
      }
      expect((await call("PATCH", `/api/campaigns/${campaign.id}`, { name: "x" })).status).toBe(404);
      const list = (await (await call("GET", "/api/campaigns?pageSize=200")).json()) as { items: CampaignBody[] };
      expect(list.items.map((c) => c.id)).not.toContain(campaign.id);
      expect((await call("GET", `/api/campaigns/${campaign.id}`, undefined, national)).status).toBe(200);
    }
  });

  it("gives the Law Day template for the coming 1–9 November, which posts back as a draft", async () => {
    const response = await call("GET", "/api/campaigns/templates/law-day?unit=00004");
    expect(response.status).toBe(200);
    const { template } = (await response.json()) as {
      template: { name: string; schedule: { startAt: string; endAt: string; window: unknown }; surveyKey: string };
    };
    expect(template.name).toMatch(/^Ngày Pháp luật Việt Nam 9\/11\/\d{4}$/);
    expect(template.schedule.window).toEqual({ from: "07:00", to: "21:00" });
    expect(template.schedule.endAt).toMatch(/-11-09T14:00:00.000Z$/);
    expect(template.surveyKey).toBe("law_day_quiz");
    const created = await create(template);
    expect(created).toMatchObject({ state: "draft", unitCode: "00004" });
    const noSurvey = await call("GET", "/api/campaigns/templates/law-day?survey=no");
    expect(((await noSurvey.json()) as { template: { surveyKey: unknown } }).template.surveyKey).toBeNull();
    expect((await call("GET", `/api/campaigns/templates/law-day?unit=${world.outside.provinceCode}`)).status).toBe(404);
  });

  it("lets viewers read but not change", async () => {
    const viewer = world.tokens.viewer;
    expect((await call("GET", "/api/campaigns", undefined, viewer)).status).toBe(200);
    expect((await call("POST", "/api/campaigns", validBody(), viewer)).status).toBe(403);
    const [unit] = await handle.db.select({ id: units.id }).from(units).where(eq(units.code, "01"));
    expect(unit).toBeDefined();
    expect(await handle.db.select({ id: contacts.id }).from(contacts)).not.toHaveLength(0);
  });
});

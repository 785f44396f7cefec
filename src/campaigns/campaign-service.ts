// Campaigns as officers manage them: create and edit drafts, list and read them within scope, and move them through
// their states (draft → scheduled → running ⇄ paused → completed | cancelled). A campaign is visible to an officer
// whose scope holds its owning unit and every audience unit; otherwise it answers 404 like one that does not exist.
// Scheduling plans the ledger in the same transaction that changes the state, and every change is audited there.
import { and, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { type CampaignState, campaignDeliveries, campaigns } from "../../db/schema/campaigns";
import { units } from "../../db/schema/units";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import { findUnitByCode } from "../officers/officer-service";
import { inScope, pathInScope, type Principal } from "../officers/principal";
import {
  type CampaignAudience,
  type CampaignInput,
  type CampaignMessage,
  type CampaignPatch,
  campaignInputSchema,
  resolveCampaignInput,
  windowOf,
} from "./campaign-input";
import { planCampaign } from "./plan-campaign";
import { formatTimeOfDay } from "./send-window";

export const campaignStateLabels: Record<CampaignState, string> = {
  draft: "Bản nháp",
  scheduled: "Đã lên lịch",
  running: "Đang gửi",
  paused: "Tạm dừng",
  completed: "Đã xong",
  cancelled: "Đã hủy",
};

/** A move the campaign's state forbids: 409, and the answer names the state the campaign is in. */
export class CampaignStateConflict extends ApiError {
  constructor(
    readonly campaignId: number,
    readonly state: CampaignState,
    action: string,
  ) {
    super(
      "conflict",
      `Chiến dịch đang ở trạng thái "${state}" (${campaignStateLabels[state]}), không thể ${action}`,
      "state",
    );
  }
}

const notFound = () => new ApiError("not_found", "Không có chiến dịch này trong phạm vi của bạn");

const campaignColumns = {
  id: campaigns.id,
  name: campaigns.name,
  state: campaigns.state,
  unitId: campaigns.unitId,
  unitCode: units.code,
  unitName: units.fullName,
  channels: campaigns.channels,
  audience: campaigns.audience,
  messages: campaigns.messages,
  surveyKey: campaigns.surveyKey,
  startAt: campaigns.startAt,
  endAt: campaigns.endAt,
  windowFromMinute: campaigns.windowFromMinute,
  windowToMinute: campaigns.windowToMinute,
  spreadHours: campaigns.spreadHours,
  targeted: campaigns.targeted,
  plannedAt: campaigns.plannedAt,
  createdBy: campaigns.createdBy,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
  scheduledAt: campaigns.scheduledAt,
  startedAt: campaigns.startedAt,
  pausedAt: campaigns.pausedAt,
  finishedAt: campaigns.finishedAt,
};

export type CampaignRecord = Awaited<ReturnType<typeof selectCampaigns>>[number] & {
  audience: CampaignAudience;
  messages: CampaignMessage[];
};

/** Owning unit and every audience unit inside the principal's scope. */
export function campaignInScope(principal: Pick<Principal, "unitPath">): SQL {
  return and(
    inScope(principal, campaigns.unitId),
    sql`not exists (
      select 1 from jsonb_array_elements_text(${campaigns.audience} -> 'unitCodes') as a(code)
      where not exists (select 1 from units au where au.code = a.code and au.path like ${`${principal.unitPath}%`})
    )`,
  )!;
}

function selectCampaigns(db: Db, where: SQL | undefined) {
  return db.select(campaignColumns).from(campaigns).innerJoin(units, eq(units.id, campaigns.unitId)).where(where);
}

export async function getCampaign(db: Db, principal: Principal, id: number): Promise<CampaignRecord | null> {
  const [row] = await selectCampaigns(db, and(eq(campaigns.id, id), campaignInScope(principal)));
  return (row as CampaignRecord | undefined) ?? null;
}

export interface CampaignListQuery {
  page: number;
  pageSize: number;
  state?: CampaignState;
  /** Campaigns owned by this unit or below it. */
  unit?: string;
}

export async function listCampaigns(db: Db, principal: Principal, query: CampaignListQuery) {
  const conditions: SQL[] = [campaignInScope(principal)];
  if (query.state) conditions.push(eq(campaigns.state, query.state));
  if (query.unit) {
    const unit = await findUnitByCode(db, query.unit);
    if (!unit) throw new ApiError("invalid_request", `Không có đơn vị mã "${query.unit}"`, "unit");
    if (!pathInScope(principal, unit.path)) throw new ApiError("not_found", "Đơn vị nằm ngoài phạm vi của bạn", "unit");
    conditions.push(inScope({ unitPath: unit.path }, campaigns.unitId));
  }
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(campaigns).where(where);
  const items = await selectCampaigns(db, where)
    .orderBy(desc(campaigns.startAt), desc(campaigns.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: items as CampaignRecord[], page: query.page, pageSize: query.pageSize, total };
}

function columnsOf(input: CampaignPatch) {
  const values: Partial<typeof campaigns.$inferInsert> = {};
  if (input.name !== undefined) values.name = input.name;
  if (input.channels !== undefined) values.channels = input.channels;
  if (input.audience !== undefined) values.audience = input.audience;
  if (input.messages !== undefined) values.messages = input.messages;
  if (input.surveyKey !== undefined) values.surveyKey = input.surveyKey ?? null;
  if (input.schedule !== undefined) {
    const window = windowOf(input.schedule.window);
    values.startAt = new Date(input.schedule.startAt);
    values.endAt = input.schedule.endAt ? new Date(input.schedule.endAt) : null;
    values.windowFromMinute = window.fromMinute;
    values.windowToMinute = window.toMinute;
    values.spreadHours = input.schedule.spreadHours ?? null;
  }
  return values;
}

export async function createCampaign(db: Db, principal: Principal, input: CampaignInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const { owner } = await resolveCampaignInput(tx, principal, input);
    const unitId = owner?.id ?? principal.unitId;
    const [row] = await tx
      .insert(campaigns)
      .values({
        ...(columnsOf(input) as typeof campaigns.$inferInsert),
        unitId,
        state: "draft",
        createdBy: principal.officerId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: campaigns.id });
    await recordAudit(tx, principal, {
      action: "campaign.create",
      targetType: "campaign",
      targetId: row!.id,
      unitId,
      details: { name: input.name, channels: input.channels, audience: input.audience },
    });
    return (await getCampaign(tx, principal, row!.id))!;
  });
}

/** Edits a draft; each given part replaces the stored one. Any other state answers 409. */
export async function updateCampaign(db: Db, principal: Principal, id: number, patch: CampaignPatch, now = new Date()) {
  return db.transaction(async (tx) => {
    const current = await lockCampaign(tx, principal, id);
    if (current.state !== "draft") throw new CampaignStateConflict(id, current.state, "sửa (chỉ sửa được bản nháp)");
    const { owner } = await resolveCampaignInput(tx, principal, patch);
    // The whole campaign must still hold together (e.g. a new start after the stored end).
    const merged = campaignInputSchema.safeParse({ ...inputOf((await getCampaign(tx, principal, id))!), ...patch });
    if (!merged.success) {
      const issue = merged.error.issues[0]!;
      throw new ApiError("invalid_request", issue.message, issue.path.map(String).join("."));
    }
    await tx
      .update(campaigns)
      .set({ ...columnsOf(patch), ...(owner ? { unitId: owner.id } : {}), updatedAt: now })
      .where(eq(campaigns.id, id));
    await recordAudit(tx, principal, {
      action: "campaign.update",
      targetType: "campaign",
      targetId: id,
      unitId: owner?.id ?? current.unitId,
      details: { fields: Object.keys(patch) },
    });
    return (await getCampaign(tx, principal, id))!;
  });
}

/** A stored campaign back in the shape of the request that would create it (for edits and the template). */
export function inputOf(campaign: CampaignRecord): CampaignInput {
  return {
    name: campaign.name,
    unitCode: campaign.unitCode,
    channels: campaign.channels as CampaignInput["channels"],
    audience: campaign.audience,
    messages: campaign.messages,
    surveyKey: campaign.surveyKey,
    schedule: {
      startAt: campaign.startAt.toISOString(),
      endAt: campaign.endAt ? campaign.endAt.toISOString() : null,
      window: { from: formatTimeOfDay(campaign.windowFromMinute), to: formatTimeOfDay(campaign.windowToMinute) },
      spreadHours: campaign.spreadHours,
    },
  };
}

async function lockCampaign(db: Db, principal: Principal, id: number) {
  const [row] = await db
    .select({
      id: campaigns.id,
      state: campaigns.state,
      unitId: campaigns.unitId,
      endAt: campaigns.endAt,
      startedAt: campaigns.startedAt,
    })
    .from(campaigns)
    .where(and(eq(campaigns.id, id), campaignInScope(principal)))
    .for("update");
  if (!row) throw notFound();
  return row;
}

export type CampaignAction = "schedule" | "pause" | "resume" | "cancel";

const allowedFrom: Record<CampaignAction, CampaignState[]> = {
  schedule: ["draft"],
  pause: ["scheduled", "running"],
  resume: ["paused"],
  cancel: ["draft", "scheduled", "running", "paused"],
};

const actionWords: Record<CampaignAction, string> = {
  schedule: "lên lịch",
  pause: "tạm dừng",
  resume: "tiếp tục",
  cancel: "hủy",
};

/**
 * Moves a campaign. schedule: draft → scheduled, planning the ledger; pause: scheduled | running → paused; resume:
 * paused → running (scheduled if it never started), planning people who subscribed meanwhile; cancel: any live
 * state → cancelled, skipping what was not sent. Running and completed are the dispatcher's to set.
 */
export async function moveCampaign(
  db: Db,
  principal: Principal,
  id: number,
  action: CampaignAction,
  now = new Date(),
): Promise<{ campaign: CampaignRecord; planned?: { added: number; targeted: number } }> {
  return db.transaction(async (tx) => {
    const current = await lockCampaign(tx, principal, id);
    if (!allowedFrom[action].includes(current.state)) {
      throw new CampaignStateConflict(id, current.state, actionWords[action]);
    }
    let planned: { added: number; targeted: number } | undefined;
    let state: CampaignState;
    const set: Partial<typeof campaigns.$inferInsert> = { updatedAt: now };
    switch (action) {
      case "schedule":
        if (current.endAt && current.endAt.getTime() <= now.getTime()) {
          throw new ApiError("invalid_request", "Thời điểm kết thúc đã qua: hãy sửa lịch gửi", "schedule.endAt");
        }
        planned = await planCampaign(tx, id, { scopePath: principal.unitPath, now });
        state = "scheduled";
        set.scheduledAt = now;
        break;
      case "pause":
        state = "paused";
        set.pausedAt = now;
        break;
      case "resume":
        planned = await planCampaign(tx, id, { scopePath: principal.unitPath, now });
        state = current.startedAt ? "running" : "scheduled";
        set.pausedAt = null;
        break;
      case "cancel":
        state = "cancelled";
        set.finishedAt = now;
        await tx
          .update(campaignDeliveries)
          .set({ state: "skipped", lastError: "cancelled", updatedAt: now })
          .where(and(eq(campaignDeliveries.campaignId, id), inArray(campaignDeliveries.state, ["queued", "waiting"])));
        break;
    }
    await tx
      .update(campaigns)
      .set({ ...set, state })
      .where(eq(campaigns.id, id));
    await recordAudit(tx, principal, {
      action: `campaign.${action}`,
      targetType: "campaign",
      targetId: id,
      unitId: current.unitId,
      details: {
        from: current.state,
        to: state,
        ...(planned ? { added: planned.added, targeted: planned.targeted } : {}),
      },
    });
    return { campaign: (await getCampaign(tx, principal, id))!, planned };
  });
}

// Campaigns for officers: create and edit drafts, list and read them with progress and a finish forecast, preview
// the messages and the audience, send a test to one's own chat, the Law Day template, and the state moves
// (schedule, pause, resume, cancel). The work is src/campaigns'; this is the HTTP face and its OpenAPI document.
// Scope as everywhere: a campaign whose owning unit or any audience unit lies outside the caller's scope is 404; a
// move the campaign's state forbids is 409 and names the state the campaign is in.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { campaignStates } from "../../../db/schema/campaigns";
import { campaignInputSchema, campaignPatchSchema } from "../../campaigns/campaign-input";
import { campaignAudienceSize, previewCampaign } from "../../campaigns/campaign-preview";
import { campaignRates } from "../../campaigns/campaign-dispatch";
import { campaignForecast, campaignProgress } from "../../campaigns/campaign-progress";
import {
  type CampaignAction,
  type CampaignRecord,
  CampaignStateConflict,
  createCampaign,
  getCampaign,
  inputOf,
  listCampaigns,
  moveCampaign,
  updateCampaign,
} from "../../campaigns/campaign-service";
import { sendCampaignTest, testSendSchema } from "../../campaigns/campaign-test-send";
import { lawDayTemplate } from "../../campaigns/law-day-template";
import { ApiError } from "../../errors";
import { findUnitById, findUnitByCode } from "../../officers/officer-service";
import { pathInScope } from "../../officers/principal";
import { requiredRole } from "../../officers/roles";
import { errorBody, jsonError } from "../errors";
import { type ApiEnv, apiRouter } from "./api-env";
import { routeRole } from "./officer-auth";
import { errorResponses, intIdParamSchema, iso, json, pageQuerySchema, pageSchema, unitCodeSchema } from "./schemas";

const replySchema = z
  .object({
    text: z.string(),
    options: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  })
  .openapi("CampaignReply");

const progressSchema = z
  .object({
    targeted: z.number().int(),
    queued: z.number().int(),
    sending: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    blocked: z.number().int(),
    waiting: z.number().int(),
    skipped: z.number().int(),
    surveyStarted: z.number().int(),
    surveyCompleted: z.number().int(),
  })
  .openapi("CampaignProgress");

const forecastSchema = z
  .object({
    finishAt: z.string().nullable(),
    remaining: z.number().int(),
    overrunsEnd: z.boolean(),
    byChannel: z.array(
      z.object({
        channel: z.string(),
        remaining: z.number().int(),
        messagesPerSecond: z.number().nullable(),
        finishAt: z.string().nullable(),
      }),
    ),
    basis: z.enum(["ledger", "audience", "finished"]),
  })
  .openapi("CampaignForecast");

const campaignSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    state: z.enum(campaignStates),
    unitCode: z.string(),
    unitName: z.string(),
    channels: z.array(z.string()),
    audience: z.object({ unitCodes: z.array(z.string()), topics: z.array(z.string()).optional() }),
    messages: z.array(
      z.object({ text: z.string(), lessonId: z.number().int().optional(), articleId: z.number().int().optional() }),
    ),
    surveyKey: z.string().nullable(),
    schedule: z.object({
      startAt: z.string(),
      endAt: z.string().nullable(),
      window: z.object({ from: z.string(), to: z.string() }),
      spreadHours: z.number().nullable(),
    }),
    targeted: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    plannedAt: z.string().nullable(),
    scheduledAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    pausedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi("Campaign");

const campaignDetailSchema = campaignSchema
  .extend({ progress: progressSchema, forecast: forecastSchema })
  .openapi("CampaignDetail");

const audienceSchema = z
  .object({
    total: z.number().int(),
    byChannel: z.array(z.object({ channel: z.string(), count: z.number().int() })),
    byUnit: z.array(z.object({ unitCode: z.string(), unitName: z.string(), count: z.number().int() })),
  })
  .openapi("CampaignAudience");

const conflictSchema = z
  .object({
    error: z.object({ code: z.literal("conflict"), message: z.string() }),
    campaign: z.object({ id: z.number().int(), state: z.enum(campaignStates) }),
  })
  .openapi("CampaignConflict");
const conflictResponse = json(
  conflictSchema,
  "Trạng thái chiến dịch không cho phép việc này (kèm trạng thái hiện tại)",
);

const inputDoc =
  "Kênh: web, telegram, zalo_oa, zalo. Đối tượng: mã đơn vị (gồm mọi đơn vị cấp dưới) và lĩnh vực (slug) tuỳ chọn; " +
  "chỉ người đã đăng ký nhận tin (tin chung hoặc lĩnh vực), chưa từ chối, còn liên lạc được, trong phạm vi của " +
  "bạn. Tin nhắn: văn bản, tuỳ chọn lessonId/articleId (nút đọc bài/điều luật); surveyKey: nút mời khảo sát ở tin " +
  "cuối. Lịch: startAt, endAt, khung giờ gửi (giờ Việt Nam, mặc định 07:00–21:00; from > to là qua nửa đêm; " +
  "00:00–24:00 là cả ngày), spreadHours: dàn người nhận trong bấy nhiêu giờ của khung giờ gửi.";

function view(campaign: CampaignRecord) {
  const input = inputOf(campaign);
  return {
    id: campaign.id,
    name: campaign.name,
    state: campaign.state,
    unitCode: campaign.unitCode,
    unitName: campaign.unitName,
    channels: campaign.channels,
    audience: campaign.audience,
    messages: campaign.messages,
    surveyKey: campaign.surveyKey,
    schedule: {
      startAt: campaign.startAt.toISOString(),
      endAt: iso(campaign.endAt),
      window: input.schedule.window!,
      spreadHours: campaign.spreadHours,
    },
    targeted: campaign.targeted,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
    plannedAt: iso(campaign.plannedAt),
    scheduledAt: iso(campaign.scheduledAt),
    startedAt: iso(campaign.startedAt),
    pausedAt: iso(campaign.pausedAt),
    finishedAt: iso(campaign.finishedAt),
  };
}

const notFound = "Không có chiến dịch này trong phạm vi của bạn";

/** A state conflict answers 409 with the campaign's current state; anything else goes to app.onError. */
async function orConflict<T>(c: Context<ApiEnv>, work: () => Promise<T>): Promise<T | Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CampaignStateConflict) {
      return c.json(
        { ...errorBody("conflict", error.message), campaign: { id: error.campaignId, state: error.state } },
        409,
      );
    }
    throw error;
  }
}

export function campaignRoutes() {
  const app = apiRouter();
  const manage = requiredRole.editContent;

  async function detail(c: Context<ApiEnv>, campaign: CampaignRecord) {
    const { db, config } = c.get("services");
    const audience =
      campaign.state === "draft" ? await campaignAudienceSize(db, c.get("principal"), campaign) : undefined;
    return {
      ...view(campaign),
      progress: await campaignProgress(db, campaign),
      // The deployment's configured rates: the forecast divides by what the senders pace with.
      forecast: await campaignForecast(db, campaign, { audience, pacing: campaignRates(config) }),
    };
  }

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/campaigns/templates/law-day",
      tags: ["campaigns"],
      summary: "Mẫu chiến dịch Ngày Pháp luật (1–9/11 sắp tới, 07:00–21:00): sửa rồi gửi POST /api/campaigns",
      request: {
        query: z.object({
          unit: unitCodeSchema
            .optional()
            .openapi({ description: "Đơn vị chủ trì và đối tượng; mặc định đơn vị của tôi" }),
          survey: z
            .enum(["yes", "no"])
            .default("yes")
            .openapi({ description: "Kèm lời mời làm bài tìm hiểu pháp luật" }),
        }),
      },
      responses: {
        200: json(z.object({ template: z.any() }), "Nội dung chiến dịch mẫu, đúng dạng của POST /api/campaigns"),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { db } = c.get("services");
      const principal = c.get("principal");
      const query = c.req.valid("query");
      let unitCode: string;
      if (query.unit) {
        const unit = await findUnitByCode(db, query.unit);
        if (!unit) throw new ApiError("invalid_request", `Không có đơn vị mã "${query.unit}"`, "unit");
        if (!pathInScope(principal, unit.path))
          throw new ApiError("not_found", "Đơn vị nằm ngoài phạm vi của bạn", "unit");
        unitCode = unit.code;
      } else {
        unitCode = (await findUnitById(db, principal.unitId))!.code;
      }
      const template = await lawDayTemplate(db, { unitCode, withSurvey: query.survey === "yes" });
      return c.json({ template }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/campaigns",
      tags: ["campaigns"],
      summary: "Chiến dịch trong phạm vi của tôi",
      request: {
        query: pageQuerySchema.extend({
          state: z.enum(campaignStates).optional(),
          unit: unitCodeSchema.optional().openapi({ description: "Chiến dịch của đơn vị này và các đơn vị cấp dưới" }),
        }),
      },
      responses: {
        200: json(pageSchema(campaignSchema), "Chiến dịch, mới nhất trước"),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const result = await listCampaigns(c.get("services").db, c.get("principal"), c.req.valid("query"));
      return c.json({ ...result, items: result.items.map(view) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/campaigns",
      tags: ["campaigns"],
      summary: "Tạo chiến dịch (bản nháp)",
      description: inputDoc,
      ...routeRole(manage),
      request: { body: json(campaignInputSchema, "Chiến dịch mới") },
      responses: {
        201: json(z.object({ campaign: campaignSchema }), "Đã tạo bản nháp"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const campaign = await createCampaign(c.get("services").db, c.get("principal"), c.req.valid("json"));
      return c.json({ campaign: view(campaign) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/campaigns/{id}",
      tags: ["campaigns"],
      summary: "Một chiến dịch, với tiến độ và dự báo thời điểm gửi xong",
      request: { params: intIdParamSchema },
      responses: {
        200: json(z.object({ campaign: campaignDetailSchema }), "Chiến dịch"),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const campaign = await getCampaign(c.get("services").db, c.get("principal"), c.req.valid("param").id);
      if (!campaign) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json({ campaign: await detail(c, campaign) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/campaigns/{id}",
      tags: ["campaigns"],
      summary: "Sửa bản nháp (mỗi phần gửi lên thay cả phần đó)",
      description: inputDoc,
      ...routeRole(manage),
      request: { params: intIdParamSchema, body: json(campaignPatchSchema, "Các phần cần sửa") },
      responses: {
        200: json(z.object({ campaign: campaignSchema }), "Đã sửa"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: conflictResponse,
      },
    }),
    async (c) => {
      const result = await orConflict(c, () =>
        updateCampaign(c.get("services").db, c.get("principal"), c.req.valid("param").id, c.req.valid("json")),
      );
      if (result instanceof Response) return result as never;
      return c.json({ campaign: view(result) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/campaigns/{id}/preview",
      tags: ["campaigns"],
      summary: "Xem trước: tin nhắn như người dân nhận, và số người nhận theo kênh và đơn vị",
      request: { params: intIdParamSchema },
      responses: {
        200: json(z.object({ replies: z.array(replySchema), audience: audienceSchema }), "Xem trước"),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { db } = c.get("services");
      const campaign = await getCampaign(db, c.get("principal"), c.req.valid("param").id);
      if (!campaign) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(await previewCampaign(db, c.get("principal"), campaign), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/campaigns/{id}/test",
      tags: ["campaigns"],
      summary: "Gửi thử tin nhắn của chiến dịch tới cuộc trò chuyện của chính tôi",
      description:
        "channel và platformId của cuộc trò chuyện đã từng nhắn cho bot: chat id Telegram, user id Zalo, hoặc mã " +
        "trang chat web (dạng có chữ ký web-….<chữ ký> cũng được). Tin đi qua hàng đợi gửi như mọi tin khác.",
      ...routeRole(manage),
      request: { params: intIdParamSchema, body: json(testSendSchema, "Cuộc trò chuyện nhận tin thử") },
      responses: {
        202: json(
          z.object({ outboxMessageId: z.number().int(), channel: z.string(), replies: z.array(replySchema) }),
          "Đã xếp vào hàng đợi gửi",
        ),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { db } = c.get("services");
      const principal = c.get("principal");
      const campaign = await getCampaign(db, principal, c.req.valid("param").id);
      if (!campaign) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(await sendCampaignTest(db, principal, campaign, c.req.valid("json")), 202);
    },
  );

  const moves: Array<[CampaignAction, string]> = [
    ["schedule", "Lên lịch: ghi danh sách người nhận (bản nháp → đã lên lịch)"],
    ["pause", "Tạm dừng (đã lên lịch hoặc đang gửi → tạm dừng)"],
    ["resume", "Tiếp tục (tạm dừng → đang gửi; thêm người mới đăng ký, không gửi lại ai)"],
    ["cancel", "Hủy (tin chưa gửi sẽ không gửi nữa)"],
  ];
  for (const [action, summary] of moves) {
    app.openapi(
      createRoute({
        method: "post",
        path: `/api/campaigns/{id}/${action}`,
        tags: ["campaigns"],
        summary,
        ...routeRole(manage),
        request: { params: intIdParamSchema },
        responses: {
          200: json(z.object({ campaign: campaignDetailSchema }), "Trạng thái mới"),
          400: errorResponses[400],
          401: errorResponses[401],
          403: errorResponses[403],
          404: errorResponses[404],
          409: conflictResponse,
        },
      }),
      async (c) => {
        const result = await orConflict(c, () =>
          moveCampaign(c.get("services").db, c.get("principal"), c.req.valid("param").id, action),
        );
        if (result instanceof Response) return result as never;
        return c.json({ campaign: await detail(c, result.campaign) }, 200);
      },
    );
  }

  return app;
}

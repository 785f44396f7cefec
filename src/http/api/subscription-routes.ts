// Subscribers an officer's campaign could reach: live subscriptions per topic and channel within a unit of their
// scope (counts only, never who), to size an audience before creating a campaign.
import { createRoute, z } from "@hono/zod-openapi";
import { channels } from "../../../db/schema/index";
import { findUnitByCode, findUnitById } from "../../officers/officer-service";
import { pathInScope } from "../../officers/principal";
import { subscriptionSummary } from "../../subscriptions/subscription-summary";
import { jsonError } from "../errors";
import { apiRouter } from "./api-env";
import { errorResponses, json, unitCodeSchema } from "./schemas";

const byChannelSchema = z.object(
  Object.fromEntries(channels.map((c) => [c, z.number().int()])) as {
    [K in (typeof channels)[number]]: z.ZodNumber;
  },
);

const summarySchema = z
  .object({
    unit: z.object({ code: z.string(), name: z.string() }),
    total: z
      .number()
      .int()
      .openapi({ description: "Người đang nhận tin (mỗi người một lần) trong đơn vị và cấp dưới" }),
    byChannel: byChannelSchema,
    topics: z.array(
      z.object({
        topic: z.string().openapi({ description: '"news" (tin chung) hoặc mã lĩnh vực' }),
        name: z.string(),
        total: z.number().int(),
        byChannel: byChannelSchema,
      }),
    ),
    withoutUnit: z
      .object({ total: z.number().int(), byChannel: byChannelSchema })
      .nullable()
      .openapi({ description: "Người nhận tin chưa cho biết xã, phường; chỉ cán bộ phạm vi toàn quốc thấy" }),
  })
  .openapi("SubscriptionSummary");

export function subscriptionRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/subscriptions/summary",
      tags: ["subscriptions"],
      summary: "Số người đang nhận tin theo lĩnh vực và kênh trong một đơn vị (mặc định: đơn vị của tôi)",
      request: { query: z.object({ unit: unitCodeSchema.optional() }) },
      responses: {
        200: json(summarySchema, "Số người đang nhận tin"),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { unit: code } = c.req.valid("query");
      const { db } = c.get("services");
      const principal = c.get("principal");
      const unit = code ? await findUnitByCode(db, code) : await findUnitById(db, principal.unitId);
      if (!unit || !pathInScope(principal, unit.path))
        return jsonError(c, 404, "not_found", "Không có đơn vị này trong phạm vi của bạn") as never;
      return c.json(await subscriptionSummary(db, principal, unit), 200);
    },
  );

  return app;
}

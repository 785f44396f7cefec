// Units in the caller's scope: one unit, its children, search by name (old names resolved), contact counts.
import { createRoute, z } from "@hono/zod-openapi";
import { contactCounts } from "../../contacts/contact-stats";
import { findUnitByCode, findUnitById } from "../../officers/officer-service";
import { pathInScope } from "../../officers/principal";
import { getUnit, listChildUnits, searchUnits, type UnitView } from "../../units/unit-service";
import { jsonError } from "../errors";
import { apiRouter } from "./api-env";
import { errorResponses, json, pageQuerySchema, pageSchema, unitCodeSchema } from "./schemas";

const unitSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    fullName: z.string(),
    kind: z.string(),
    adminType: z.string().nullable(),
    parentCode: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .openapi("Unit");

const unitMatchSchema = unitSchema
  .extend({
    matchedBy: z.enum(["name", "old_name", "similar"]),
    oldName: z.string().nullable(),
    oldProvinceName: z.string().nullable(),
  })
  .openapi("UnitMatch");

const view = ({ id: _id, parentName: _p, ...unit }: UnitView) => unit;

export function unitRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/units",
      tags: ["units"],
      summary: "Đơn vị trực thuộc một đơn vị (mặc định: đơn vị của tôi)",
      request: { query: pageQuerySchema.extend({ parent: unitCodeSchema.optional() }) },
      responses: {
        200: json(pageSchema(unitSchema).extend({ parent: unitSchema }), "Đơn vị con"),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { parent, page, pageSize } = c.req.valid("query");
      const result = await listChildUnits(c.get("services").db, c.get("principal"), parent, page, pageSize);
      if (!result) return jsonError(c, 404, "not_found", `Không có đơn vị "${parent}" trong phạm vi của bạn`) as never;
      return c.json({ ...result, parent: view(result.parent), items: result.items.map(view) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/units/search",
      tags: ["units"],
      summary: "Tìm đơn vị theo tên (có dấu hoặc không, kể cả tên cũ trước sáp nhập 2025)",
      request: {
        query: z.object({
          q: z.string().trim().min(2).max(200).openapi({ example: "xã Yên Định, huyện Sơn Động" }),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(unitMatchSchema) }), "Đơn vị khớp, phù hợp nhất trước"),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const { q, limit } = c.req.valid("query");
      const items = await searchUnits(c.get("services").db, c.get("principal"), q, limit);
      return c.json({ items: items.map(({ id: _id, parentName: _p, ...m }) => m) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/units/{code}",
      tags: ["units"],
      summary: "Một đơn vị",
      request: { params: z.object({ code: unitCodeSchema.openapi({ param: { name: "code", in: "path" } }) }) },
      responses: {
        200: json(unitSchema, "Đơn vị"),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const unit = await getUnit(c.get("services").db, c.get("principal"), c.req.valid("param").code);
      if (!unit) return jsonError(c, 404, "not_found", "Không có đơn vị này trong phạm vi của bạn") as never;
      return c.json(view(unit), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/contacts/stats",
      tags: ["contacts"],
      summary: "Số người dân đã liên hệ, theo đơn vị hoặc theo kênh (chỉ số đếm)",
      request: {
        query: z.object({ unit: unitCodeSchema.optional(), by: z.enum(["unit", "channel"]).default("unit") }),
      },
      responses: {
        200: json(
          z.object({
            unit: z.string(),
            by: z.enum(["unit", "channel"]),
            total: z.number().int(),
            groups: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
          }),
          "Số liên hệ",
        ),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { unit: code, by } = c.req.valid("query");
      const { db } = c.get("services");
      const principal = c.get("principal");
      const unit = code ? await findUnitByCode(db, code) : await findUnitById(db, principal.unitId);
      if (!unit || !pathInScope(principal, unit.path))
        return jsonError(c, 404, "not_found", "Không có đơn vị này trong phạm vi của bạn") as never;
      const groups = await contactCounts(db, principal, unit, by);
      return c.json({ unit: unit.code, by, total: groups.reduce((n, g) => n + g.count, 0), groups }, 200);
    },
  );

  return app;
}

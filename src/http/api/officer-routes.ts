// Officer accounts within the caller's scope (managers and admins), and the audit log of the scope (everyone).
import { createRoute, z } from "@hono/zod-openapi";
import { listAudit } from "../../officers/audit";
import {
  createOfficer,
  getOfficer,
  listOfficers,
  resetOfficerPassword,
  updateOfficer,
  type OfficerView,
} from "../../officers/officer-service";
import { requiredRole } from "../../officers/roles";
import { jsonError } from "../errors";
import { apiRouter } from "./api-env";
import { routeRole } from "./officer-auth";
import {
  errorResponses,
  iso,
  json,
  pageQuerySchema,
  pageSchema,
  roleSchema,
  unitCodeSchema,
  uuidParamSchema,
} from "./schemas";

const officerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    unitCode: z.string(),
    unitName: z.string(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .openapi("Officer");

const view = (o: OfficerView) => ({ ...o, createdAt: o.createdAt.toISOString(), disabledAt: iso(o.disabledAt) });
const manage = routeRole(requiredRole.manageOfficers);
const notFound = "Không có cán bộ này trong phạm vi của bạn";

export function officerRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/officers",
      tags: ["officers"],
      summary: "Cán bộ trong phạm vi của tôi",
      ...manage,
      request: { query: pageQuerySchema },
      responses: {
        200: json(pageSchema(officerSchema), "Cán bộ"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const { page, pageSize } = c.req.valid("query");
      const result = await listOfficers(c.get("services").db, c.get("principal"), page, pageSize);
      return c.json({ ...result, items: result.items.map(view) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/officers",
      tags: ["officers"],
      summary: "Tạo cán bộ (mật khẩu dùng một lần chỉ hiện trong trả lời này)",
      ...manage,
      request: {
        body: json(
          z.object({
            name: z.string().trim().min(1).max(200),
            email: z.email().max(254),
            role: roleSchema,
            unitCode: unitCodeSchema,
          }),
          "Cán bộ mới: vai trò không cao hơn của tôi, đơn vị trong phạm vi của tôi",
        ),
      },
      responses: {
        201: json(z.object({ officer: officerSchema, password: z.string() }), "Đã tạo"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        409: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "Email đã được dùng"),
      },
    }),
    async (c) => {
      const created = await createOfficer(c.get("services").db, c.get("principal"), c.req.valid("json"));
      return c.json({ officer: view(created.officer), password: created.password }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/officers/{id}",
      tags: ["officers"],
      summary: "Một cán bộ",
      ...manage,
      request: { params: uuidParamSchema },
      responses: {
        200: json(officerSchema, "Cán bộ"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const officer = await getOfficer(c.get("services").db, c.get("principal"), c.req.valid("param").id);
      if (!officer) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(view(officer), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/officers/{id}",
      tags: ["officers"],
      summary: "Sửa cán bộ: tên, vai trò, đơn vị, khoá/mở",
      ...manage,
      request: {
        params: uuidParamSchema,
        body: json(
          z.object({
            name: z.string().trim().min(1).max(200).optional(),
            role: roleSchema.optional(),
            unitCode: unitCodeSchema.optional(),
            disabled: z.boolean().optional(),
          }),
          "Các trường cần sửa",
        ),
      },
      responses: {
        200: json(officerSchema, "Đã sửa"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const updated = await updateOfficer(
        c.get("services").db,
        c.get("principal"),
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      if (!updated) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(view(updated), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/officers/{id}/reset-password",
      tags: ["officers"],
      summary: "Đặt lại mật khẩu (mật khẩu mới chỉ hiện một lần)",
      ...manage,
      request: { params: uuidParamSchema },
      responses: {
        200: json(z.object({ password: z.string() }), "Mật khẩu mới"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const result = await resetOfficerPassword(c.get("services").db, c.get("principal"), c.req.valid("param").id);
      if (!result) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/audit",
      tags: ["audit"],
      summary: "Nhật ký thao tác trong phạm vi của tôi, mới nhất trước",
      request: {
        query: z.object({
          before: z.coerce
            .number()
            .int()
            .min(1)
            .optional()
            .openapi({ description: "Con trỏ: nextBefore của trang trước" }),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          action: z
            .string()
            .trim()
            .regex(/^[a-z_.]{1,64}$/)
            .optional()
            .openapi({ example: "content.publish" }),
          officer: z.email().max(254).optional().openapi({ description: "Email của cán bộ thực hiện" }),
          from: z.iso
            .datetime({ offset: true })
            .optional()
            .openapi({ description: "Từ thời điểm (gồm cả)", example: "2026-11-01T00:00:00+07:00" }),
          to: z.iso
            .datetime({ offset: true })
            .optional()
            .openapi({ description: "Đến trước thời điểm", example: "2026-12-01T00:00:00+07:00" }),
        }),
      },
      responses: {
        200: json(
          z.object({
            entries: z.array(
              z.object({
                id: z.number().int(),
                at: z.string(),
                officerId: z.string().nullable(),
                officerEmail: z.string().nullable(),
                action: z.string(),
                targetType: z.string().nullable(),
                targetId: z.string().nullable(),
                unitCode: z.string().nullable(),
                unitName: z.string().nullable(),
                details: z.record(z.string(), z.unknown()),
              }),
            ),
            nextBefore: z.number().int().nullable(),
          }),
          "Nhật ký",
        ),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const { officer, from, to, ...query } = c.req.valid("query");
      const result = await listAudit(c.get("services").db, c.get("principal"), {
        ...query,
        officerEmail: officer,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      return c.json({ ...result, entries: result.entries.map((e) => ({ ...e, at: e.at.toISOString() })) }, 200);
    },
  );

  return app;
}

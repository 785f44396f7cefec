// Login and logout for the console, the caller's own account, and their API tokens.
import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie } from "hono/cookie";
import { endSession, login } from "../../officers/authenticate";
import { changeOwnPassword, MIN_PASSWORD_LENGTH } from "../../officers/change-password";
import { clientAddress } from "../client-address";
import { createApiToken, listApiTokens, revokeApiToken } from "../../officers/officer-service";
import { jsonError } from "../errors";
import { apiRouter } from "./api-env";
import { SESSION_COOKIE, setSessionCookie } from "./officer-auth";
import { errorResponses, iso, json, roleSchema, uuidParamSchema } from "./schemas";

const meSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    unitId: z.number().int(),
    via: z.enum(["token", "session"]),
  })
  .openapi("Me");

const tokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable().optional(),
    lastUsedAt: z.string().nullable().optional(),
  })
  .openapi("ApiToken");

export function authRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/login",
      tags: ["auth"],
      summary: "Đăng nhập bảng điều khiển (đặt cookie phiên)",
      request: {
        body: json(z.object({ email: z.email().max(254), password: z.string().min(1).max(256) }), "Email và mật khẩu"),
      },
      responses: {
        200: json(z.object({ officer: meSchema, csrfToken: z.string(), expiresAt: z.string() }), "Đã đăng nhập"),
        400: errorResponses[400],
        401: errorResponses[401],
        429: json(
          z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
          "Đăng nhập sai quá nhiều lần",
        ),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid("json");
      const { db, config } = c.get("services");
      const result = await login(db, email, password, clientAddress(c, config));
      if (result.status === "throttled") {
        c.header("Retry-After", String(result.retryAfterSeconds));
        return jsonError(
          c,
          429,
          "rate_limited",
          `Đăng nhập sai quá nhiều lần. Bạn thử lại sau ${Math.ceil(result.retryAfterSeconds / 60)} phút.`,
        ) as never;
      }
      if (result.status === "invalid")
        return jsonError(c, 401, "invalid_credentials", "Email hoặc mật khẩu không đúng") as never;
      await setSessionCookie(c, c.get("services"), result.sessionId);
      const p = result.principal;
      return c.json(
        {
          officer: { id: p.officerId, name: p.name, email: p.email, role: p.role, unitId: p.unitId, via: p.via },
          csrfToken: result.csrfToken,
          expiresAt: result.expiresAt.toISOString(),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/logout",
      tags: ["auth"],
      summary: "Đăng xuất (huỷ phiên)",
      responses: { 204: { description: "Đã đăng xuất" }, 401: errorResponses[401], 403: errorResponses[403] },
    }),
    async (c) => {
      await endSession(c.get("services").db, c.get("principal"));
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/me",
      tags: ["auth"],
      summary: "Tài khoản đang đăng nhập",
      responses: { 200: json(meSchema, "Tài khoản"), 401: errorResponses[401] },
    }),
    (c) => {
      const p = c.get("principal");
      return c.json({ id: p.officerId, name: p.name, email: p.email, role: p.role, unitId: p.unitId, via: p.via }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/me/password",
      tags: ["auth"],
      summary: "Đổi mật khẩu của tôi",
      description:
        "Kiểm tra mật khẩu hiện tại, đặt mật khẩu mới và kết thúc mọi phiên đăng nhập khác của tài khoản " +
        "(phiên đang dùng giữ nguyên; token API không bị ảnh hưởng). Ghi nhật ký officer.password_change. " +
        "Sai mật khẩu hiện tại quá 5 lần trong 15 phút: 429.",
      request: {
        body: json(
          z.object({
            currentPassword: z.string().min(1, "hãy nhập mật khẩu hiện tại").max(256),
            newPassword: z
              .string()
              .min(MIN_PASSWORD_LENGTH, `mật khẩu mới cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`)
              .max(256, "mật khẩu mới dài tối đa 256 ký tự"),
          }),
          "Mật khẩu hiện tại và mật khẩu mới",
        ),
      },
      responses: {
        200: json(
          z.object({ endedSessions: z.number().int().openapi({ description: "Số phiên khác đã bị kết thúc" }) }),
          "Đã đổi mật khẩu",
        ),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        429: json(
          z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
          "Nhập sai mật khẩu hiện tại quá nhiều lần",
        ),
      },
    }),
    async (c) => {
      const result = await changeOwnPassword(c.get("services").db, c.get("principal"), c.req.valid("json"));
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/me/tokens",
      tags: ["auth"],
      summary: "Các token API của tôi",
      responses: {
        200: json(z.object({ items: z.array(tokenSchema) }), "Token (không kèm bí mật)"),
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const rows = await listApiTokens(c.get("services").db, c.get("principal").officerId);
      return c.json(
        {
          items: rows.map((t) => ({
            ...t,
            createdAt: t.createdAt.toISOString(),
            expiresAt: iso(t.expiresAt),
            revokedAt: iso(t.revokedAt),
            lastUsedAt: iso(t.lastUsedAt),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/me/tokens",
      tags: ["auth"],
      summary: "Tạo token API (bí mật chỉ hiện một lần)",
      request: {
        body: json(
          z.object({
            name: z.string().trim().min(1).max(100),
            expiresInDays: z.number().int().min(1).max(3650).nullable().default(90),
          }),
          "Tên và hạn dùng (ngày; null = không hết hạn)",
        ),
      },
      responses: {
        201: json(tokenSchema.extend({ token: z.string() }), "Token mới"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const created = await createApiToken(c.get("services").db, c.get("principal"), c.req.valid("json"));
      return c.json({ ...created, createdAt: created.createdAt.toISOString(), expiresAt: iso(created.expiresAt) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/me/tokens/{id}",
      tags: ["auth"],
      summary: "Thu hồi token API",
      request: { params: uuidParamSchema },
      responses: {
        204: { description: "Đã thu hồi" },
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const revoked = await revokeApiToken(c.get("services").db, c.get("principal"), c.req.valid("param").id);
      if (!revoked) return jsonError(c, 404, "not_found", "Không có token này") as never;
      return c.body(null, 204);
    },
  );

  return app;
}

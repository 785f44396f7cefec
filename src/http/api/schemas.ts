// Schemas shared by the officer API's routes, with their OpenAPI names.
import { z } from "@hono/zod-openapi";
import { officerRoles } from "../../../db/schema/officers";
import { apiErrorCodes } from "../../errors";

export const errorSchema = z
  .object({
    error: z.object({
      /** One of a closed list; the HTTP status follows from it (see src/errors.ts). */
      code: z.enum(apiErrorCodes),
      message: z.string(),
      issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Error");

const errorContent = (description: string) => ({
  content: { "application/json": { schema: errorSchema } },
  description,
});

export const errorResponses = {
  400: errorContent("Dữ liệu không hợp lệ (trường bị lỗi nằm trong issues)"),
  401: errorContent("Chưa đăng nhập hoặc token hết hạn"),
  403: errorContent("Vai trò không đủ quyền"),
  404: errorContent("Không tồn tại hoặc ngoài phạm vi"),
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ example: 1 }),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
});

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

export const roleSchema = z.enum(officerRoles).openapi({ description: "admin ⊃ manager ⊃ officer ⊃ viewer" });

export const unitCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, "mã đơn vị chỉ gồm chữ, số, - và _")
  .openapi({ example: "00004" });

export const uuidParamSchema = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
export const intIdParamSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

export const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

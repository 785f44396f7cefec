// Survey response exports for officers: CSV, XLSX or JSONL of the responses in their scope, streamed as the file is
// written. The work is src/exports' (shared with `npm run export`); this is the HTTP face and its OpenAPI document.
import { createRoute, z } from "@hono/zod-openapi";
import { exportRequestSchema } from "../../exports/export-request";
import { startExport } from "../../exports/export-responses";
import { requiredRole } from "../../officers/roles";
import { apiRouter } from "./api-env";
import { routeRole } from "./officer-auth";
import { errorResponses } from "./schemas";

const file = (description: string) => ({
  content: {
    "text/csv": { schema: z.string().openapi({ description: "UTF-8 có BOM, một dòng tiêu đề" }) },
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
      schema: z.string().openapi({ format: "binary", description: "Trang 1: dữ liệu; trang 2: từ điển dữ liệu" }),
    },
    "application/x-ndjson": { schema: z.string().openapi({ description: "Mỗi dòng một phiếu (JSON)" }) },
  },
  description,
});

export function exportRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/exports/responses",
      tags: ["exports"],
      summary: "Tải phiếu trả lời khảo sát trong phạm vi của tôi (CSV, XLSX, JSONL; mã giả danh, không định danh)",
      description:
        "Mỗi phiếu một dòng (layout=wide) hoặc mỗi câu trả lời một dòng (layout=long), có cả mã và nhãn lựa chọn. " +
        "Phạm vi: phiếu của đợt thuộc đơn vị của tôi hoặc của người trả lời ở đơn vị của tôi. `from`/`to`: ngày " +
        "(YYYY-MM-DD, giờ Việt Nam, tính cả ngày `to`) hoặc thời điểm ISO 8601. Trên Cloudflare Workers, XLSX " +
        "trả 400 (dùng CSV hoặc máy chủ Node). Mỗi lần tải được ghi vào nhật ký.",
      ...routeRole(requiredRole.read),
      // The schema is src/exports' (the CLI validates its flags with it too): plain zod, documented by its shape.
      request: { query: exportRequestSchema },
      responses: {
        200: file("Tệp xuất, gửi dần theo từng trang"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const principal = c.get("principal");
      const exported = await startExport(c.get("services").db, principal, c.req.valid("query"), {
        actor: principal,
        via: "api",
        onEnd: (error) => {
          if (error) c.get("services").log.warn("export.stopped", { reason: String(error) });
        },
      });
      return new Response(exported.body, {
        status: 200,
        headers: {
          "content-type": exported.contentType,
          "content-disposition": `attachment; filename="${exported.filename}"`,
          "cache-control": "no-store",
          "x-export-responses": String(exported.total),
          // The console's download shows "rows received / rows" by counting the lines as they arrive.
          ...(exported.rows === null ? {} : { "x-total-rows": String(exported.rows) }),
        },
      }) as never;
    },
  );

  return app;
}

// A survey's results for officers: per question the answer counts and shares, quiz items' right answers, the mean
// of a number, the latest free-text answers; counted from completed responses in the caller's scope, filtered like
// the exports (GET /api/exports/responses), so a chart and the downloaded file agree. The console's results page
// shows the same numbers.
import { createRoute, z } from "@hono/zod-openapi";
import { requiredRole } from "../../officers/roles";
import { surveyResults } from "../../scoring/survey-results";
import { jsonError } from "../errors";
import { apiRouter } from "./api-env";
import { routeRole } from "./officer-auth";
import { errorResponses, json, unitCodeSchema } from "./schemas";

const keyParam = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/)
    .openapi({ param: { name: "key", in: "path" }, example: "pbgdpl_satisfaction" }),
});

const dayOrInstant = (field: string) =>
  z
    .string()
    .trim()
    .optional()
    .openapi({
      description:
        `${field}: ngày YYYY-MM-DD (giờ Việt Nam${field === "to" ? ", tính cả ngày này" : ""}) ` +
        "hoặc thời điểm ISO 8601",
      example: field === "to" ? "2026-11-09" : "2026-11-01",
    });

const resultsQuery = z.object({
  waveId: z.coerce.number().int().min(1).max(2_147_483_647).optional().openapi({ description: "Chỉ đợt này" }),
  from: dayOrInstant("from"),
  to: dayOrInstant("to"),
  unitCode: unitCodeSchema.optional().openapi({ description: "Chỉ phiếu của đơn vị này (và cấp dưới)" }),
});

const share = z.number().nullable().openapi({ description: "0..1 trên số người trả lời câu này; null khi chưa có ai" });

const resultsSchema = z
  .object({
    survey: z.object({ key: z.string(), title: z.string() }),
    wave: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    unit: z.object({ code: z.string(), name: z.string() }).nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    n: z.number().int().openapi({ description: "Số phiếu đã hoàn thành khớp bộ lọc" }),
    questions: z.array(
      z.object({
        id: z.string(),
        type: z.enum(["single", "multi", "likert5", "yes_no_dk", "number", "text", "unit", "quiz"]),
        text: z.string(),
        answered: z.number().int().openapi({ description: "Số người đã trả lời câu này" }),
        options: z
          .array(
            z.object({
              code: z.string(),
              label: z.string(),
              count: z.number().int(),
              share,
              correct: z.boolean().optional().openapi({ description: "Câu đố: lựa chọn này là đáp án đúng" }),
            }),
          )
          .nullable()
          .openapi({ description: "Câu có lựa chọn; câu hỏi đơn vị: các xã, phường được nêu nhiều nhất" }),
        correct: z.object({ count: z.number().int(), share }).nullable().openapi({ description: "Câu đố" }),
        number: z.object({ mean: z.number().nullable() }).nullable(),
        latest: z
          .array(z.object({ text: z.string(), answeredAt: z.string() }))
          .nullable()
          .openapi({ description: "Câu trả lời tự do: vài câu mới nhất" }),
      }),
    ),
  })
  .openapi("SurveyResults");

export function resultsRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/surveys/{key}/results",
      tags: ["surveys"],
      summary: "Kết quả khảo sát trong phạm vi của tôi: số lượt chọn và tỷ lệ theo từng câu hỏi",
      description:
        "Chỉ tính phiếu đã hoàn thành, cùng phạm vi và bộ lọc như tải phiếu (GET /api/exports/responses): phiếu của " +
        "đợt thuộc đơn vị của tôi hoặc của người trả lời ở đơn vị của tôi; `from`/`to` theo thời điểm bắt đầu phiếu.",
      ...routeRole(requiredRole.read),
      request: { params: keyParam, query: resultsQuery },
      responses: {
        200: json(resultsSchema, "Kết quả"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { key } = c.req.valid("param");
      const results = await surveyResults(c.get("services").db, c.get("principal"), {
        surveyKey: key,
        ...c.req.valid("query"),
      });
      if (!results) return jsonError(c, 404, "not_found", "Không có khảo sát này") as never;
      return c.json(
        {
          ...results,
          questions: results.questions.map((q) => ({
            ...q,
            latest: q.latest?.map((t) => ({ text: t.text, answeredAt: t.answeredAt.toISOString() })) ?? null,
          })),
        },
        200,
      );
    },
  );

  return app;
}

// Approved answers for officers: the list (public content the bot gives everyone) and retiring one (scoped to the
// approving unit). New ones come from promoting an answered question (question-routes.ts).
import { createRoute, z } from "@hono/zod-openapi";
import { approvedAnswerStatuses } from "../../../db/schema/index";
import { requiredRole } from "../../officers/roles";
import { reviewApprovedAnswer } from "../../content/answer-review";
import { listApprovedAnswers, retireApprovedAnswer } from "../../qa/approved-answer-service";
import { apiRouter } from "./api-env";
import { routeRole } from "./officer-auth";
import { errorResponses, errorSchema, intIdParamSchema, json, pageQuerySchema, pageSchema } from "./schemas";

export const approvedAnswerSchema = z
  .object({
    id: z.number().int(),
    question: z.string(),
    answer: z.string().openapi({ description: "Văn bản thuần (không phải HTML)" }),
    citations: z.array(z.object({ document: z.string(), article: z.string(), articleId: z.number().int().nullable() })),
    unitCode: z.string().nullable(),
    sourceQuestionId: z.string().nullable(),
    status: z.enum(approvedAnswerStatuses),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("ApprovedAnswer");

export function approvedAnswerView(a: {
  id: number;
  question: string;
  answer: string;
  citations: Array<{ document: string; article: string; articleId: number | null }>;
  unitCode: string | null;
  sourceQuestionId: string | null;
  status: (typeof approvedAnswerStatuses)[number];
  createdAt: Date;
  updatedAt: Date;
}) {
  return {
    id: a.id,
    question: a.question,
    answer: a.answer,
    citations: a.citations,
    unitCode: a.unitCode,
    sourceQuestionId: a.sourceQuestionId,
    status: a.status,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function answerRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/answers",
      tags: ["questions"],
      summary: "Câu trả lời mẫu Loa dùng để tự trả lời",
      request: { query: pageQuerySchema.extend({ status: z.enum(approvedAnswerStatuses).optional() }) },
      responses: {
        200: json(pageSchema(approvedAnswerSchema), "Câu trả lời mẫu"),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const result = await listApprovedAnswers(c.get("services").db, c.req.valid("query"));
      return c.json({ ...result, items: result.items.map(approvedAnswerView) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/answers/{id}/retire",
      tags: ["questions"],
      summary: "Ngừng dùng một câu trả lời mẫu",
      ...routeRole(requiredRole.editContent),
      request: { params: intIdParamSchema },
      responses: {
        200: json(approvedAnswerSchema, "Đã ngừng dùng"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: { content: { "application/json": { schema: errorSchema } }, description: "Đã ngừng dùng từ trước" },
      },
    }),
    async (c) => {
      const { db } = c.get("services");
      const answer = await retireApprovedAnswer(db, c.get("principal"), c.req.valid("param").id, new Date());
      return c.json(approvedAnswerView(answer), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/answers/{id}/review",
      tags: ["questions"],
      summary:
        "Xem lại câu trả lời mẫu theo luật đang có hiệu lực (có thể sửa nội dung, trích dẫn); câu trả lời dẫn điều " +
        "luật đã thay đổi sau lần xem lại trước bị tạm ngừng dùng cho đến khi được xem lại",
      ...routeRole(requiredRole.editContent),
      request: {
        params: intIdParamSchema,
        body: json(
          z.object({
            answer: z.string().trim().min(1).max(10_000).optional(),
            citations: z
              .array(
                z.object({ document: z.string().trim().min(1).max(300), article: z.string().trim().min(1).max(20) }),
              )
              .max(20)
              .optional(),
          }),
          "Nội dung và trích dẫn mới (bỏ trống: giữ nguyên, chỉ xác nhận đã xem lại)",
        ),
      },
      responses: {
        200: json(approvedAnswerSchema, "Đã xem lại, dùng lại cho người dân"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: {
          content: { "application/json": { schema: errorSchema } },
          description: "Đã ngừng dùng, hoặc còn dẫn văn bản đã hết hiệu lực",
        },
      },
    }),
    async (c) => {
      const { db } = c.get("services");
      const answer = await reviewApprovedAnswer(
        db,
        c.get("principal"),
        c.req.valid("param").id,
        c.req.valid("json"),
        new Date(),
      );
      return c.json(approvedAnswerView(answer), 200);
    },
  );

  return app;
}

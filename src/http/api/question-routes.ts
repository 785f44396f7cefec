// Escalated questions for officers: the inbox of their scope by status (overdue too), unit and words; one question;
// claim, answer (the answer is queued to the citizen in the same transaction), close, promote to an approved answer;
// and the routing rules by topic. Out of scope looks like absent (404); a move the question's state forbids is 409.
import { createRoute, z } from "@hono/zod-openapi";
import { questionStatuses } from "../../../db/schema/questions";
import { pushToContact } from "../../conversations/outbox";
import { requiredRole } from "../../officers/roles";
import { officerAnswerReplies } from "../../qa/answer-message";
import {
  answerQuestion,
  claimQuestion,
  closeQuestion,
  getQuestion,
  listQuestions,
  promoteQuestion,
  type QuestionRecord,
} from "../../qa/question-service";
import { createRouteRule, deleteRouteRule, listRouteRules } from "../../qa/route-rules";
import { jsonError } from "../errors";
import { apiRouter } from "./api-env";
import { approvedAnswerSchema, approvedAnswerView } from "./answer-routes";
import { routeRole } from "./officer-auth";
import {
  errorResponses,
  errorSchema,
  intIdParamSchema,
  iso,
  json,
  pageQuerySchema,
  pageSchema,
  unitCodeSchema,
  uuidParamSchema,
} from "./schemas";

const citationSchema = z.object({ document: z.string(), article: z.string(), articleId: z.number().int().nullable() });
const questionSchema = z
  .object({
    id: z.uuid(),
    text: z.string().openapi({ description: "Câu hỏi như người dân gõ (văn bản thuần, không phải HTML)" }),
    channel: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    topicId: z.number().int().nullable(),
    status: z.enum(questionStatuses),
    overdue: z.boolean(),
    articles: z.array(
      z.object({
        articleId: z.number().int(),
        document: z.string(),
        article: z.string(),
        title: z.string().nullable(),
      }),
    ),
    createdAt: z.string(),
    dueAt: z.string(),
    overdueAt: z.string().nullable(),
    claimedAt: z.string().nullable(),
    claimedBy: z.string().nullable(),
    answeredAt: z.string().nullable(),
    answeredBy: z.string().nullable(),
    answerText: z.string().nullable(),
    answerCitations: z.array(citationSchema),
    closedAt: z.string().nullable(),
    promotedAnswerId: z.number().int().nullable(),
  })
  .openapi("Question");

const ruleSchema = z
  .object({
    id: z.number().int(),
    fromUnitCode: z.string(),
    topicId: z.number().int(),
    topicName: z.string(),
    toUnitCode: z.string(),
    createdAt: z.string(),
  })
  .openapi("QuestionRoute");

const conflictResponse = {
  content: { "application/json": { schema: errorSchema } },
  description: "Trạng thái câu hỏi không cho phép việc này",
};

function view(q: QuestionRecord & Record<string, unknown>) {
  return {
    id: q.id,
    text: q.text,
    channel: q.channel,
    unitCode: q.unitCode,
    unitName: q.unitName,
    topicId: q.topicId,
    status: q.status,
    overdue: q.overdue,
    articles: q.articles,
    createdAt: q.createdAt.toISOString(),
    dueAt: q.dueAt.toISOString(),
    overdueAt: iso(q.overdueAt),
    claimedAt: iso(q.claimedAt),
    claimedBy: q.claimedBy,
    answeredAt: iso(q.answeredAt),
    answeredBy: q.answeredBy,
    answerText: q.answerText,
    answerCitations: q.answerCitations,
    closedAt: iso(q.closedAt),
    promotedAnswerId: q.promotedAnswerId,
  };
}

const notFound = "Không có câu hỏi này trong phạm vi của bạn";
const handle = requiredRole.editContent;

export function questionRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/questions",
      tags: ["questions"],
      summary: "Câu hỏi người dân gửi cán bộ, trong phạm vi của tôi",
      request: {
        query: pageQuerySchema.extend({
          status: z
            .enum([...questionStatuses, "overdue"])
            .optional()
            .openapi({
              description: "overdue: đang chờ hoặc đã nhận mà quá hạn trả lời",
            }),
          unitCode: unitCodeSchema
            .optional()
            .openapi({ description: "Chỉ câu hỏi của đơn vị này và các đơn vị trực thuộc (trong phạm vi của tôi)" }),
          q: z
            .string()
            .trim()
            .max(200)
            .optional()
            .openapi({ description: "Từ có trong nội dung câu hỏi (không phân biệt hoa thường, có dấu hay không)" }),
        }),
      },
      responses: {
        200: json(pageSchema(questionSchema), "Câu hỏi"),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const result = await listQuestions(c.get("services").db, c.get("principal"), c.req.valid("query"));
      return c.json({ ...result, items: result.items.map(view) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/questions/{id}",
      tags: ["questions"],
      summary: "Một câu hỏi",
      request: { params: uuidParamSchema },
      responses: {
        200: json(questionSchema, "Câu hỏi"),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const question = await getQuestion(c.get("services").db, c.get("principal"), c.req.valid("param").id);
      if (!question) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(view(question), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/questions/{id}/claim",
      tags: ["questions"],
      summary: "Nhận trả lời một câu hỏi",
      ...routeRole(handle),
      request: { params: uuidParamSchema },
      responses: {
        200: json(questionSchema, "Đã nhận"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: conflictResponse,
      },
    }),
    async (c) => {
      const { db } = c.get("services");
      const question = await claimQuestion(db, c.get("principal"), c.req.valid("param").id, new Date());
      return c.json(view(question), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/questions/{id}/answer",
      tags: ["questions"],
      summary: "Trả lời câu hỏi; câu trả lời được gửi tới người hỏi trên kênh của họ",
      ...routeRole(handle),
      request: {
        params: uuidParamSchema,
        body: json(
          z.object({
            text: z.string().trim().min(1).max(8000).openapi({ description: "Văn bản thuần (không phải HTML)" }),
            citations: z
              .array(
                z.object({
                  document: z.string().trim().min(1).max(300).openapi({ example: "Bộ luật Dân sự" }),
                  article: z.string().trim().min(1).max(20).openapi({ example: "321" }),
                }),
              )
              .max(20)
              .default([]),
          }),
          "Câu trả lời",
        ),
      },
      responses: {
        200: json(questionSchema, "Đã trả lời"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: conflictResponse,
      },
    }),
    async (c) => {
      const { db } = c.get("services");
      const principal = c.get("principal");
      const id = c.req.valid("param").id;
      const body = c.req.valid("json");
      const answered = await db.transaction(async (tx) => {
        const result = await answerQuestion(tx, principal, id, body, new Date());
        // The web chat pulls it (no sending channel); Telegram and Zalo get it through the delivery loop, which
        // waits for the channel's reply window where there is one.
        const sending = result.channel === "web" ? undefined : (result.channel as "telegram" | "zalo" | "zalo_oa");
        await pushToContact(tx, result.contactId, "qa_answer", officerAnswerReplies(result.question), sending);
        return result.question;
      });
      return c.json(view(answered), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/questions/{id}/close",
      tags: ["questions"],
      summary: "Đóng câu hỏi (đã xong, hoặc không cần trả lời)",
      ...routeRole(handle),
      request: { params: uuidParamSchema },
      responses: {
        200: json(questionSchema, "Đã đóng"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: conflictResponse,
      },
    }),
    async (c) => {
      const question = await closeQuestion(
        c.get("services").db,
        c.get("principal"),
        c.req.valid("param").id,
        new Date(),
      );
      return c.json(view(question), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/questions/{id}/promote",
      tags: ["questions"],
      summary: "Đưa câu hỏi đã trả lời vào câu trả lời mẫu mà Loa tự trả lời",
      ...routeRole(handle),
      request: {
        params: uuidParamSchema,
        body: json(
          z.object({
            question: z.string().trim().min(1).max(2000).optional(),
            answer: z.string().trim().min(1).max(8000).optional(),
          }),
          "Câu hỏi và câu trả lời đã biên tập (tuỳ chọn)",
        ),
      },
      responses: {
        201: json(approvedAnswerSchema, "Câu trả lời mẫu"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: conflictResponse,
      },
    }),
    async (c) => {
      const { db } = c.get("services");
      const answer = await promoteQuestion(
        db,
        c.get("principal"),
        c.req.valid("param").id,
        c.req.valid("json"),
        new Date(),
      );
      return c.json(approvedAnswerView(answer), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/question-routes",
      tags: ["questions"],
      summary: "Quy tắc chuyển câu hỏi theo lĩnh vực, trong phạm vi của tôi",
      responses: { 200: json(z.object({ items: z.array(ruleSchema) }), "Quy tắc"), 401: errorResponses[401] },
    }),
    async (c) => {
      const rules = await listRouteRules(c.get("services").db, c.get("principal"));
      return c.json({ items: rules.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/question-routes",
      tags: ["questions"],
      summary: "Câu hỏi từ trong đơn vị fromUnitCode về lĩnh vực topicId sẽ chuyển tới toUnitCode",
      ...routeRole(requiredRole.manageOfficers),
      request: {
        body: json(
          z.object({ fromUnitCode: unitCodeSchema, topicId: z.number().int().min(1), toUnitCode: unitCodeSchema }),
          "Quy tắc mới",
        ),
      },
      responses: {
        201: json(ruleSchema, "Đã tạo"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        409: conflictResponse,
      },
    }),
    async (c) => {
      const rule = await createRouteRule(c.get("services").db, c.get("principal"), c.req.valid("json"));
      return c.json({ ...rule, createdAt: rule.createdAt.toISOString() }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/question-routes/{id}",
      tags: ["questions"],
      summary: "Xoá một quy tắc chuyển câu hỏi",
      ...routeRole(requiredRole.manageOfficers),
      request: { params: intIdParamSchema },
      responses: {
        204: { description: "Đã xoá" },
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const deleted = await deleteRouteRule(c.get("services").db, c.get("principal"), c.req.valid("param").id);
      if (!deleted) return jsonError(c, 404, "not_found", "Không có quy tắc này trong phạm vi của bạn") as never;
      return c.body(null, 204);
    },
  );

  return app;
}

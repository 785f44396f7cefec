// Content officers manage: topics (admins), statutes and their articles, lessons; drafts until published.
import { createRoute, z } from "@hono/zod-openapi";
import { contentStatuses } from "../../../db/schema/content";
import {
  createArticle,
  createDocument,
  getDocumentForOfficer,
  listArticlesForOfficer,
  listDocumentsForOfficer,
  setDocumentStatus,
  updateArticle,
  updateDocument,
} from "../../content/document-admin";
import {
  createLesson,
  getLessonForOfficer,
  listLessonsForOfficer,
  setLessonStatus,
  updateLesson,
} from "../../content/lesson-admin";
import { createTopic, listTopicsForOfficer, updateTopic } from "../../content/topic-admin";
import { requiredRole } from "../../officers/roles";
import { jsonError } from "../errors";
import { apiRouter } from "./api-env";
import { requireRole } from "./officer-auth";
import { errorResponses, intIdParamSchema, iso, json, pageQuerySchema, pageSchema, unitCodeSchema } from "./schemas";

const editContent = requireRole(requiredRole.editContent);
const publishContent = requireRole(requiredRole.publishContent);
const manageTopics = requireRole(requiredRole.manageTopics);

const statusSchema = z.enum(contentStatuses);
const topicSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    ordinal: z.number().int(),
  })
  .openapi("Topic");
const documentSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    docType: z.string(),
    officialNumber: z.string().nullable(),
    topicId: z.number().int().nullable(),
    unitCode: z.string(),
    source: z.string().nullable(),
    status: statusSchema,
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("Document");
const articleSchema = z
  .object({
    id: z.number().int(),
    documentId: z.number().int(),
    number: z.string(),
    ordinal: z.number().int(),
    title: z.string().nullable(),
    body: z.string(),
  })
  .openapi("Article");
const citationSchema = z.object({ document: z.string().min(1).max(300), article: z.string().min(1).max(20) });
const lessonSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    body: z.string(),
    topicId: z.number().int().nullable(),
    citations: z.array(citationSchema),
    unitCode: z.string(),
    status: statusSchema,
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("Lesson");

type Dated = { publishedAt: Date | null; updatedAt: Date };
const dated = <T extends Dated>({ publishedAt, updatedAt, ...rest }: T) => ({
  ...rest,
  publishedAt: iso(publishedAt),
  updatedAt: updatedAt.toISOString(),
});
const documentView = <T extends Dated & { ownerUnitId?: unknown }>({ ownerUnitId: _o, ...d }: T) => dated(d);

const documentBody = z.object({
  title: z.string().trim().min(1).max(300),
  officialNumber: z.string().trim().max(50).nullable().optional(),
  topicId: z.number().int().min(1).nullable().optional(),
  unitCode: unitCodeSchema.optional().openapi({ description: "Đơn vị sở hữu; mặc định đơn vị của tôi" }),
  source: z.string().trim().max(500).nullable().optional(),
});
const articleBody = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[0-9]+[a-zđ]?$/i, "số điều phải là số, có thể kèm một chữ cái"),
  title: z.string().trim().max(300).nullable().optional(),
  body: z.string().trim().min(1).max(200_000),
});
const lessonBody = z.object({
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().min(1).max(1000),
  body: z.string().trim().min(1).max(50_000),
  topicId: z.number().int().min(1).nullable().optional(),
  citations: z.array(citationSchema).max(20).optional(),
  unitCode: unitCodeSchema.optional(),
});

const listQuery = pageQuerySchema.extend({ status: statusSchema.optional() });
const std = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] };
const notFound = "Không có nội dung này trong phạm vi của bạn";

export function contentRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/topics",
      tags: ["content"],
      summary: "Lĩnh vực pháp luật",
      responses: { 200: json(z.object({ items: z.array(topicSchema) }), "Lĩnh vực"), 401: errorResponses[401] },
    }),
    async (c) => c.json({ items: await listTopicsForOfficer(c.get("services").db) }, 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/topics",
      tags: ["content"],
      summary: "Tạo lĩnh vực (quản trị)",
      middleware: [manageTopics] as const,
      request: {
        body: json(
          z.object({
            name: z.string().trim().min(1).max(200),
            description: z.string().trim().max(1000).nullable().optional(),
            ordinal: z.number().int().min(0).max(10_000).optional(),
          }),
          "Lĩnh vực mới",
        ),
      },
      responses: { 201: json(topicSchema, "Đã tạo"), ...std },
    }),
    async (c) => c.json(await createTopic(c.get("services").db, c.get("principal"), c.req.valid("json")), 201),
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/topics/{id}",
      tags: ["content"],
      summary: "Sửa lĩnh vực (quản trị)",
      middleware: [manageTopics] as const,
      request: {
        params: intIdParamSchema,
        body: json(
          z.object({
            name: z.string().trim().min(1).max(200).optional(),
            description: z.string().trim().max(1000).nullable().optional(),
            ordinal: z.number().int().min(0).max(10_000).optional(),
          }),
          "Các trường cần sửa",
        ),
      },
      responses: { 200: json(topicSchema, "Đã sửa"), ...std },
    }),
    async (c) => {
      const topic = await updateTopic(
        c.get("services").db,
        c.get("principal"),
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      if (!topic) return jsonError(c, 404, "not_found", "Không có lĩnh vực này") as never;
      return c.json(topic, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/documents",
      tags: ["content"],
      summary: "Văn bản do phạm vi của tôi quản lý",
      request: { query: listQuery },
      responses: { 200: json(pageSchema(documentSchema), "Văn bản"), ...std },
    }),
    async (c) => {
      const { status, page, pageSize } = c.req.valid("query");
      const result = await listDocumentsForOfficer(c.get("services").db, c.get("principal"), status, page, pageSize);
      return c.json({ ...result, items: result.items.map(documentView) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/documents",
      tags: ["content"],
      summary: "Tạo văn bản (bản nháp)",
      middleware: [editContent] as const,
      request: { body: json(documentBody, "Văn bản mới") },
      responses: { 201: json(documentSchema, "Đã tạo"), ...std },
    }),
    async (c) =>
      c.json(documentView(await createDocument(c.get("services").db, c.get("principal"), c.req.valid("json"))), 201),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/documents/{id}",
      tags: ["content"],
      summary: "Một văn bản",
      request: { params: intIdParamSchema },
      responses: { 200: json(documentSchema, "Văn bản"), ...std },
    }),
    async (c) => {
      const document = await getDocumentForOfficer(c.get("services").db, c.get("principal"), c.req.valid("param").id);
      if (!document) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(documentView(document), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/documents/{id}",
      tags: ["content"],
      summary: "Sửa văn bản",
      middleware: [editContent] as const,
      request: { params: intIdParamSchema, body: json(documentBody.partial(), "Các trường cần sửa") },
      responses: { 200: json(documentSchema, "Đã sửa"), ...std },
    }),
    async (c) => {
      const document = await updateDocument(
        c.get("services").db,
        c.get("principal"),
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      if (!document) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(documentView(document), 200);
    },
  );
  for (const [action, status] of [
    ["publish", "published"],
    ["unpublish", "draft"],
  ] as const) {
    app.openapi(
      createRoute({
        method: "post",
        path: `/api/documents/{id}/${action}`,
        tags: ["content"],
        summary: action === "publish" ? "Đăng văn bản cho người dân" : "Gỡ văn bản về bản nháp",
        middleware: [publishContent] as const,
        request: { params: intIdParamSchema },
        responses: { 200: json(documentSchema, "Trạng thái mới"), ...std },
      }),
      async (c) => {
        const document = await setDocumentStatus(
          c.get("services").db,
          c.get("principal"),
          c.req.valid("param").id,
          status,
        );
        if (!document) return jsonError(c, 404, "not_found", notFound) as never;
        return c.json(documentView(document), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/documents/{id}/articles",
      tags: ["content"],
      summary: "Các điều của văn bản",
      request: { params: intIdParamSchema, query: pageQuerySchema },
      responses: { 200: json(pageSchema(articleSchema), "Điều"), ...std },
    }),
    async (c) => {
      const { page, pageSize } = c.req.valid("query");
      const result = await listArticlesForOfficer(
        c.get("services").db,
        c.get("principal"),
        c.req.valid("param").id,
        page,
        pageSize,
      );
      if (!result) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(result, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/documents/{id}/articles",
      tags: ["content"],
      summary: "Thêm điều",
      middleware: [editContent] as const,
      request: { params: intIdParamSchema, body: json(articleBody, "Điều mới") },
      responses: { 201: json(articleSchema, "Đã thêm"), ...std },
    }),
    async (c) => {
      const article = await createArticle(
        c.get("services").db,
        c.get("principal"),
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      if (!article) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(article, 201);
    },
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/articles/{id}",
      tags: ["content"],
      summary: "Sửa điều",
      middleware: [editContent] as const,
      request: { params: intIdParamSchema, body: json(articleBody.partial(), "Các trường cần sửa") },
      responses: { 200: json(articleSchema, "Đã sửa"), ...std },
    }),
    async (c) => {
      const article = await updateArticle(
        c.get("services").db,
        c.get("principal"),
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      if (!article) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(article, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/lessons",
      tags: ["content"],
      summary: "Bài phổ biến do phạm vi của tôi quản lý",
      request: { query: listQuery },
      responses: { 200: json(pageSchema(lessonSchema), "Bài"), ...std },
    }),
    async (c) => {
      const { status, page, pageSize } = c.req.valid("query");
      const result = await listLessonsForOfficer(c.get("services").db, c.get("principal"), status, page, pageSize);
      return c.json({ ...result, items: result.items.map(dated) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/lessons",
      tags: ["content"],
      summary: "Tạo bài phổ biến (bản nháp)",
      middleware: [editContent] as const,
      request: { body: json(lessonBody, "Bài mới") },
      responses: { 201: json(lessonSchema, "Đã tạo"), ...std },
    }),
    async (c) =>
      c.json(documentView(await createLesson(c.get("services").db, c.get("principal"), c.req.valid("json"))), 201),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/lessons/{id}",
      tags: ["content"],
      summary: "Một bài phổ biến",
      request: { params: intIdParamSchema },
      responses: { 200: json(lessonSchema, "Bài"), ...std },
    }),
    async (c) => {
      const lesson = await getLessonForOfficer(c.get("services").db, c.get("principal"), c.req.valid("param").id);
      if (!lesson) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(documentView(lesson), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/lessons/{id}",
      tags: ["content"],
      summary: "Sửa bài phổ biến",
      middleware: [editContent] as const,
      request: { params: intIdParamSchema, body: json(lessonBody.partial(), "Các trường cần sửa") },
      responses: { 200: json(lessonSchema, "Đã sửa"), ...std },
    }),
    async (c) => {
      const lesson = await updateLesson(
        c.get("services").db,
        c.get("principal"),
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      if (!lesson) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json(documentView(lesson), 200);
    },
  );
  for (const [action, status] of [
    ["publish", "published"],
    ["unpublish", "draft"],
  ] as const) {
    app.openapi(
      createRoute({
        method: "post",
        path: `/api/lessons/{id}/${action}`,
        tags: ["content"],
        summary: action === "publish" ? "Đăng bài cho người dân" : "Gỡ bài về bản nháp",
        middleware: [publishContent] as const,
        request: { params: intIdParamSchema },
        responses: { 200: json(lessonSchema, "Trạng thái mới"), ...std },
      }),
      async (c) => {
        const lesson = await setLessonStatus(c.get("services").db, c.get("principal"), c.req.valid("param").id, status);
        if (!lesson) return jsonError(c, 404, "not_found", notFound) as never;
        return c.json(documentView(lesson), 200);
      },
    );
  }

  return app;
}

// Content officers manage: topics (admins), statutes and their articles, lessons; drafts until published. Statutes
// carry their legal life (number, dates, replacement, amendments; status computed for a day), officers record it,
// and the content-health report lists what cites changed law.
import { createRoute, z } from "@hono/zod-openapi";
import { contentStatuses, documentEndReasons, factConfidences } from "../../../db/schema/content";
import { contentHealth, contentHealthKinds } from "../../content/content-health";
import {
  addAmendment,
  documentLegalView,
  removeAmendment,
  setDocumentLegalFacts,
} from "../../content/document-law-status";
import { importDocumentsForOfficer, LawFileError } from "../../content/document-import";
import { loadLawRegistry, type LawRegistry } from "../../content/law-registry";
import { isIsoDate, legalStatuses, vietnamToday } from "../../content/law-status";
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
import { bodyLimits } from "../body-limit";
import { errorBody, jsonError } from "../errors";
import { apiRouter } from "./api-env";
import { routeRole } from "./officer-auth";
import { errorResponses, intIdParamSchema, iso, json, pageQuerySchema, pageSchema, unitCodeSchema } from "./schemas";

const editContent = routeRole(requiredRole.editContent);
const publishContent = routeRole(requiredRole.publishContent);
const manageTopics = routeRole(requiredRole.manageTopics);

const statusSchema = z.enum(contentStatuses);
/** A calendar day; a bad one is a 400 naming the field. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, "ngày phải có dạng YYYY-MM-DD và là ngày có thật")
  .openapi({ example: "2026-07-01" });
const amendmentViewSchema = z.object({
  number: z.string(),
  name: z.string(),
  documentId: z.number().int().nullable(),
  effectiveFrom: z.string().nullable(),
  articles: z.array(z.string()),
  articlesComplete: z.boolean(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
const legalSchema = z
  .object({
    citation: z.string().openapi({ example: "Luật Hôn nhân và gia đình 2014 (52/2014/QH13)" }),
    number: z.string().nullable(),
    year: z.number().int().nullable(),
    issuingBody: z.string().nullable(),
    effectiveFrom: z.string().nullable(),
    endsOn: z.string().nullable(),
    endReason: z.enum(documentEndReasons).nullable(),
    status: z.enum(legalStatuses).openapi({ description: "Hiệu lực vào ngày statusOn, tính từ các dữ kiện trên" }),
    statusSince: z.string().nullable(),
    statusOn: z.string(),
    inForce: z.boolean(),
    replacedBy: z
      .object({ documentId: z.number().int().nullable(), number: z.string().nullable(), name: z.string().nullable() })
      .nullable(),
    amendments: z.array(amendmentViewSchema),
    confidence: z.enum(factConfidences).nullable(),
    note: z.string().nullable(),
    sources: z.array(z.string()),
  })
  .openapi("DocumentLegalStatus");
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
    legal: legalSchema.nullable(),
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
const lessonView = <T extends Dated & { ownerUnitId?: unknown }>({ ownerUnitId: _o, ...d }: T) => dated(d);
/** A document with its legal facts and status on `date` (today unless the request names a day). */
const documentView =
  (laws: LawRegistry, date: string) =>
  <T extends Dated & { id: number; ownerUnitId?: unknown }>({ ownerUnitId: _o, ...d }: T) => {
    const facts = laws.byId(d.id);
    return { ...dated(d), legal: facts ? documentLegalView(facts, date) : null };
  };
const withLaws = async (db: Parameters<typeof loadLawRegistry>[0], date = vietnamToday()) =>
  documentView(await loadLawRegistry(db), date);

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
const documentListQuery = listQuery.extend({
  inForceOn: isoDateSchema.optional().openapi({ description: "Chỉ văn bản có hiệu lực vào ngày này (YYYY-MM-DD)" }),
});
const legalFactsBody = z
  .object({
    officialNumber: z.string().trim().min(1).max(60).nullable().optional(),
    year: z.number().int().min(1945).max(2100).nullable().optional(),
    issuingBody: z.string().trim().min(1).max(200).nullable().optional(),
    effectiveFrom: isoDateSchema.nullable().optional(),
    endsOn: isoDateSchema.nullable().optional().openapi({ description: "Ngày đầu tiên văn bản không còn hiệu lực" }),
    endReason: z.enum(documentEndReasons).nullable().optional(),
    replacedBy: z
      .object({
        documentId: z.number().int().min(1).optional(),
        number: z.string().trim().min(1).max(60).optional(),
        name: z.string().trim().min(1).max(500).optional(),
      })
      .refine((r) => r.documentId !== undefined || r.number || r.name, "cần documentId, number hoặc name")
      .nullable()
      .optional(),
    confidence: z.enum(factConfidences).nullable().optional(),
    note: z.string().trim().max(4000).nullable().optional(),
    sources: z.array(z.string().trim().url()).max(50).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "cần ít nhất một trường");
const amendmentBody = z.object({
  number: z.string().trim().min(1).max(60).openapi({ example: "118/2025/QH15" }),
  name: z.string().trim().min(1).max(500),
  effectiveFrom: isoDateSchema.nullable().optional(),
  articles: z
    .array(
      z
        .string()
        .trim()
        .regex(/^(?:điều\s*)?\d{1,4}[a-zđ]?\b/iu, "mỗi mục bắt đầu bằng số điều, ví dụ 84"),
    )
    .max(2000)
    .optional(),
  articlesComplete: z.boolean().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
const flagSchema = z.object({
  document: z.string(),
  article: z.string(),
  citation: z.string(),
  change: z.enum(["replaced", "expired", "amended"]),
  since: z.string().nullable(),
  by: z
    .object({ number: z.string().nullable(), name: z.string().nullable(), documentId: z.number().int().nullable() })
    .nullable(),
  certainty: z.enum(["changed", "maybe"]).nullable(),
});
const healthItemSchema = z
  .object({
    kind: z.enum(contentHealthKinds),
    id: z.string(),
    title: z.string(),
    unitCode: z.string().nullable(),
    checkedAt: z.string(),
    flags: z.array(flagSchema),
  })
  .openapi("ContentHealthItem");
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
      ...manageTopics,
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
      ...manageTopics,
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
      request: { query: documentListQuery },
      responses: { 200: json(pageSchema(documentSchema), "Văn bản"), ...std },
    }),
    async (c) => {
      const { status, page, pageSize, inForceOn } = c.req.valid("query");
      const db = c.get("services").db;
      const result = await listDocumentsForOfficer(db, c.get("principal"), status, page, pageSize, inForceOn);
      return c.json({ ...result, items: result.items.map(await withLaws(db, inForceOn)) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/documents",
      tags: ["content"],
      summary: "Tạo văn bản (bản nháp)",
      ...editContent,
      request: { body: json(documentBody, "Văn bản mới") },
      responses: { 201: json(documentSchema, "Đã tạo"), ...std },
    }),
    async (c) => {
      const db = c.get("services").db;
      const document = await createDocument(db, c.get("principal"), c.req.valid("json"));
      return c.json((await withLaws(db))(document), 201);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/documents/import",
      tags: ["content"],
      summary: "Nhập văn bản từ tệp luật (định dạng của npm run import:laws), tất cả hoặc không gì cả",
      description:
        "Nhập lại một văn bản đã có (cùng tên) sẽ cập nhật các điều của nó. Văn bản mới thuộc đơn vị unitCode " +
        `(mặc định đơn vị của tôi) và được đăng ngay. Tệp tối đa ${bodyLimits.lawImport / 1024 / 1024} MB; ` +
        "tệp lỗi được trả 400 với dòng, cột (JSON) hoặc bản ghi và trường (định dạng) bị lỗi.",
      ...editContent,
      request: {
        body: json(
          z.object({
            text: z
              .string()
              .min(2, "cần nội dung tệp")
              .max(bodyLimits.lawImport)
              .openapi({ example: '[{"id":"Luật Hòa giải ở cơ sở","articles":[{"id":"1","text":"Phạm vi…"}]}]' }),
            source: z.string().trim().max(500).optional().openapi({ description: "Nguồn văn bản, người dân đọc" }),
            unitCode: unitCodeSchema.optional().openapi({ description: "Đơn vị sở hữu văn bản mới" }),
          }),
          "Nội dung tệp luật",
        ),
      },
      responses: {
        201: json(
          z.object({
            documentId: z.number().int().openapi({ description: "Văn bản đầu tiên của tệp" }),
            documents: z.number().int(),
            articles: z.number().int(),
            linked: z.number().int(),
            amendments: z.number().int(),
            warnings: z.array(z.string()),
            items: z.array(z.object({ id: z.number().int(), title: z.string(), articles: z.number().int() })),
          }),
          "Đã nhập",
        ),
        ...std,
        413: { ...errorResponses[400], description: "Tệp quá lớn" },
      },
    }),
    async (c) => {
      try {
        const result = await importDocumentsForOfficer(c.get("services").db, c.get("principal"), c.req.valid("json"));
        const { documentIds: _ids, ...rest } = result;
        return c.json({ documentId: result.items[0]!.id, ...rest }, 201);
      } catch (error) {
        if (error instanceof LawFileError)
          return c.json(errorBody("invalid_request", error.message, error.issues), 400);
        throw error;
      }
    },
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
      const db = c.get("services").db;
      const document = await getDocumentForOfficer(db, c.get("principal"), c.req.valid("param").id);
      if (!document) return jsonError(c, 404, "not_found", notFound) as never;
      return c.json((await withLaws(db))(document), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/documents/{id}",
      tags: ["content"],
      summary: "Sửa văn bản",
      ...editContent,
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
      return c.json((await withLaws(c.get("services").db))(document), 200);
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
        ...publishContent,
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
        return c.json((await withLaws(c.get("services").db))(document), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/documents/{id}/status",
      tags: ["content"],
      summary: "Ghi hiệu lực của văn bản: số hiệu, ngày có hiệu lực, hết hiệu lực, văn bản thay thế",
      ...publishContent,
      request: {
        params: intIdParamSchema,
        body: json(legalFactsBody, "Các dữ kiện cần ghi (trường bỏ trống giữ nguyên)"),
      },
      responses: { 200: json(documentSchema, "Văn bản với hiệu lực mới"), ...std },
    }),
    async (c) => {
      const db = c.get("services").db;
      const id = c.req.valid("param").id;
      const done = await setDocumentLegalFacts(db, c.get("principal"), id, c.req.valid("json"));
      if (!done) return jsonError(c, 404, "not_found", notFound) as never;
      const document = await getDocumentForOfficer(db, c.get("principal"), id);
      return c.json((await withLaws(db))(document!), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/documents/{id}/amendments",
      tags: ["content"],
      summary: "Ghi một văn bản sửa đổi, bổ sung (ghi lại nếu đã có số hiệu này)",
      ...publishContent,
      request: { params: intIdParamSchema, body: json(amendmentBody, "Văn bản sửa đổi") },
      responses: { 200: json(documentSchema, "Văn bản với các lần sửa đổi"), ...std },
    }),
    async (c) => {
      const db = c.get("services").db;
      const id = c.req.valid("param").id;
      const done = await addAmendment(db, c.get("principal"), id, c.req.valid("json"), new Date());
      if (!done) return jsonError(c, 404, "not_found", notFound) as never;
      const document = await getDocumentForOfficer(db, c.get("principal"), id);
      return c.json((await withLaws(db))(document!), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/documents/{id}/amendments",
      tags: ["content"],
      summary: "Xóa một văn bản sửa đổi ghi nhầm",
      ...publishContent,
      request: {
        params: intIdParamSchema,
        query: z.object({ number: z.string().trim().min(1).max(60).openapi({ example: "118/2025/QH15" }) }),
      },
      responses: { 200: json(documentSchema, "Văn bản với các lần sửa đổi còn lại"), ...std },
    }),
    async (c) => {
      const db = c.get("services").db;
      const id = c.req.valid("param").id;
      const done = await removeAmendment(db, c.get("principal"), id, c.req.valid("query").number);
      if (!done) return jsonError(c, 404, "not_found", "Không có văn bản sửa đổi này trong phạm vi của bạn") as never;
      const document = await getDocumentForOfficer(db, c.get("principal"), id);
      return c.json((await withLaws(db))(document!), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/content-health",
      tags: ["content"],
      summary: "Nội dung dẫn điều luật đã được sửa đổi, thay thế hoặc hết hiệu lực (trong phạm vi của tôi)",
      request: {
        query: z.object({
          on: isoDateSchema.optional().openapi({ description: "Xét hiệu lực vào ngày này; mặc định hôm nay" }),
        }),
      },
      responses: {
        200: json(
          z.object({
            date: z.string(),
            counts: z.object({
              lesson: z.number().int(),
              approved_answer: z.number().int(),
              quiz_question: z.number().int(),
            }),
            items: z.array(healthItemSchema),
          }),
          "Cần xem lại; trống khi mọi nội dung dẫn luật đang có hiệu lực",
        ),
        ...std,
      },
    }),
    async (c) => {
      const date = c.req.valid("query").on ?? vietnamToday();
      const report = await contentHealth(c.get("services").db, c.get("principal"), date);
      return c.json(
        { ...report, items: report.items.map((i) => ({ ...i, checkedAt: i.checkedAt.toISOString() })) },
        200,
      );
    },
  );

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
      ...editContent,
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
      ...editContent,
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
      ...editContent,
      request: { body: json(lessonBody, "Bài mới") },
      responses: { 201: json(lessonSchema, "Đã tạo"), ...std },
    }),
    async (c) =>
      c.json(lessonView(await createLesson(c.get("services").db, c.get("principal"), c.req.valid("json"))), 201),
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
      return c.json(lessonView(lesson), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/lessons/{id}",
      tags: ["content"],
      summary: "Sửa bài phổ biến",
      ...editContent,
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
      return c.json(lessonView(lesson), 200);
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
        ...publishContent,
        request: { params: intIdParamSchema },
        responses: { 200: json(lessonSchema, "Trạng thái mới"), ...std },
      }),
      async (c) => {
        const lesson = await setLessonStatus(c.get("services").db, c.get("principal"), c.req.valid("param").id, status);
        if (!lesson) return jsonError(c, 404, "not_found", notFound) as never;
        return c.json(lessonView(lesson), 200);
      },
    );
  }

  return app;
}

// Search for everyone, and the synonym list for officers. GET /api/search is public (no login) and rate-limited per
// client (SEARCH_RATE_LIMIT a minute; a memory store, so per process on Node and per isolate on Workers); it ranks
// exactly as the chat does (src/content/search-index.ts). The synonym routes change national content: admins only,
// every change audited.
import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import { currentSearchIndex } from "../../content/search-index-cache";
import { citationName, legalStatusOn, legalStatuses, vietnamToday } from "../../content/law-status";
import { bestSnippet } from "../../content/search-snippet";
import { isoDateSchema } from "./content-routes";
import { createSynonym, deleteSynonym, listSynonyms } from "../../content/search-synonyms";
import { requiredRole } from "../../officers/roles";
import type { AppEnv } from "../../services";
import { clientAddress } from "../client-address";
import { errorBody, jsonError } from "../errors";
import { apiRouter } from "./api-env";
import { routeRole } from "./officer-auth";
import { errorResponses, intIdParamSchema, iso, json } from "./schemas";

const manageSynonyms = routeRole(requiredRole.manageTopics);
const readSynonyms = routeRole(requiredRole.read);

const MAX_QUERY_LENGTH = 1_000;

const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, "cần nội dung tìm kiếm")
    .max(MAX_QUERY_LENGTH, `tối đa ${MAX_QUERY_LENGTH} ký tự`)
    .openapi({ example: "tôi muốn ly hôn thì cần thủ tục gì" }),
  limit: z.coerce.number().int().min(1).max(50).default(10).openapi({ example: 10 }),
  inForceOn: isoDateSchema.optional().openapi({
    description:
      "Chỉ điều luật của văn bản có hiệu lực vào ngày này (YYYY-MM-DD); mặc định: mọi văn bản, văn bản " +
      "đang có hiệu lực xếp trước",
  }),
});

const searchResultSchema = z
  .object({
    type: z.enum(["article", "lesson", "answer"]),
    /** The statute's title as imported ("Bộ luật dân sự"); null for lessons and answers. */
    document: z.string().nullable(),
    /** The article number as imported ("321"); null for lessons and answers. */
    article: z.string().nullable(),
    title: z.string(),
    snippet: z.string(),
    score: z.number(),
    /** For an article: its statute as cited, and that statute's status on the day (inForceOn, or today). */
    citation: z.string().nullable(),
    legalStatus: z.enum(legalStatuses).nullable(),
    inForce: z.boolean().nullable(),
  })
  .openapi("SearchResult");

const synonymSchema = z
  .object({ id: z.number().int(), phrase: z.string(), means: z.string(), createdAt: z.string() })
  .openapi("SearchSynonym");

const synonymText = z.string().trim().min(1).max(200);

export function searchRoutes() {
  const app = apiRouter();

  // One store per app: counts live in this process (this isolate on Workers). Made at the first request, since
  // the memory store starts a timer and Workers allow no timer at module scope (the app is built there).
  let limiter: MiddlewareHandler<AppEnv> | undefined;
  const limit: MiddlewareHandler<AppEnv> = (c, next) => {
    limiter ??= rateLimiter<AppEnv>({
      windowMs: 60_000,
      limit: (c) => c.get("services").config.SEARCH_RATE_LIMIT,
      skip: (c) => c.get("services").config.SEARCH_RATE_LIMIT === 0,
      keyGenerator: (c) => clientAddress(c, c.get("services").config),
      handler: (c) =>
        c.json(
          errorBody("rate_limited", "Bạn tìm kiếm nhanh quá. Vui lòng chờ một chút rồi thử lại (xem Retry-After)."),
          429,
        ),
    });
    return limiter(c, next);
  };

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/search",
      tags: ["search"],
      summary: "Tìm điều luật, bài phổ biến và câu trả lời đã duyệt (công khai, không cần đăng nhập)",
      security: [],
      middleware: [limit] as const,
      request: { query: searchQuerySchema },
      responses: {
        200: json(z.object({ results: z.array(searchResultSchema) }), "Kết quả, phù hợp nhất trước"),
        400: errorResponses[400],
        429: { ...errorResponses[400], description: "Quá số lần tìm kiếm cho phép mỗi phút (xem Retry-After)" },
      },
    }),
    async (c) => {
      const { q, limit, inForceOn } = c.req.valid("query");
      const db = c.get("services").db;
      const index = await currentSearchIndex(db);
      const query = index.analyze(q);
      const date = inForceOn ?? vietnamToday();
      const notInForce = index.notInForceOn(date);
      // Without a day: everything, articles of statutes not in force today ranked after every in-force match.
      // With inForceOn: only what applied that day (lessons and answers are not dated and stay).
      const hits = inForceOn
        ? index
            .searchAnalyzed(query, Number.MAX_SAFE_INTEGER, undefined, notInForce)
            .filter(({ entry }) => !notInForce(entry))
            .slice(0, limit)
        : index.searchAnalyzed(query, limit, undefined, notInForce);
      const results = hits.map(({ entry, score }) => {
        const facts = entry.documentId !== undefined ? index.laws?.byId(entry.documentId) : null;
        return {
          type: entry.type,
          document: entry.type === "article" ? entry.document : null,
          article: entry.type === "article" ? entry.number : null,
          title:
            entry.type === "article"
              ? `Điều ${entry.number}${entry.title ? `. ${entry.title}` : ""}`
              : (entry.title ?? ""),
          snippet: bestSnippet(entry.body, query.terms, (t) => index.idf(t)),
          score: Math.round(score * 1000) / 1000,
          citation: facts ? citationName(facts) : null,
          legalStatus: facts ? legalStatusOn(facts, date).status : null,
          inForce: facts ? !notInForce(entry) : null,
        };
      });
      return c.json({ results }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/search/synonyms",
      tags: ["search"],
      summary: "Từ đồng nghĩa dùng khi tìm kiếm (cách nói thường ngày → thuật ngữ pháp luật)",
      ...readSynonyms,
      responses: {
        200: json(z.object({ items: z.array(synonymSchema) }), "Danh sách"),
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const rows = await listSynonyms(c.get("services").db);
      return c.json({ items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt)! })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/search/synonyms",
      tags: ["search"],
      summary: "Thêm từ đồng nghĩa (quản trị)",
      ...manageSynonyms,
      request: {
        body: json(
          z.object({
            phrase: synonymText.openapi({ example: "sổ đỏ" }),
            means: synonymText.openapi({ example: "giấy chứng nhận quyền sử dụng đất" }),
          }),
          "Cụm từ người dân hay dùng và thuật ngữ nó có nghĩa",
        ),
      },
      responses: {
        201: json(synonymSchema, "Đã thêm"),
        ...errorResponses,
        409: { ...errorResponses[404], description: "Đã có" },
      },
    }),
    async (c) => {
      const row = await createSynonym(c.get("services").db, c.get("principal"), c.req.valid("json"));
      return c.json({ ...row, createdAt: iso(row.createdAt)! }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/search/synonyms/{id}",
      tags: ["search"],
      summary: "Xóa từ đồng nghĩa (quản trị)",
      ...manageSynonyms,
      request: { params: intIdParamSchema },
      responses: { 204: { description: "Đã xóa" }, ...errorResponses },
    }),
    async (c) => {
      const deleted = await deleteSynonym(c.get("services").db, c.get("principal"), c.req.valid("param").id);
      if (!deleted) return jsonError(c, 404, "not_found", "Không có từ đồng nghĩa này") as never;
      return c.body(null, 204);
    },
  );

  return app;
}

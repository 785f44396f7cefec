// Surveys for officers: the catalog and versions, waves (create in scope), responses of waves in scope.
import { createRoute, z } from "@hono/zod-openapi";
import { responseStatuses } from "../../../surveys/schema";
import { requiredRole } from "../../officers/roles";
import { createWave, listResponses, listSurveysForOfficer, listWaves } from "../../surveys/survey-admin";
import { surveyCatalog } from "../../surveys/survey-repository";
import { jsonError } from "../errors";
import { apiRouter } from "./api-env";
import { routeRole } from "./officer-auth";
import { errorResponses, iso, json, pageQuerySchema, pageSchema, unitCodeSchema } from "./schemas";

const keyParam = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/)
    .openapi({ param: { name: "key", in: "path" }, example: "law_day_quiz" }),
});
const waveSchema = z
  .object({
    id: z.number().int(),
    surveyKey: z.string(),
    name: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    controller: z.string(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("SurveyWave");
const answerSchema = z.object({
  questionId: z.string(),
  value: z.union([
    z.object({ kind: z.literal("options"), codes: z.array(z.string()) }),
    z.object({ kind: z.literal("number"), value: z.number() }),
    z.object({ kind: z.literal("text"), value: z.string() }),
    z.object({ kind: z.literal("unit"), code: z.string(), name: z.string() }),
  ]),
  correct: z.boolean().nullable(),
});
const responseSchema = z
  .object({
    id: z.uuid(),
    waveId: z.number().int(),
    surveyVersion: z.number().int(),
    status: z.enum(responseStatuses),
    channel: z.string(),
    respondent: z
      .string()
      .nullable()
      .openapi({ description: "Mã giả danh của người trả lời (null nếu đã ẩn danh hoá)" }),
    deidentified: z.boolean(),
    unitCode: z.string().nullable(),
    startedAt: z.string(),
    completedAt: z.string().nullable(),
    answers: z.array(answerSchema),
  })
  .openapi("SurveyResponse");

type WaveRow = { startsAt: Date; endsAt: Date | null; createdAt: Date };
const waveView = <T extends WaveRow>(w: T) => ({
  ...w,
  startsAt: w.startsAt.toISOString(),
  endsAt: iso(w.endsAt),
  createdAt: w.createdAt.toISOString(),
});
const unknownSurvey = "Không có khảo sát này";

export function surveyRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/surveys",
      tags: ["surveys"],
      summary: "Các khảo sát và phiên bản đã công bố",
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                key: z.string(),
                title: z.string(),
                currentVersion: z.number().int(),
                questionCount: z.number().int(),
                versions: z.array(z.object({ version: z.number().int(), title: z.string(), publishedAt: z.string() })),
              }),
            ),
          }),
          "Khảo sát",
        ),
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const items = await listSurveysForOfficer(c.get("services").db);
      return c.json(
        {
          items: items.map((s) => ({
            ...s,
            versions: s.versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/surveys/{key}/waves",
      tags: ["surveys"],
      summary: "Các đợt khảo sát trong phạm vi của tôi",
      request: { params: keyParam },
      responses: {
        200: json(z.object({ items: z.array(waveSchema) }), "Đợt"),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { key } = c.req.valid("param");
      if (!surveyCatalog().has(key)) return jsonError(c, 404, "not_found", unknownSurvey) as never;
      const waves = await listWaves(c.get("services").db, c.get("principal"), key);
      return c.json({ items: waves.map(waveView) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/surveys/{key}/waves",
      tags: ["surveys"],
      summary: "Mở một đợt khảo sát cho một đơn vị trong phạm vi của tôi",
      ...routeRole(requiredRole.editContent),
      request: {
        params: keyParam,
        body: json(
          z.object({
            name: z.string().trim().min(1).max(200).openapi({ example: "Trước Ngày Pháp luật 2026" }),
            unitCode: unitCodeSchema,
            controller: z.string().trim().min(1).max(200).openapi({ example: "Sở Tư pháp tỉnh Thanh Hóa" }),
            startsAt: z.iso.datetime({ offset: true }),
            endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
          }),
          "Đợt mới",
        ),
      },
      responses: {
        201: json(waveSchema, "Đã mở"),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const wave = await createWave(c.get("services").db, c.get("principal"), c.req.valid("param").key, {
        ...body,
        startsAt: new Date(body.startsAt),
        endsAt: body.endsAt ? new Date(body.endsAt) : null,
      });
      if (!wave) return jsonError(c, 404, "not_found", unknownSurvey) as never;
      return c.json(waveView(wave), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/surveys/{key}/responses",
      tags: ["surveys"],
      summary: "Phiếu trả lời của các đợt trong phạm vi của tôi (mã lựa chọn, không có định danh nền tảng)",
      request: {
        params: keyParam,
        query: pageQuerySchema.extend({
          wave: z.coerce.number().int().min(1).optional(),
          status: z.enum(responseStatuses).optional(),
        }),
      },
      responses: {
        200: json(pageSchema(responseSchema), "Phiếu"),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { key } = c.req.valid("param");
      if (!surveyCatalog().has(key)) return jsonError(c, 404, "not_found", unknownSurvey) as never;
      const { wave, status, page, pageSize } = c.req.valid("query");
      const result = await listResponses(c.get("services").db, c.get("principal"), key, {
        waveId: wave,
        status,
        page,
        pageSize,
      });
      return c.json(
        {
          ...result,
          items: result.items.map((r) => ({
            ...r,
            startedAt: r.startedAt.toISOString(),
            completedAt: iso(r.completedAt),
          })),
        },
        200,
      );
    },
  );

  return app;
}

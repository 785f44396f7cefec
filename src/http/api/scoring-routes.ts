// Scoring for officers: the frameworks (with what is and is not confirmed from the official texts), and indicators
// per unit and period with the per-sub-unit breakdown, as JSON or as an XLSX report (written to the audit log).
import { createRoute, z } from "@hono/zod-openapi";
import { recordAudit } from "../../officers/audit";
import { frameworkCatalog } from "../../scoring/framework-catalog";
import { frameworkSummary } from "../../scoring/framework-summary";
import { breakdownLevels, computeIndicators, type IndicatorReport } from "../../scoring/indicators";
import { ApiError } from "../../errors";
import { indicatorsWorkbook, indicatorsWorkbookAvailable, XLSX_TYPE } from "#indicators-workbook";
import { pointsReasonCodes } from "../../scoring/points";
import { apiRouter } from "./api-env";
import { errorResponses, json, unitCodeSchema } from "./schemas";

const provenance = {
  confirmed: z.boolean().openapi({ description: "Đã xác nhận từ văn bản chính thức" }),
  note: z.string().optional().openapi({ description: "Vì sao chưa xác nhận, hoặc giá trị được hiểu thế nào" }),
  source: z.string().optional().openapi({ description: "Nơi đọc được giá trị" }),
};
const sourcedNumber = z.object({ value: z.number(), ...provenance });

const frameworkSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string().optional(),
    legalBasis: z.object({ document: z.string(), articles: z.string().optional(), ...provenance }),
    unitLevel: z.enum(["province", "commune"]),
    period: z.object({
      years: z.number().int(),
      endsInYear: z.number().int(),
      current: z.object({ from: z.string(), to: z.string() }),
      ...provenance,
    }),
    minimumSample: sourcedNumber,
    maxPoints: sourcedNumber.optional(),
    confirmed: z.boolean().openapi({ description: "Mọi giá trị dùng để chấm điểm đều đã xác nhận" }),
    indicators: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        kind: z.enum(["share", "quiz"]),
        sources: z
          .array(z.object({ survey: z.string(), question: z.string(), positive: z.array(z.string()).optional() }))
          .optional(),
        denominator: z.enum(["respondents", "shown"]).optional(),
        survey: z.string().optional(),
        passPercent: sourcedNumber.optional(),
        maxPoints: sourcedNumber.optional(),
        bands: z.array(
          z.object({ atLeast: z.number(), below: z.number().optional(), points: z.number(), ...provenance }),
        ),
        note: z.string().optional(),
        confirmed: z.boolean(),
      }),
    ),
  })
  .openapi("ScoringFramework");

const indicatorValueSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    kind: z.enum(["share", "quiz"]),
    denominator: z.enum(["respondents", "shown"]).nullable(),
    n: z.number().int(),
    positive: z.number().int(),
    share: z.number().nullable().openapi({ description: "0..1; null khi n = 0" }),
    ciLow: z.number().nullable().openapi({ description: "Khoảng tin cậy 95% (Wilson), cận dưới" }),
    ciHigh: z.number().nullable(),
    points: z.number().nullable().openapi({ description: "null kèm lý do (pointsReason)" }),
    maxPoints: z.number().nullable(),
    confirmed: z.boolean().openapi({ description: "Mức điểm của tỷ lệ này và điểm tối đa đã xác nhận" }),
    pointsReasonCode: z.enum(pointsReasonCodes).nullable(),
    pointsReason: z.string().nullable(),
    belowMinimum: z.boolean(),
    minimumSample: z.number().int(),
    quiz: z
      .object({
        meanScore: z.number().nullable(),
        maxScore: z.number().int(),
        passPercent: z.number(),
        pairedChange: z.object({
          n: z.number().int(),
          meanBefore: z.number().nullable(),
          meanAfter: z.number().nullable(),
          meanChange: z.number().nullable(),
        }),
      })
      .nullable(),
  })
  .openapi("IndicatorValue");

const indicatorReportSchema = z
  .object({
    framework: z.object({ key: z.string(), name: z.string(), confirmed: z.boolean() }),
    unit: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
    period: z.object({ from: z.string(), to: z.string(), isDefault: z.boolean() }),
    level: z.enum(breakdownLevels).nullable(),
    indicators: z.array(indicatorValueSchema),
    totalPoints: z.number(),
    maxPoints: z.number().nullable(),
    pointsComplete: z.boolean(),
    children: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        kind: z.string(),
        rank: z.number().int().nullable(),
        indicators: z.array(indicatorValueSchema),
        totalPoints: z.number(),
        pointsComplete: z.boolean(),
      }),
    ),
  })
  .openapi("IndicatorReport");

const day = (field: string) =>
  z.iso
    .date(`${field}: ngày dạng YYYY-MM-DD`)
    // z.iso.date() accepts 2026-02-30; a real day survives the round trip through Date. (Refinements run even after
    // the format check failed, so an unparsable value must not reach toISOString.)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, "ngày không có thật")
    .optional()
    .openapi({ example: "2026-01-01" });

const indicatorQuery = z.object({
  framework: z
    .string()
    .refine((key) => frameworkCatalog().has(key), "không có bộ tiêu chí này (xem GET /api/frameworks)")
    .openapi({ example: "tt03_2018_impact" }),
  unit: unitCodeSchema,
  from: day("from"),
  to: day("to"),
  level: z
    .enum(breakdownLevels)
    .optional()
    .openapi({ description: "Cấp của các đơn vị con (mặc định: cấp ngay dưới)" }),
  format: z.enum(["json", "xlsx"]).default("json"),
});

const reportView = (report: IndicatorReport, now: Date) => ({
  ...report,
  framework: {
    key: report.framework.key,
    name: report.framework.name,
    confirmed: frameworkSummary(report.framework, now).confirmed,
  },
  unit: { code: report.unit.code, name: report.unit.name, kind: report.unit.kind },
});

export function scoringRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/frameworks",
      tags: ["scoring"],
      summary: "Các bộ tiêu chí chấm điểm (giá trị nào chưa xác nhận từ văn bản chính thức được ghi rõ)",
      responses: {
        200: json(z.object({ items: z.array(frameworkSchema) }), "Bộ tiêu chí"),
        401: errorResponses[401],
      },
    }),
    (c) => {
      const now = new Date();
      return c.json({ items: [...frameworkCatalog().values()].map((f) => frameworkSummary(f, now)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/indicators",
      tags: ["scoring"],
      summary: "Chỉ số của một đơn vị trong phạm vi (gộp các đơn vị con) theo kỳ, kèm xếp hạng đơn vị con",
      description:
        "Chỉ tính phiếu đã hoàn thành (kể cả phiếu đã ẩn danh hoá) trong kỳ, theo giờ Việt Nam. " +
        "`format=xlsx` trả về báo cáo Excel (trang 1: chỉ số của đơn vị; trang 2: đơn vị con xếp hạng) và ghi nhật ký.",
      request: { query: indicatorQuery },
      responses: {
        200: {
          content: {
            "application/json": { schema: indicatorReportSchema },
            [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) },
          },
          description: "Chỉ số (JSON) hoặc báo cáo Excel",
        },
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { format, ...request } = c.req.valid("query");
      if (format === "xlsx" && !indicatorsWorkbookAvailable) {
        throw new ApiError(
          "invalid_request",
          "Máy chủ Workers không tạo được tệp Excel: dùng format=json, hoặc tải báo cáo Excel từ máy chủ Node.",
          "format",
        );
      }
      const { db } = c.get("services");
      const principal = c.get("principal");
      const now = new Date();
      const report = await computeIndicators(db, principal, request, { now });
      if (format === "json") return c.json(reportView(report, now), 200);
      const workbook = await indicatorsWorkbook(report, now);
      await recordAudit(db, principal, {
        action: "scoring.report_export",
        targetType: "framework",
        targetId: report.framework.key,
        unitId: report.unit.id,
        details: {
          format,
          from: report.period.from,
          to: report.period.to,
          level: report.level,
          bytes: workbook.length,
        },
      });
      const name = `chi-so-${report.framework.key}-${report.unit.code}-${report.period.from}-${report.period.to}.xlsx`;
      return c.body(workbook as Uint8Array<ArrayBuffer>, 200, {
        "content-type": XLSX_TYPE,
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      }) as never;
    },
  );

  return app;
}

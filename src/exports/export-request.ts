// What an export asks for, validated once for the route's query string and the CLI's flags alike: bad input is a
// zod issue on the field it names (format, layout, from, to, …), which the API turns into a 400 naming it.
import { z } from "zod";
import { responseStatuses } from "../../surveys/schema";

export const exportFormats = ["csv", "xlsx", "jsonl"] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportLayouts = ["wide", "long"] as const;
export type ExportLayout = (typeof exportLayouts)[number];

/** Vietnam has one offset all year (no daylight saving): a day there starts at 00:00 +07:00. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A day (YYYY-MM-DD, Vietnamese time) or an instant (ISO 8601 with an offset). */
const dayOrInstant = z
  .string()
  .trim()
  .refine(
    (value) =>
      (dateOnly.test(value) && z.iso.date().safeParse(value).success) ||
      z.iso.datetime({ offset: true }).safeParse(value).success,
    "ngày phải có dạng YYYY-MM-DD (giờ Việt Nam) hoặc thời điểm ISO 8601 có múi giờ",
  );

export const exportRequestSchema = z
  .object({
    survey: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,39}$/, "khoá khảo sát gồm a-z, 0-9, _"),
    format: z.enum(exportFormats, "định dạng phải là csv, xlsx hoặc jsonl"),
    layout: z
      .enum(exportLayouts, "bố cục phải là wide (mỗi phiếu một dòng) hoặc long (mỗi câu trả lời một dòng)")
      .default("wide"),
    version: z.coerce.number().int().min(1).max(1_000_000).optional(),
    wave: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
    unit: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,20}$/, "mã đơn vị chỉ gồm chữ, số, - và _")
      .optional(),
    status: z.enum(responseStatuses).optional(),
    from: dayOrInstant.optional(),
    to: dayOrInstant.optional(),
  })
  .superRefine((request, ctx) => {
    const { from, to } = period(request);
    if (from && to && from >= to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "ngày kết thúc (to) phải sau ngày bắt đầu (from)" });
  });

export type ExportRequest = z.infer<typeof exportRequestSchema>;
export type ExportRequestInput = z.input<typeof exportRequestSchema>;

/**
 * The period as instants on started_at: `from` inclusive, `to` exclusive. A day means the whole Vietnamese day, so
 * `from=2026-11-01&to=2026-11-09` is 1 to 9 November inclusive; an instant is taken as given (`to` inclusive).
 */
export function period(request: Pick<ExportRequest, "from" | "to">): { from?: Date; to?: Date } {
  return {
    from: request.from ? instant(request.from, false) : undefined,
    to: request.to ? instant(request.to, true) : undefined,
  };
}

function instant(value: string, end: boolean): Date {
  if (dateOnly.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`) - VIETNAM_OFFSET_MS;
    return new Date(end ? start + DAY_MS : start);
  }
  const at = Date.parse(value);
  return new Date(end ? at + 1 : at);
}

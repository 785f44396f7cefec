// What an officer sends to create or edit a campaign, validated in two steps: the shape (zod, so a bad field is a
// 400 naming it: a schedule that ends before it starts, a window that is not a time of day, an unknown channel, an
// empty audience or message list, a spread that is not positive or absurd) and then against the database (unit
// codes, topics, the survey, linked lessons and articles must exist; units outside the caller's scope answer 404).
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/db";
import { articles, channels, legalDocuments, lessons, topics } from "../../db/schema/index";
import { ApiError } from "../errors";
import { findUnitByCode } from "../officers/officer-service";
import { pathInScope, type Principal } from "../officers/principal";
import { surveyCatalog } from "../surveys/survey-repository";
import { addWindowTime, parseTimeOfDay, type SendWindow } from "./send-window";

/** Spreading longer than a month of window time is a mistake, not a plan. */
export const MAX_SPREAD_HOURS = 24 * 31;
const HOUR_MS = 3_600_000;

const unitCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, "mã đơn vị chỉ gồm chữ, số, - và _");

const instant = z.iso.datetime({
  offset: true,
  error: "thời điểm phải theo ISO 8601 có múi giờ, ví dụ 2026-11-01T07:00:00+07:00",
});

const timeOfDay = z
  .string()
  .refine((text) => parseTimeOfDay(text) !== null, "giờ phải có dạng HH:MM, từ 00:00 đến 24:00");

/** Messages one campaign may send each person (the console shows as many slots). */
export const MAX_CAMPAIGN_MESSAGES = 5;

export const campaignMessageSchema = z.object({
  text: z.string().trim().min(1, "nội dung tin nhắn không được để trống").max(2000),
  /** A published lesson the message links to (a "Đọc bài" button). */
  lessonId: z.number().int().min(1).max(2_147_483_647).optional(),
  /** An article of a published statute the message links to (a "Đọc Điều …" button). */
  articleId: z.number().int().min(1).max(2_147_483_647).optional(),
});
export type CampaignMessage = z.infer<typeof campaignMessageSchema>;

const audienceSchema = z.object({
  unitCodes: z
    .array(unitCode)
    .min(1, "đối tượng nhận cần ít nhất một đơn vị")
    .max(500)
    .transform((codes) => [...new Set(codes)]),
  topics: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z0-9-]{1,80}$/, "lĩnh vực là slug (a-z, 0-9, -)"),
    )
    .max(50)
    .transform((slugs) => [...new Set(slugs)])
    .optional(),
});
export type CampaignAudience = z.infer<typeof audienceSchema>;

const scheduleSchema = z
  .object({
    startAt: instant,
    endAt: instant.nullable().optional(),
    /** Vietnamese time; from > to crosses midnight; 00:00–24:00 is all day. Default 07:00–21:00. */
    window: z.object({ from: timeOfDay, to: timeOfDay }).optional(),
    spreadHours: z
      .number()
      .gt(0, "số giờ dàn trải phải lớn hơn 0")
      .max(MAX_SPREAD_HOURS, `số giờ dàn trải tối đa ${MAX_SPREAD_HOURS}`)
      .nullable()
      .optional(),
  })
  .superRefine((schedule, ctx) => {
    if (schedule.endAt && Date.parse(schedule.endAt) <= Date.parse(schedule.startAt)) {
      ctx.addIssue({ code: "custom", path: ["endAt"], message: "thời điểm kết thúc phải sau thời điểm bắt đầu" });
      return;
    }
    if (schedule.endAt && schedule.spreadHours) {
      // The last person's turn must come before the end, or they would never get the messages.
      const window = windowOf(schedule.window);
      const last = addWindowTime(new Date(schedule.startAt), schedule.spreadHours * HOUR_MS, window);
      if (last.getTime() > Date.parse(schedule.endAt)) {
        ctx.addIssue({
          code: "custom",
          path: ["spreadHours"],
          message: "khoảng dàn trải (tính trong khung giờ gửi) vượt quá thời điểm kết thúc",
        });
      }
    }
  });

export const campaignInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** The owning unit; the caller's own unit when absent. */
  unitCode: unitCode.optional(),
  channels: z
    .array(z.enum(channels, `kênh phải là một trong: ${channels.join(", ")}`))
    .min(1, "cần ít nhất một kênh")
    .transform((list) => [...new Set(list)]),
  audience: audienceSchema,
  messages: z.array(campaignMessageSchema).min(1, "cần ít nhất một tin nhắn").max(MAX_CAMPAIGN_MESSAGES),
  /** A survey the last message invites to (its button opens the survey). */
  surveyKey: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, "khoá khảo sát gồm a-z, 0-9, _")
    .nullable()
    .optional(),
  schedule: scheduleSchema,
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

/** A draft's edit: any top-level part, each replacing the stored one whole. */
export const campaignPatchSchema = campaignInputSchema.partial();
export type CampaignPatch = z.infer<typeof campaignPatchSchema>;

export function windowOf(window: { from: string; to: string } | undefined): SendWindow {
  if (!window) return { fromMinute: 7 * 60, toMinute: 21 * 60 };
  return { fromMinute: parseTimeOfDay(window.from)!, toMinute: parseTimeOfDay(window.to)! };
}

export interface ResolvedUnit {
  id: number;
  code: string;
  path: string;
  name: string;
}

/**
 * The database half of validation: returns the owning unit and the audience units. Unknown codes, topics, the
 * survey, lessons and articles are 400 naming the field; units that exist outside the caller's scope are 404,
 * as a campaign outside it would be.
 */
export async function resolveCampaignInput(db: Db, principal: Principal, input: CampaignPatch) {
  let owner: ResolvedUnit | undefined;
  if (input.unitCode !== undefined) owner = await unitOrFail(db, principal, input.unitCode, "unitCode");
  let audienceUnits: ResolvedUnit[] | undefined;
  if (input.audience) {
    audienceUnits = [];
    for (const [i, code] of input.audience.unitCodes.entries()) {
      audienceUnits.push(await unitOrFail(db, principal, code, `audience.unitCodes.${i}`));
    }
    const slugs = input.audience.topics ?? [];
    if (slugs.length > 0) {
      const known = new Set(
        (await db.select({ slug: topics.slug }).from(topics).where(inArray(topics.slug, slugs))).map((t) => t.slug),
      );
      const missing = slugs.findIndex((slug) => !known.has(slug));
      if (missing >= 0) {
        throw new ApiError("invalid_request", `Không có lĩnh vực "${slugs[missing]}"`, `audience.topics.${missing}`);
      }
    }
  }
  if (input.surveyKey && !surveyCatalog().has(input.surveyKey)) {
    throw new ApiError("invalid_request", `Không có khảo sát "${input.surveyKey}"`, "surveyKey");
  }
  for (const [i, message] of (input.messages ?? []).entries()) {
    if (message.lessonId !== undefined) await lessonOrFail(db, message.lessonId, `messages.${i}.lessonId`);
    if (message.articleId !== undefined) await articleOrFail(db, message.articleId, `messages.${i}.articleId`);
  }
  return { owner, audienceUnits };
}

async function unitOrFail(db: Db, principal: Principal, code: string, field: string): Promise<ResolvedUnit> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw new ApiError("invalid_request", `Không có đơn vị mã "${code}"`, field);
  if (!pathInScope(principal, unit.path)) {
    throw new ApiError("not_found", `Đơn vị "${code}" nằm ngoài phạm vi của bạn`, field);
  }
  return { id: unit.id, code: unit.code, path: unit.path, name: unit.name };
}

async function lessonOrFail(db: Db, id: number, field: string) {
  const [lesson] = await db
    .select({ id: lessons.id })
    .from(lessons)
    .where(and(eq(lessons.id, id), eq(lessons.status, "published")));
  if (!lesson) throw new ApiError("invalid_request", `Không có bài phổ biến đã đăng số ${id}`, field);
}

async function articleOrFail(db: Db, id: number, field: string) {
  const [article] = await db
    .select({ id: articles.id })
    .from(articles)
    .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
    .where(and(eq(articles.id, id), eq(legalDocuments.status, "published")));
  if (!article) throw new ApiError("invalid_request", `Không có điều luật số ${id} trong văn bản đã đăng`, field);
}

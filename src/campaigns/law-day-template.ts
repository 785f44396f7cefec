// The Law Day template: a ready campaign body for the coming Vietnam Law Day (Ngày Pháp luật, 9 November; the peak
// runs 1–9 November), which an officer adjusts and POSTs to /api/campaigns. It sends 07:00–21:00 Vietnamese time,
// spreads the first day over six hours of window time, links the seeded Law Day lesson when it is published, and
// invites to the Law Day quiz unless asked not to.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { lessons } from "../../db/schema/index";
import type { Channel } from "../../db/schema/contacts";
import { surveyCatalog } from "../surveys/survey-repository";
import type { CampaignInput, CampaignMessage } from "./campaign-input";

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const LAW_DAY_LESSON_SLUG = "ngay-phap-luat-9-11";
export const LAW_DAY_SURVEY = "law_day_quiz";
/** Not the Zalo personal account: mass sending is what gets such accounts locked (an officer may still add it). */
const LAW_DAY_CHANNELS: Channel[] = ["web", "telegram", "zalo_oa"];

/** The Law Day whose campaign is still ahead or under way: this year's until 9 November 21:00, then next year's. */
export function comingLawDay(now: Date): { year: number; startAt: Date; endAt: Date } {
  const vietnamYear = new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();
  for (const year of [vietnamYear, vietnamYear + 1]) {
    const startAt = new Date(`${year}-11-01T07:00:00+07:00`);
    const endAt = new Date(`${year}-11-09T21:00:00+07:00`);
    if (now.getTime() < endAt.getTime()) {
      // Inside the peak already: start at the next whole five minutes rather than in the past.
      const soon = new Date(Math.ceil(now.getTime() / 300_000) * 300_000);
      return { year, startAt: soon > startAt ? soon : startAt, endAt };
    }
  }
  throw new Error("unreachable");
}

export async function lawDayTemplate(
  db: Db,
  options: { unitCode: string; withSurvey: boolean; now?: Date },
): Promise<CampaignInput> {
  const { year, startAt, endAt } = comingLawDay(options.now ?? new Date());
  const [lesson] = await db
    .select({ id: lessons.id })
    .from(lessons)
    .where(and(eq(lessons.slug, LAW_DAY_LESSON_SLUG), eq(lessons.status, "published")));
  const survey = options.withSurvey && surveyCatalog().has(LAW_DAY_SURVEY) ? LAW_DAY_SURVEY : null;
  const messages: CampaignMessage[] = [
    {
      text:
        `Hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam 9/11/${year}! ` +
        "Ngày 9 tháng 11 hằng năm là Ngày Pháp luật (Điều 8 Luật Phổ biến, giáo dục pháp luật), gắn với ngày " +
        "Quốc hội khóa I thông qua bản Hiến pháp đầu tiên năm 1946. Từ ngày 1 đến ngày 9/11, mời bạn cùng tìm " +
        "hiểu những quy định pháp luật gần gũi với cuộc sống hằng ngày.",
      ...(lesson ? { lessonId: lesson.id } : {}),
    },
    {
      text: survey
        ? "Mời bạn tham gia bài tìm hiểu pháp luật 10 câu hỏi ngắn: mỗi câu đều có giải thích và dẫn điều luật. " +
          "Có thắc mắc về pháp luật, bạn cứ gõ câu hỏi để Loa tìm điều luật liên quan hoặc chuyển cán bộ tư pháp."
        : "Có thắc mắc về pháp luật, bạn cứ gõ câu hỏi để Loa tìm điều luật liên quan hoặc chuyển cán bộ tư pháp " +
          "trả lời.",
    },
  ];
  return {
    name: `Ngày Pháp luật Việt Nam 9/11/${year}`,
    unitCode: options.unitCode,
    channels: LAW_DAY_CHANNELS,
    audience: { unitCodes: [options.unitCode] },
    messages,
    surveyKey: survey,
    schedule: {
      startAt: startAt.toISOString(),
      endAt: endAt.toISOString(),
      window: { from: "07:00", to: "21:00" },
      spreadHours: 6,
    },
  };
}

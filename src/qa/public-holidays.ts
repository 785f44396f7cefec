// Vietnamese public holidays 2025–2027 as data, for the due dates of escalated questions (working days skip them).
// Labour Code 2019 art. 112: Tết Dương lịch 1/1; Tết Âm lịch 5 days (the Government sets which); Giỗ Tổ Hùng Vương
// 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 and one adjacent day. Art. 111(3): a holiday on a weekly day off is made up
// on the next working day. The Government also swaps working days around the holidays for civil servants (a
// Saturday worked for a weekday off): those Saturdays are listed as `workdays`.
//
// `verified: false` marks dates this file could not check against the published decision (the lunar dates were
// computed, the adjacent days and swaps assumed): an office should check them when the year's notice is issued and
// correct this file. Add a year by adding its entries; a year that is missing simply has weekends only.
import { z } from "zod";

const entrySchema = z.object({
  /** Vietnam calendar date, YYYY-MM-DD. */
  date: z.iso.date(),
  name: z.string().min(1),
  source: z.string().min(1),
  verified: z.boolean(),
});

export const publicHolidaysSchema = z.object({
  /** Weekdays off. */
  holidays: z.array(entrySchema),
  /** Saturdays or Sundays worked in exchange for a weekday off. */
  workdays: z.array(entrySchema),
});
export type PublicHolidays = z.infer<typeof publicHolidaysSchema>;

const LAW = "Bộ luật Lao động 2019, Điều 112";
const MAKE_UP = "Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần)";
const TB_2025 = "Thông báo 6150/TB-LĐTBXH (2024) về lịch nghỉ Tết và Quốc khánh 2025";
const TET_2026 = "Thủ tướng chốt phương án nghỉ Tết Bính Ngọ 14/2–22/2/2026 (đề xuất của Bộ Nội vụ)";
const LUNAR = "Âm lịch tính theo múi giờ UTC+7, chưa đối chiếu lịch do Nhà nước ban hành";

const day = (date: string, name: string, source: string, verified = true) => ({ date, name, source, verified });

export const publicHolidays: PublicHolidays = publicHolidaysSchema.parse({
  holidays: [
    // 2025
    day("2025-01-01", "Tết Dương lịch", LAW),
    ...["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"].map((d) =>
      day(d, "Tết Nguyên đán Ất Tỵ", TB_2025),
    ),
    day("2025-04-07", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", LAW),
    day("2025-04-30", "Ngày Giải phóng miền Nam", LAW),
    day("2025-05-01", "Ngày Quốc tế Lao động", LAW),
    day("2025-05-02", "Hoán đổi cho thứ Bảy 26/4/2025", "Phương án hoán đổi ngày làm việc dịp 30/4–1/5/2025", false),
    day("2025-09-01", "Quốc khánh (ngày liền kề)", TB_2025),
    day("2025-09-02", "Quốc khánh", LAW),
    // 2026
    day("2026-01-01", "Tết Dương lịch", LAW),
    ...["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"].map((d) =>
      day(d, "Tết Nguyên đán Bính Ngọ", TET_2026),
    ),
    // 10/3 âm lịch falls on Sunday 26/4/2026: made up on Monday.
    day("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)", `${MAKE_UP}; ${LUNAR}`, false),
    day("2026-04-30", "Ngày Giải phóng miền Nam", LAW),
    day("2026-05-01", "Ngày Quốc tế Lao động", LAW),
    day("2026-09-01", "Quốc khánh (ngày liền kề, giả định)", LAW, false),
    day("2026-09-02", "Quốc khánh", LAW),
    // 2027: the Tết days assume Mùng 1 on Saturday 6/2/2027 (Vietnamese calendar; China's is 7/2) with the usual
    // pattern of one day before and the rest after, weekend days made up.
    day("2027-01-01", "Tết Dương lịch", LAW),
    ...["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"].map((d) =>
      day(d, "Tết Nguyên đán Đinh Mùi (dự kiến)", `${LAW}; ${LUNAR}`, false),
    ),
    day("2027-04-16", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", `${LAW}; ${LUNAR}`, false),
    day("2027-04-30", "Ngày Giải phóng miền Nam", LAW),
    day("2027-05-03", "Nghỉ bù Ngày Quốc tế Lao động (1/5 là thứ Bảy)", MAKE_UP),
    day("2027-09-02", "Quốc khánh", LAW),
    day("2027-09-03", "Quốc khánh (ngày liền kề, giả định)", LAW, false),
  ],
  workdays: [
    day("2025-04-26", "Làm bù cho thứ Sáu 2/5/2025", "Phương án hoán đổi ngày làm việc dịp 30/4–1/5/2025", false),
  ],
});

// Due dates in working days on the Vietnamese calendar: weekends, public holidays (Tết, 30/4–1/5), a Saturday worked
// in exchange, and the Vietnam date of an instant late in the UTC day; and the holiday data itself.
import { describe, expect, it } from "vitest";
import { publicHolidays } from "../../src/qa/public-holidays";
import { dueAfterWorkingDays, formatVietnamDate, isWorkingDay } from "../../src/qa/working-days";

const vn = (local: string) => new Date(`${local}+07:00`);

describe("working days", () => {
  it("counts five working days across a weekend, due at the end of the day in Vietnam", () => {
    const due = dueAfterWorkingDays(vn("2026-11-20T10:00:00"), 5); // a Friday
    expect(due.toISOString()).toBe("2026-11-27T16:59:59.999Z");
    expect(formatVietnamDate(due)).toBe("27/11/2026");
    // Asked on Saturday or Sunday: the same Friday.
    expect(formatVietnamDate(dueAfterWorkingDays(vn("2026-11-21T09:00:00"), 5))).toBe("27/11/2026");
    expect(formatVietnamDate(dueAfterWorkingDays(vn("2026-11-22T23:30:00"), 5))).toBe("27/11/2026");
  });

  it("takes the day in Vietnam, not in UTC", () => {
    // 18:00 UTC on Friday is 01:00 on Saturday in Vietnam.
    expect(formatVietnamDate(dueAfterWorkingDays(new Date("2026-11-20T18:00:00Z"), 1))).toBe("23/11/2026");
    expect(formatVietnamDate(dueAfterWorkingDays(new Date("2026-11-20T16:00:00Z"), 1))).toBe("23/11/2026");
    expect(formatVietnamDate(dueAfterWorkingDays(new Date("2026-11-19T16:00:00Z"), 1))).toBe("20/11/2026");
  });

  it("skips 30/4 and 1/5, and the Tết holiday", () => {
    // Wednesday 29/4/2026: Thursday and Friday are holidays, then a weekend.
    expect(formatVietnamDate(dueAfterWorkingDays(vn("2026-04-29T08:00:00"), 5))).toBe("08/05/2026");
    // Friday 13/2/2026: Tết Bính Ngọ is 16–20/2.
    expect(formatVietnamDate(dueAfterWorkingDays(vn("2026-02-13T08:00:00"), 5))).toBe("27/02/2026");
    // Giỗ Tổ on a Sunday (26/4/2026) is made up on Monday 27/4.
    expect(isWorkingDay("2026-04-27")).toBe(false);
  });

  it("counts a Saturday worked in exchange for a weekday off", () => {
    expect(isWorkingDay("2025-04-26")).toBe(true);
    expect(formatVietnamDate(dueAfterWorkingDays(vn("2025-04-25T08:00:00"), 1))).toBe("26/04/2025");
  });

  it("holds weekdays off and weekend workdays only, each date once, for 2025–2027", () => {
    const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
    const dates = publicHolidays.holidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.filter((d) => weekday(d) === 0 || weekday(d) === 6)).toEqual([]);
    expect(publicHolidays.workdays.every((w) => weekday(w.date) === 0 || weekday(w.date) === 6)).toBe(true);
    for (const year of ["2025", "2026", "2027"]) {
      expect(dates.filter((d) => d.startsWith(year)).length).toBeGreaterThanOrEqual(10);
      expect(dates).toContain(`${year}-04-30`);
    }
  });
});

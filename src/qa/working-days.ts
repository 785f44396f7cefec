// When an escalated question is due: a number of working days after it was asked, counted on the Vietnamese
// calendar (Asia/Ho_Chi_Minh, UTC+7 all year), skipping weekends and the public holidays of public-holidays.ts.
// The due time is the end of the last working day, Vietnam time.
import { type PublicHolidays, publicHolidays } from "./public-holidays";

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Vietnam calendar date of an instant, as YYYY-MM-DD. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** "28/11/2026": how a date is written to citizens and officers. */
export function formatVietnamDate(at: Date): string {
  const [year, month, dayOfMonth] = vietnamDate(at).split("-");
  return `${dayOfMonth}/${month}/${year}`;
}

export function isWorkingDay(date: string, calendar: PublicHolidays = publicHolidays): boolean {
  if (calendar.workdays.some((d) => d.date === date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !calendar.holidays.some((d) => d.date === date);
}

/**
 * The end (23:59:59.999 Vietnam time) of the `workingDays`-th working day after the day of `from`. A question asked
 * on a Friday with 5 working days is due at the end of the next Friday; one asked on a Saturday, the Friday after.
 */
export function dueAfterWorkingDays(from: Date, workingDays: number, calendar: PublicHolidays = publicHolidays): Date {
  let cursor = new Date(`${vietnamDate(from)}T00:00:00Z`).getTime();
  let counted = 0;
  while (counted < workingDays) {
    cursor += DAY_MS;
    if (isWorkingDay(new Date(cursor).toISOString().slice(0, 10), calendar)) counted++;
  }
  // cursor is midnight of that date as if it were UTC; its end in Vietnam time is 17:00 UTC minus a millisecond.
  return new Date(cursor + DAY_MS - VIETNAM_OFFSET_MS - 1);
}

// How the console writes dates and numbers: Vietnamese conventions, Vietnamese wall time (times are stored in UTC).
const TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateTimeFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const dateFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const numberFormat = new Intl.NumberFormat("vi-VN");
const percentFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

type DateLike = Date | string | null | undefined;

function asDate(value: DateLike): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "09/11/2026 08:30" in Vietnamese time; "—" for no date. */
export function vnDateTime(value: DateLike): string {
  const date = asDate(value);
  if (!date) return "—";
  // vi-VN puts the time first ("08:30 09/11/2026"); officers read the date first, as in their documents.
  const part = (type: string) => dateTimeFormat.formatToParts(date).find((p) => p.type === type)?.value ?? "";
  return `${part("day")}/${part("month")}/${part("year")} ${part("hour")}:${part("minute")}`;
}

/** "09/11/2026" in Vietnamese time; "—" for no date. */
export function vnDate(value: DateLike): string {
  const date = asDate(value);
  return date ? dateFormat.format(date) : "—";
}

/** The value a `<input type="datetime-local">` shows for an instant, in Vietnamese time ("2026-11-09T08:30"). */
export function datetimeLocalValue(value: DateLike): string {
  const date = asDate(value);
  if (!date) return "";
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

/** 12.345 (Vietnamese thousands separator). */
export function vnNumber(value: number): string {
  return numberFormat.format(value);
}

/** "42,5%" of part in whole; "—" when whole is 0. */
export function vnPercent(part: number, whole: number): string {
  return whole > 0 ? `${percentFormat.format((part / whole) * 100)}%` : "—";
}

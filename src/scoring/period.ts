// Assessment periods in Vietnamese calendar days. A framework's periods are runs of whole calendar years (TT 03/2018:
// two years, ending 31/12 of 2018, 2020, …); a request may name its own days instead. Responses count by when they
// were completed, in Vietnam time (UTC+7, no daylight saving), so 31/12 ends at midnight in Hà Nội, not in London.
import type { Framework } from "../../surveys/frameworks/schema";
import { ApiError } from "../errors";

export interface Period {
  /** First and last day, inclusive, as YYYY-MM-DD in Vietnam time. */
  from: string;
  to: string;
  /** True when the request named no day and the framework's current period was taken. */
  isDefault: boolean;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in Vietnam. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The framework period holding a day. */
export function periodContaining(framework: Pick<Framework, "period">, day: string): { from: string; to: string } {
  const { years, endsInYear } = framework.period;
  const year = Number(day.slice(0, 4));
  const end = year + ((((endsInYear - year) % years) + years) % years);
  return { from: `${end - years + 1}-01-01`, to: `${end}-12-31` };
}

/**
 * The period a request asks for: both days as given, one day completed by the framework period holding it, or
 * none: the framework's current period. `to` before `from` is refused naming `to`.
 */
export function resolvePeriod(
  framework: Pick<Framework, "period">,
  request: { from?: string; to?: string },
  now: Date,
): Period {
  const from = request.from ?? periodContaining(framework, request.to ?? vietnamDate(now)).from;
  const to = request.to ?? periodContaining(framework, request.from ?? vietnamDate(now)).to;
  if (to < from) throw new ApiError("invalid_request", `Ngày kết thúc (${to}) trước ngày bắt đầu (${from})`, "to");
  return { from, to, isDefault: request.from === undefined && request.to === undefined };
}

/** The period as UTC instants: [start, end) from the first day's 00:00 to the day after the last, Vietnam time. */
export function periodInstants(period: Pick<Period, "from" | "to">): { start: Date; end: Date } {
  const start = new Date(`${period.from}T00:00:00+07:00`);
  const end = new Date(new Date(`${period.to}T00:00:00+07:00`).getTime() + 24 * 60 * 60 * 1000);
  return { start, end };
}

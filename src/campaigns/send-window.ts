// Send-window arithmetic in Vietnamese time (UTC+7 all year: Vietnam has no daylight saving time). A window is
// [from, to) in minutes after midnight; from > to crosses midnight (e.g. 22:00–06:00); from = to, or 0–1440, is
// open all day. Planning (due times, spreading) and the senders (hold a row until the window opens) share it.
const VIETNAM_OFFSET_MINUTES = 7 * 60;
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

export interface SendWindow {
  fromMinute: number;
  toMinute: number;
}

export const DEFAULT_SEND_WINDOW: SendWindow = { fromMinute: 7 * 60, toMinute: 21 * 60 };

export function isAlwaysOpen(window: SendWindow): boolean {
  const from = window.fromMinute % DAY_MINUTES;
  const to = window.toMinute % DAY_MINUTES;
  return from === to;
}

/** Minutes after midnight, Vietnamese time, of `at` (fractional). */
export function vietnamMinuteOfDay(at: Date): number {
  const minutes = at.getTime() / MINUTE_MS + VIETNAM_OFFSET_MINUTES;
  return ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}

export function isInWindow(at: Date, window: SendWindow): boolean {
  if (isAlwaysOpen(window)) return true;
  const minute = vietnamMinuteOfDay(at);
  const { fromMinute: from, toMinute: to } = window;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** `at` itself when the window is open then, else the moment it next opens. */
export function nextWindowStart(at: Date, window: SendWindow): Date {
  if (isInWindow(at, window)) return at;
  const minute = vietnamMinuteOfDay(at);
  const wait = (((window.fromMinute - minute) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return new Date(at.getTime() + wait * MINUTE_MS);
}

/** When the window that is open at `at` closes (`at` must be inside an open window; all-day windows never close). */
export function windowCloseAfter(at: Date, window: SendWindow): Date | null {
  if (isAlwaysOpen(window)) return null;
  const minute = vietnamMinuteOfDay(at);
  const left = (((window.toMinute - minute) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return new Date(at.getTime() + left * MINUTE_MS);
}

/**
 * The moment reached by spending `ms` of open-window time from `start`: the time outside windows does not count.
 * Spreading a campaign over N hours and forecasting its finish both measure time this way.
 */
export function addWindowTime(start: Date, ms: number, window: SendWindow): Date {
  let at = nextWindowStart(start, window);
  let left = Math.max(0, ms);
  for (;;) {
    const close = windowCloseAfter(at, window);
    if (!close || at.getTime() + left < close.getTime()) return new Date(at.getTime() + left);
    left -= close.getTime() - at.getTime();
    at = nextWindowStart(close, window);
  }
}

/** Parses "HH:MM" (00:00–24:00) to minutes after midnight; null when it is not a time of day. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= DAY_MINUTES ? minutes : null;
}

export function formatTimeOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

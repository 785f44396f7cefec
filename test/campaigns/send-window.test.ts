// Send-window arithmetic in Vietnamese time (UTC+7): the boundaries, windows that cross midnight, all-day windows,
// and spreading that spans nights. Times are written with their +07:00 offset so each case reads as a Vietnamese
// clock would.
import { describe, expect, it } from "vitest";
import {
  addWindowTime,
  DEFAULT_SEND_WINDOW,
  formatTimeOfDay,
  isAlwaysOpen,
  isInWindow,
  nextWindowStart,
  parseTimeOfDay,
  vietnamMinuteOfDay,
  windowCloseAfter,
  type SendWindow,
} from "../../src/campaigns/send-window";

const vn = (local: string) => new Date(`${local}+07:00`);
const HOUR = 3_600_000;
const MINUTE = 60_000;
const night: SendWindow = { fromMinute: 22 * 60, toMinute: 6 * 60 };
const day = DEFAULT_SEND_WINDOW;

describe("vietnamMinuteOfDay", () => {
  it("reads the Vietnamese clock, not UTC's", () => {
    expect(vietnamMinuteOfDay(new Date("2026-11-08T17:00:00Z"))).toBe(0);
    expect(vietnamMinuteOfDay(vn("2026-11-09T07:30:00"))).toBe(450);
    expect(vietnamMinuteOfDay(vn("2026-11-09T23:59:30"))).toBe(1439.5);
  });
});

describe("isInWindow", () => {
  it("opens at `from` and closes at `to` (from inclusive, to exclusive)", () => {
    expect(isInWindow(vn("2026-11-09T06:59:59.999"), day)).toBe(false);
    expect(isInWindow(vn("2026-11-09T07:00:00"), day)).toBe(true);
    expect(isInWindow(vn("2026-11-09T20:59:59.999"), day)).toBe(true);
    expect(isInWindow(vn("2026-11-09T21:00:00"), day)).toBe(false);
  });

  it("holds a window that crosses midnight on both sides of it", () => {
    expect(isInWindow(vn("2026-11-09T21:59:59"), night)).toBe(false);
    expect(isInWindow(vn("2026-11-09T22:00:00"), night)).toBe(true);
    expect(isInWindow(vn("2026-11-09T23:59:59"), night)).toBe(true);
    expect(isInWindow(vn("2026-11-10T00:00:00"), night)).toBe(true);
    expect(isInWindow(vn("2026-11-10T05:59:59"), night)).toBe(true);
    expect(isInWindow(vn("2026-11-10T06:00:00"), night)).toBe(false);
    expect(isInWindow(vn("2026-11-10T12:00:00"), night)).toBe(false);
  });

  it("treats 00:00–24:00 and from = to as open all day", () => {
    for (const window of [
      { fromMinute: 0, toMinute: 1440 },
      { fromMinute: 480, toMinute: 480 },
    ]) {
      expect(isAlwaysOpen(window)).toBe(true);
      expect(isInWindow(vn("2026-11-09T00:00:00"), window)).toBe(true);
      expect(isInWindow(vn("2026-11-09T03:17:00"), window)).toBe(true);
      expect(isInWindow(vn("2026-11-09T23:59:59"), window)).toBe(true);
    }
    expect(isAlwaysOpen(day)).toBe(false);
  });

  it("handles windows that end at 24:00 or start at 00:00", () => {
    const evening = { fromMinute: 18 * 60, toMinute: 1440 };
    expect(isInWindow(vn("2026-11-09T23:59:59"), evening)).toBe(true);
    expect(isInWindow(vn("2026-11-10T00:00:00"), evening)).toBe(false);
    const morning = { fromMinute: 0, toMinute: 6 * 60 };
    expect(isInWindow(vn("2026-11-10T00:00:00"), morning)).toBe(true);
    expect(isInWindow(vn("2026-11-10T06:00:00"), morning)).toBe(false);
  });
});

describe("nextWindowStart", () => {
  it("is the moment itself inside the window", () => {
    const at = vn("2026-11-09T12:34:56");
    expect(nextWindowStart(at, day)).toEqual(at);
  });

  it("is today's opening before it and tomorrow's after the close", () => {
    expect(nextWindowStart(vn("2026-11-09T05:00:00"), day)).toEqual(vn("2026-11-09T07:00:00"));
    expect(nextWindowStart(vn("2026-11-09T21:00:00"), day)).toEqual(vn("2026-11-10T07:00:00"));
    expect(nextWindowStart(vn("2026-11-09T23:30:00"), day)).toEqual(vn("2026-11-10T07:00:00"));
    // Just after midnight Vietnamese time is still the previous day in UTC: the opening is the same morning.
    expect(nextWindowStart(vn("2026-11-10T00:10:00"), day)).toEqual(vn("2026-11-10T07:00:00"));
  });

  it("finds the evening opening of a window that crosses midnight", () => {
    expect(nextWindowStart(vn("2026-11-09T06:00:00"), night)).toEqual(vn("2026-11-09T22:00:00"));
    expect(nextWindowStart(vn("2026-11-09T02:00:00"), night)).toEqual(vn("2026-11-09T02:00:00"));
  });

  it("lands exactly on the opening millisecond (no rounding just before it)", () => {
    for (let ms = 0; ms < 2_000; ms += 37) {
      const at = new Date(vn("2026-11-09T21:00:00").getTime() + ms * 7919);
      const opening = nextWindowStart(at, day);
      expect(opening).toEqual(vn("2026-11-10T07:00:00"));
      expect(isInWindow(opening, day)).toBe(true);
    }
  });
});

describe("windowCloseAfter", () => {
  it("is the close of the window open now; null for all-day windows", () => {
    expect(windowCloseAfter(vn("2026-11-09T08:00:00"), day)).toEqual(vn("2026-11-09T21:00:00"));
    expect(windowCloseAfter(vn("2026-11-09T23:00:00"), night)).toEqual(vn("2026-11-10T06:00:00"));
    expect(windowCloseAfter(vn("2026-11-10T01:00:00"), night)).toEqual(vn("2026-11-10T06:00:00"));
    expect(windowCloseAfter(vn("2026-11-09T08:00:00"), { fromMinute: 0, toMinute: 1440 })).toBeNull();
  });
});

describe("addWindowTime", () => {
  it("adds plainly inside one window", () => {
    expect(addWindowTime(vn("2026-11-09T08:00:00"), 3 * HOUR, day)).toEqual(vn("2026-11-09T11:00:00"));
  });

  it("starts counting at the next opening when started outside the window", () => {
    expect(addWindowTime(vn("2026-11-09T03:00:00"), 30 * MINUTE, day)).toEqual(vn("2026-11-09T07:30:00"));
    expect(addWindowTime(vn("2026-11-09T22:00:00"), 0, day)).toEqual(vn("2026-11-10T07:00:00"));
  });

  it("skips the night: 20:00 + 2 h of window time is 08:00 next morning", () => {
    expect(addWindowTime(vn("2026-11-09T20:00:00"), 2 * HOUR, day)).toEqual(vn("2026-11-10T08:00:00"));
  });

  it("spreads over several nights (48 h of a 14-hour window is three days and six hours)", () => {
    // 9 Nov 07:00 + 14 h → 10 Nov 07:00; + 14 h → 11 Nov 07:00; + 14 h → 12 Nov 07:00; + 6 h → 12 Nov 13:00.
    expect(addWindowTime(vn("2026-11-09T07:00:00"), 48 * HOUR, day)).toEqual(vn("2026-11-12T13:00:00"));
  });

  it("never returns the closing instant: a full window's time ends at the next opening", () => {
    expect(addWindowTime(vn("2026-11-09T07:00:00"), 14 * HOUR, day)).toEqual(vn("2026-11-10T07:00:00"));
    expect(addWindowTime(vn("2026-11-09T07:00:00"), 14 * HOUR - 1, day)).toEqual(
      new Date(vn("2026-11-09T21:00:00").getTime() - 1),
    );
  });

  it("crosses midnight inside a night window", () => {
    // 22:00–06:00 is eight hours a night: 23:00 + 3 h is 02:00, + 8 h is 07:00 later → the next night's 23:00.
    expect(addWindowTime(vn("2026-11-09T23:00:00"), 3 * HOUR, night)).toEqual(vn("2026-11-10T02:00:00"));
    expect(addWindowTime(vn("2026-11-09T23:00:00"), 8 * HOUR, night)).toEqual(vn("2026-11-10T23:00:00"));
  });

  it("is plain addition for an all-day window, and treats a negative amount as none", () => {
    const allDay = { fromMinute: 0, toMinute: 1440 };
    expect(addWindowTime(vn("2026-11-09T23:00:00"), 5 * HOUR, allDay)).toEqual(vn("2026-11-10T04:00:00"));
    expect(addWindowTime(vn("2026-11-09T10:00:00"), -HOUR, day)).toEqual(vn("2026-11-09T10:00:00"));
  });

  it("always lands inside the window and never goes backwards", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (const window of [day, night, { fromMinute: 0, toMinute: 360 }, { fromMinute: 1080, toMinute: 1440 }]) {
      for (let i = 0; i < 500; i++) {
        const start = new Date(vn("2026-11-01T00:00:00").getTime() + Math.floor(random() * 10 * 24 * HOUR));
        const ms = Math.floor(random() * 5 * 24 * HOUR);
        const end = addWindowTime(start, ms, window);
        expect(isInWindow(end, window)).toBe(true);
        expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime() + ms);
      }
    }
  });
});

describe("parseTimeOfDay / formatTimeOfDay", () => {
  it("reads HH:MM from 00:00 to 24:00", () => {
    expect(parseTimeOfDay("00:00")).toBe(0);
    expect(parseTimeOfDay("07:00")).toBe(420);
    expect(parseTimeOfDay(" 21:30 ")).toBe(1290);
    expect(parseTimeOfDay("24:00")).toBe(1440);
  });

  it("refuses anything else", () => {
    for (const text of ["24:01", "24:30", "25:00", "7:00", "07:60", "07-00", "", "07:00:00", "-1:00", "ab:cd"]) {
      expect(parseTimeOfDay(text), text).toBeNull();
    }
  });

  it("writes minutes back as HH:MM", () => {
    expect(formatTimeOfDay(420)).toBe("07:00");
    expect(formatTimeOfDay(1290)).toBe("21:30");
    expect(formatTimeOfDay(1440)).toBe("24:00");
  });
});

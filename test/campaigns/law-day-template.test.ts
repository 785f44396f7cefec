// Which Law Day the template aims at, in Vietnamese time: this year's until 9 November 21:00, then next year's; inside
// the 1–9 November peak it starts in the next few minutes rather than in the past.
import { describe, expect, it } from "vitest";
import { comingLawDay } from "../../src/campaigns/law-day-template";

const vn = (local: string) => new Date(`${local}+07:00`);

describe("comingLawDay", () => {
  it("is this year's before the peak", () => {
    expect(comingLawDay(vn("2026-03-15T10:00:00"))).toEqual({
      year: 2026,
      startAt: vn("2026-11-01T07:00:00"),
      endAt: vn("2026-11-09T21:00:00"),
    });
  });

  it("starts at the next five minutes during the peak", () => {
    const law = comingLawDay(vn("2026-11-05T10:02:30"));
    expect(law).toEqual({ year: 2026, startAt: vn("2026-11-05T10:05:00"), endAt: vn("2026-11-09T21:00:00") });
  });

  it("moves to next year once 9 November 21:00 has passed", () => {
    expect(comingLawDay(vn("2026-11-09T20:59:00")).year).toBe(2026);
    expect(comingLawDay(vn("2026-11-09T21:00:00")).year).toBe(2027);
    expect(comingLawDay(vn("2026-11-09T21:00:00")).startAt).toEqual(vn("2027-11-01T07:00:00"));
  });

  it("reads the year in Vietnam: 1 January 01:00 there is still 31 December in UTC", () => {
    expect(comingLawDay(new Date("2026-12-31T18:00:00Z")).year).toBe(2027);
  });
});

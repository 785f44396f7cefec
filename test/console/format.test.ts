// How the console writes dates and numbers: Vietnamese wall time with the date first, across UTC midnight.
import { describe, expect, it } from "vitest";
import { datetimeLocalValue, vnDate, vnDateTime, vnNumber, vnPercent } from "../../src/console/format";

describe("console formats", () => {
  it("writes instants as Vietnamese wall time, date first", () => {
    // 16:59 UTC on the 30th is 23:59 in Vietnam; 17:00 UTC is already the 1st of December there.
    expect(vnDateTime(new Date("2026-11-30T16:59:00Z"))).toBe("30/11/2026 23:59");
    expect(vnDateTime("2026-11-30T17:00:00Z")).toBe("01/12/2026 00:00");
    expect(vnDate("2026-11-30T17:00:00Z")).toBe("01/12/2026");
    expect(datetimeLocalValue(new Date("2026-11-30T17:00:00Z"))).toBe("2026-12-01T00:00");
  });

  it("writes a dash for no date or a bad one", () => {
    expect(vnDateTime(null)).toBe("—");
    expect(vnDate("không phải ngày")).toBe("—");
    expect(datetimeLocalValue(undefined)).toBe("");
  });

  it("writes numbers and shares the Vietnamese way", () => {
    expect(vnNumber(12345)).toBe("12.345");
    expect(vnPercent(1, 8)).toBe("12,5%");
    expect(vnPercent(3, 0)).toBe("—");
  });
});

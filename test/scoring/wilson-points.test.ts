// Pure parts of scoring against values worked out by hand: Wilson bounds, bands at their exact edges, the reasons
// for no points, periods in Vietnam time, and how a wave's name marks it "before" or "after".
import { describe, expect, it } from "vitest";
import { frameworkSchema, type Indicator } from "../../surveys/frameworks/schema";
import { tt032018Impact } from "../../surveys/frameworks/tt03-2018-impact";
import { periodContaining, periodInstants, resolvePeriod, vietnamDate } from "../../src/scoring/period";
import { bandFor, pointsFor } from "../../src/scoring/points";
import { wavePhase } from "../../src/scoring/wave-phase";
import { wilson } from "../../src/scoring/wilson";

const tt03 = frameworkSchema.parse(tt032018Impact);
const indicator = (key: string) => tt03.indicators.find((i) => i.key === key)!;

describe("Wilson 95 % interval", () => {
  // p̂ = k/n, z = 1.96: centre (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²).
  it.each([
    [7, 10, 0.3968, 0.8922],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [85, 100, 0.7672, 0.9069],
    [70, 100, 0.6042, 0.7811],
    [1, 1, 0.2065, 1],
  ])("%i of %i → [%f, %f]", (k, n, low, high) => {
    const interval = wilson(k, n)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it("has nothing to say about n = 0", () => {
    expect(wilson(0, 0)).toBeNull();
  });
});

describe("bands → points", () => {
  const selfLearning = indicator("self_learning");

  it("puts exactly 70 % and exactly 85 % in the bands that start there", () => {
    expect(pointsFor(selfLearning, 70, 100, 100)).toMatchObject({ points: 3, confirmed: true, reasonCode: null });
    expect(pointsFor(selfLearning, 119, 170, 100)).toMatchObject({ points: 3 }); // 70 % of 170
    expect(pointsFor(selfLearning, 85, 100, 100)).toMatchObject({ points: 4, confirmed: true });
    expect(pointsFor(selfLearning, 289, 340, 100)).toMatchObject({ points: 4 }); // 85 % of 340
    expect(pointsFor(selfLearning, 84, 100, 100)).toMatchObject({ points: 3 });
    expect(pointsFor(selfLearning, 100, 100, 100)).toMatchObject({ points: 4 });
    expect(bandFor(selfLearning.bands, 849, 1000)?.points).toBe(3);
  });

  it("gives no points below the lowest confirmed band, and says why", () => {
    const result = pointsFor(selfLearning, 69, 100, 100);
    expect(result).toMatchObject({ points: null, confirmed: false, reasonCode: "no_band" });
    expect(result.reason).toBe("Chưa có mức điểm được xác nhận cho tỷ lệ 69%.");
  });

  it("gives no points below the minimum sample, even in a confirmed band", () => {
    const result = pointsFor(selfLearning, 99, 99, 100);
    expect(result).toMatchObject({ points: null, confirmed: true, reasonCode: "below_minimum" });
    expect(result.reason).toBe("Chỉ có 99 phiếu, dưới cỡ mẫu tối thiểu 100: chưa đủ để tính điểm.");
  });

  it("gives no points for an indicator without confirmed bands", () => {
    expect(pointsFor(indicator("knows"), 90, 100, 100)).toMatchObject({
      points: null,
      confirmed: false,
      reasonCode: "no_band",
      reason: "Chỉ số chưa có thang điểm được xác nhận từ văn bản chính thức.",
    });
  });

  it("gives no points from a band that is not confirmed, or under a maximum that is not", () => {
    const provisional: Indicator = {
      ...indicator("knows"),
      maxPoints: { value: 4, confirmed: true },
      bands: [
        { atLeast: 80, points: 4, confirmed: false, note: "Chưa đọc được văn bản" },
        { atLeast: 0, below: 80, points: 0, confirmed: true },
      ],
    };
    expect(pointsFor(provisional, 80, 100, 100)).toMatchObject({
      points: null,
      confirmed: false,
      reasonCode: "band_unconfirmed",
      reason: "Mức điểm từ 80% chưa được xác nhận từ văn bản chính thức.",
    });
    expect(pointsFor(provisional, 79, 100, 100)).toMatchObject({ points: 0, confirmed: true });
    const unsureMax = { ...provisional, maxPoints: { value: 4, confirmed: false, note: "Suy luận" } };
    expect(pointsFor(unsureMax, 10, 100, 100)).toMatchObject({ points: null, reasonCode: "max_unconfirmed" });
  });
});

describe("periods", () => {
  const annual = { period: { years: 1, endsInYear: 2025, confirmed: false, note: "x" } };

  it("runs TT 03/2018's two-year periods to 31/12 of even years", () => {
    expect(periodContaining(tt03, "2026-11-22")).toEqual({ from: "2025-01-01", to: "2026-12-31" });
    expect(periodContaining(tt03, "2025-01-01")).toEqual({ from: "2025-01-01", to: "2026-12-31" });
    expect(periodContaining(tt03, "2018-03-10")).toEqual({ from: "2017-01-01", to: "2018-12-31" });
    expect(periodContaining(tt03, "2019-06-01")).toEqual({ from: "2019-01-01", to: "2020-12-31" });
    expect(periodContaining(annual, "2026-11-22")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("takes today in Vietnam, completes a half-open request, and refuses an inverted one naming `to`", () => {
    const newYearInHanoi = new Date("2026-12-31T17:30:00Z"); // 00:30 on 1/1/2027 in Hà Nội
    expect(vietnamDate(newYearInHanoi)).toBe("2027-01-01");
    expect(resolvePeriod(annual, {}, newYearInHanoi)).toEqual({
      from: "2027-01-01",
      to: "2027-12-31",
      isDefault: true,
    });
    expect(resolvePeriod(tt03, { from: "2025-03-01" }, newYearInHanoi)).toMatchObject({ to: "2026-12-31" });
    expect(resolvePeriod(tt03, { to: "2025-06-30" }, newYearInHanoi)).toMatchObject({ from: "2025-01-01" });
    expect(() => resolvePeriod(tt03, { from: "2026-02-01", to: "2026-01-31" }, newYearInHanoi)).toThrow(
      expect.objectContaining({ code: "invalid_request", field: "to" }),
    );
  });

  it("counts a day from midnight to midnight in Hà Nội", () => {
    const { start, end } = periodInstants({ from: "2026-01-01", to: "2026-12-31" });
    expect(start.toISOString()).toBe("2025-12-31T17:00:00.000Z");
    expect(end.toISOString()).toBe("2026-12-31T17:00:00.000Z");
  });
});

describe("before and after waves", () => {
  it.each([
    ["Trước Ngày Pháp luật 2026", "before"],
    ["TRUOC ngay phap luat", "before"],
    ["[Trước] Xã Yên Định", "before"],
    ["Sau Ngày Pháp luật 2026", "after"],
    ["sau: kiểm tra lại", "after"],
    ["Khảo sát thường xuyên năm 2026", null],
    ["Đợt sau Ngày Pháp luật", null],
  ])("%s → %s", (name, phase) => {
    expect(wavePhase(name)).toBe(phase);
  });
});

// Points from bands: the share of an indicator mapped to points by its framework's bands, or no points with the
// reason an officer reads (too few answers, no band for this share, a band not confirmed from the official text).
import type { Band, Indicator } from "../../surveys/frameworks/schema";

export const pointsReasonCodes = ["below_minimum", "no_band", "band_unconfirmed", "max_unconfirmed"] as const;
export type PointsReasonCode = (typeof pointsReasonCodes)[number];

export interface PointsResult {
  points: number | null;
  /** Whether the band this share falls in, and the indicator's maximum, are confirmed from the official text. */
  confirmed: boolean;
  reasonCode: PointsReasonCode | null;
  reason: string | null;
}

/**
 * The band holding `positive` out of `n`. Compared in integers (positive × 100 against atLeast × n), so a share of
 * exactly 70 % or 85 % lands in the band that starts there, whatever floating point would make of 7/10 × 100.
 */
export function bandFor(bands: readonly Band[], positive: number, n: number): Band | null {
  if (n <= 0) return null;
  const scaled = positive * 100;
  return (
    bands.find((band) => scaled >= band.atLeast * n && (band.below === undefined || scaled < band.below * n)) ?? null
  );
}

export function pointsFor(indicator: Indicator, positive: number, n: number, minimumSample: number): PointsResult {
  const band = bandFor(indicator.bands, positive, n);
  const confirmed = band !== null && band.confirmed && indicator.maxPoints?.confirmed === true;
  if (n < minimumSample) {
    return {
      points: null,
      confirmed,
      reasonCode: "below_minimum",
      reason: `Chỉ có ${n} phiếu, dưới cỡ mẫu tối thiểu ${minimumSample}: chưa đủ để tính điểm.`,
    };
  }
  if (indicator.bands.length === 0) {
    return {
      points: null,
      confirmed: false,
      reasonCode: "no_band",
      reason: "Chỉ số chưa có thang điểm được xác nhận từ văn bản chính thức.",
    };
  }
  if (!band) {
    return {
      points: null,
      confirmed: false,
      reasonCode: "no_band",
      reason: `Chưa có mức điểm được xác nhận cho tỷ lệ ${formatPercent(positive / n)}.`,
    };
  }
  if (!band.confirmed) {
    const range = band.below === undefined ? `từ ${band.atLeast}%` : `từ ${band.atLeast}% đến dưới ${band.below}%`;
    return {
      points: null,
      confirmed: false,
      reasonCode: "band_unconfirmed",
      reason: `Mức điểm ${range} chưa được xác nhận từ văn bản chính thức.`,
    };
  }
  if (!indicator.maxPoints?.confirmed) {
    return {
      points: null,
      confirmed: false,
      reasonCode: "max_unconfirmed",
      reason: "Điểm tối đa của chỉ số chưa được xác nhận từ văn bản chính thức.",
    };
  }
  return { points: band.points, confirmed: true, reasonCode: null, reason: null };
}

function formatPercent(share: number): string {
  return `${(share * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`;
}

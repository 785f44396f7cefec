// The 95 % Wilson score interval for a share: unlike the normal approximation it stays inside 0..1 and behaves at
// small n and at shares near 0 or 1, which is exactly where a commune with few answers sits.

/** The 0.975 quantile of the standard normal distribution (two-sided 95 %). */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** The Wilson interval for `positive` out of `n`, or null when there is nothing to estimate (n = 0). */
export function wilson(positive: number, n: number, z = Z_95): Interval | null {
  if (n <= 0) return null;
  const p = positive / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Rounding can leave 1e-17 outside the unit interval at p = 0 or 1.
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

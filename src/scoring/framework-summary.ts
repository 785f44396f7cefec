// A framework as the API lists it: its values with where they come from, its current period, and whether everything
// it scores with is confirmed from the official text (an indicator is confirmed when its maximum and bands covering
// 0–100 % all are; a framework when its basis, period, minimum sample, maximum and every indicator are).
import type { Framework, Indicator } from "../../surveys/frameworks/schema";
import { periodContaining, vietnamDate } from "./period";

export function indicatorConfirmed(indicator: Indicator): boolean {
  if (!indicator.maxPoints?.confirmed || indicator.bands.length === 0) return false;
  const bands = [...indicator.bands].sort((a, b) => a.atLeast - b.atLeast);
  const covers = bands.every((band, i) => {
    const next = bands[i + 1];
    return next ? band.below === next.atLeast : band.below === undefined;
  });
  return covers && bands[0]!.atLeast === 0 && bands.every((b) => b.confirmed);
}

export function frameworkSummary(framework: Framework, now: Date) {
  const indicators = framework.indicators.map((indicator) => ({
    ...indicator,
    confirmed: indicatorConfirmed(indicator) && (indicator.kind !== "quiz" || indicator.passPercent.confirmed),
  }));
  const confirmed =
    framework.legalBasis.confirmed &&
    framework.period.confirmed &&
    framework.minimumSample.confirmed &&
    (framework.maxPoints?.confirmed ?? true) &&
    indicators.every((i) => i.confirmed);
  return {
    ...framework,
    period: { ...framework.period, current: periodContaining(framework, vietnamDate(now)) },
    indicators,
    confirmed,
  };
}

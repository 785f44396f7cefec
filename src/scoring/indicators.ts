// Indicators of a framework for one unit (its sub-units rolled up) and one period, with the breakdown per sub-unit
// that ranks communes within a province (or provinces within the country): n, positive count, share, 95 % Wilson
// interval, points from the bands, and a flag when n is below the framework's minimum sample. Scoped: the unit must
// lie in the officer's scope, and everything counted lies below it.
import { and, asc, eq, isNull, like } from "drizzle-orm";
import type { Db } from "../../db/db";
import { surveyWaves, units } from "../../db/schema/index";
import type { Framework, Indicator, QuizIndicator, ShareIndicator } from "../../surveys/frameworks/schema";
import { ApiError } from "../errors";
import { pathInScope, type Principal } from "../officers/principal";
import { surveyCatalog } from "../surveys/survey-repository";
import { frameworkCatalog } from "./framework-catalog";
import {
  countQuiz,
  countShares,
  type CountResult,
  type QuizCount,
  type QuizWaves,
  type UnitCounts,
} from "./indicator-counts";
import { resolvePeriod, periodInstants, type Period } from "./period";
import { pointsFor, type PointsReasonCode } from "./points";
import { wavePhase } from "./wave-phase";
import { wilson } from "./wilson";

export const breakdownLevels = ["province", "commune"] as const;
export type BreakdownLevel = (typeof breakdownLevels)[number];
const levelDepth: Record<BreakdownLevel, number> = { province: 1, commune: 2 };

export interface IndicatorRequest {
  framework: string;
  unit: string;
  from?: string;
  to?: string;
  /** The level of the sub-units in `children`; default the level just below the unit. */
  level?: BreakdownLevel;
}

export interface PairedChange {
  n: number;
  meanBefore: number | null;
  meanAfter: number | null;
  /** Mean of (after − before) score for the same people. */
  meanChange: number | null;
}

export interface IndicatorValue {
  key: string;
  label: string;
  kind: Indicator["kind"];
  denominator: "respondents" | "shown" | null;
  n: number;
  positive: number;
  share: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  points: number | null;
  maxPoints: number | null;
  confirmed: boolean;
  pointsReasonCode: PointsReasonCode | null;
  pointsReason: string | null;
  belowMinimum: boolean;
  minimumSample: number;
  quiz: { meanScore: number | null; maxScore: number; passPercent: number; pairedChange: PairedChange } | null;
}

export interface UnitIndicators {
  indicators: IndicatorValue[];
  /** Points of the indicators that have points; `pointsComplete` says whether that is all of them. */
  totalPoints: number;
  pointsComplete: boolean;
}

export interface ChildIndicators extends UnitIndicators {
  code: string;
  name: string;
  kind: string;
  /** 1 = best; ties share a rank; null when every indicator is below the minimum sample. */
  rank: number | null;
}

export interface IndicatorReport extends UnitIndicators {
  framework: Framework;
  unit: { id: number; code: string; name: string; kind: string };
  period: Period;
  level: BreakdownLevel | null;
  maxPoints: number | null;
  children: ChildIndicators[];
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);

export interface IndicatorOptions {
  now?: Date;
  /** The frameworks to choose from (default: the catalog of surveys/frameworks/). */
  frameworks?: Map<string, Framework>;
}

export async function computeIndicators(
  db: Db,
  principal: Pick<Principal, "unitPath">,
  request: IndicatorRequest,
  options: IndicatorOptions = {},
): Promise<IndicatorReport> {
  const now = options.now ?? new Date();
  const framework = (options.frameworks ?? frameworkCatalog()).get(request.framework);
  if (!framework) throw new ApiError("invalid_request", `Không có bộ tiêu chí "${request.framework}"`, "framework");
  const period = resolvePeriod(framework, request, now);
  const [unit] = await db
    .select({ id: units.id, code: units.code, name: units.fullName, kind: units.kind, path: units.path })
    .from(units)
    .where(and(eq(units.code, request.unit), isNull(units.validTo)))
    .limit(1);
  // Unknown and out of scope answer alike, so a code outside the scope reveals nothing.
  if (!unit || !pathInScope(principal, unit.path))
    throw new ApiError("not_found", `Không có đơn vị "${request.unit}" trong phạm vi của bạn`, "unit");
  const unitDepth = unit.path.split("/").filter(Boolean).length - 1;
  const level = request.level ?? breakdownLevels.find((l) => levelDepth[l] === unitDepth + 1) ?? null;
  if (level && levelDepth[level] <= unitDepth)
    throw new ApiError("invalid_request", `Cấp "${level}" không nằm dưới đơn vị ${unit.code}`, "level");

  const { start, end } = periodInstants(period);
  const scope = { path: unit.path, start, end, groupDepth: level ? levelDepth[level] : null };
  const surveys = surveyCatalog();
  const counts: CountResult = { total: { share: new Map(), quiz: new Map() }, groups: new Map() };
  const shares = framework.indicators.filter((i): i is ShareIndicator => i.kind === "share");
  await countShares(db, shares, surveys, scope, counts);
  for (const quiz of framework.indicators.filter((i): i is QuizIndicator => i.kind === "quiz")) {
    await countQuiz(db, quiz, surveys.get(quiz.survey)!, await quizWaves(db, quiz.survey), scope, counts);
  }

  const children = level
    ? await db
        .select({ id: units.id, code: units.code, name: units.fullName, kind: units.kind })
        .from(units)
        .where(and(like(units.path, `${unit.path}%`), eq(units.kind, level), isNull(units.validTo)))
        .orderBy(asc(units.code))
    : [];
  const childValues = children.map((child) => ({
    code: child.code,
    name: child.name,
    kind: child.kind,
    ...unitIndicators(framework, counts.groups.get(child.id)),
  }));
  const declaredMax = framework.indicators.some((i) => i.maxPoints)
    ? framework.indicators.reduce((sum, i) => sum + (i.maxPoints?.value ?? 0), 0)
    : null;
  return {
    framework,
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    period,
    level,
    ...unitIndicators(framework, counts.total),
    maxPoints: framework.maxPoints?.value ?? declaredMax,
    children: ranked(childValues),
  };
}

/** The quiz survey's waves marked "before" or "after" by their names. Waves are few: read and classify them here. */
async function quizWaves(db: Db, surveyKey: string): Promise<QuizWaves> {
  const waves = await db
    .select({ id: surveyWaves.id, name: surveyWaves.name })
    .from(surveyWaves)
    .where(eq(surveyWaves.surveyKey, surveyKey));
  return {
    before: waves.filter((w) => wavePhase(w.name) === "before").map((w) => w.id),
    after: waves.filter((w) => wavePhase(w.name) === "after").map((w) => w.id),
  };
}

function unitIndicators(framework: Framework, counts: UnitCounts | undefined): UnitIndicators {
  const minimum = framework.minimumSample.value;
  const indicators = framework.indicators.map((indicator): IndicatorValue => {
    const quizCount = indicator.kind === "quiz" ? counts?.quiz.get(indicator.key) : undefined;
    const shareCount = indicator.kind === "share" ? counts?.share.get(indicator.key) : undefined;
    const n = quizCount?.n ?? shareCount?.n ?? 0;
    const positive = quizCount?.passed ?? shareCount?.positive ?? 0;
    const interval = wilson(positive, n);
    const points = pointsFor(indicator, positive, n, minimum);
    return {
      key: indicator.key,
      label: indicator.label,
      kind: indicator.kind,
      denominator: indicator.kind === "share" ? indicator.denominator : null,
      n,
      positive,
      share: n > 0 ? round(positive / n) : null,
      ciLow: round(interval?.low ?? null),
      ciHigh: round(interval?.high ?? null),
      points: points.points,
      maxPoints: indicator.maxPoints?.value ?? null,
      confirmed: points.confirmed,
      pointsReasonCode: points.reasonCode,
      pointsReason: points.reason,
      belowMinimum: n < minimum,
      minimumSample: minimum,
      quiz: indicator.kind === "quiz" ? quizValue(indicator, quizCount) : null,
    };
  });
  return {
    indicators,
    totalPoints: indicators.reduce((sum, i) => sum + (i.points ?? 0), 0),
    pointsComplete: indicators.every((i) => i.points !== null),
  };
}

function quizValue(indicator: QuizIndicator, count: QuizCount | undefined): NonNullable<IndicatorValue["quiz"]> {
  const items =
    count?.items ??
    surveyCatalog()
      .get(indicator.survey)!
      .questions.filter((q) => q.type === "quiz").length;
  const paired = count?.paired ?? { n: 0, beforeSum: 0, afterSum: 0 };
  const mean = (sum: number, n: number) => (n > 0 ? round(sum / n) : null);
  return {
    meanScore: count ? mean(count.scoreSum, count.n) : null,
    maxScore: items,
    passPercent: indicator.passPercent.value,
    pairedChange: {
      n: paired.n,
      meanBefore: mean(paired.beforeSum, paired.n),
      meanAfter: mean(paired.afterSum, paired.n),
      meanChange: mean(paired.afterSum - paired.beforeSum, paired.n),
    },
  };
}

/**
 * Ranks sub-units: by total points, then by the mean share of the indicators with enough answers (most frameworks
 * have few confirmed bands, so shares decide most ranks). Ties share a rank (1, 2, 2, 4); a sub-unit with too few
 * answers on every indicator is not ranked.
 */
function ranked(children: Array<Omit<ChildIndicators, "rank">>): ChildIndicators[] {
  const keyOf = (child: Omit<ChildIndicators, "rank">) => {
    const usable = child.indicators.filter((i) => !i.belowMinimum && i.share !== null);
    if (usable.length === 0) return null;
    return { points: child.totalPoints, share: usable.reduce((s, i) => s + i.share!, 0) / usable.length };
  };
  const keyed = children.map((child) => ({ child, key: keyOf(child) }));
  const order = keyed
    .filter((k) => k.key !== null)
    .sort((a, b) => b.key!.points - a.key!.points || b.key!.share - a.key!.share);
  const ranks = new Map<object, number>();
  order.forEach((entry, index) => {
    const previous = order[index - 1];
    const tied = previous && previous.key!.points === entry.key!.points && previous.key!.share === entry.key!.share;
    ranks.set(entry.child, tied ? ranks.get(previous.child)! : index + 1);
  });
  return children.map((child) => ({ ...child, rank: ranks.get(child) ?? null }));
}

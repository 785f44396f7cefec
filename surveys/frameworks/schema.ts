// What a scoring framework is: the indicators an evaluation computes from survey answers, the unit level and period it
// assesses, the minimum sample, and the bands that turn a share into points. A framework is data: a province's own
// criteria are one new file in surveys/frameworks/, validated here and in the test suite. Every value taken from an
// official text says whether it was confirmed there; an unconfirmed value must say why (`note`), and the API shows it.
import { z } from "zod";

const key = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "khoá gồm a-z, 0-9, _ (bắt đầu bằng chữ)");
const code = z.string().regex(/^[a-z0-9_]{1,32}$/, "mã lựa chọn chỉ gồm a-z, 0-9, _ (tối đa 32 ký tự)");
const questionId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "mã câu hỏi bắt đầu bằng chữ, gồm a-z, 0-9, _");
const vietnameseText = z.string().trim().min(1).max(2000);
const percent = z.number().min(0).max(100);

/**
 * Where a value comes from: confirmed from the official text, or not (a reading cut off, an inference, the office's
 * own choice), in which case the note says which. `source` is the address it was read at.
 */
const provenance = {
  confirmed: z.boolean(),
  note: vietnameseText.optional(),
  source: z.string().url().optional(),
};

const requireNote = <T extends { confirmed: boolean; note?: string }>(value: T, ctx: z.RefinementCtx) => {
  if (!value.confirmed && !value.note)
    ctx.addIssue({
      code: "custom",
      path: ["note"],
      message: "giá trị chưa xác nhận phải có ghi chú (note) nói vì sao",
    });
};

export const sourcedNumberSchema = z
  .object({ value: z.number().min(0), ...provenance })
  .strict()
  .superRefine(requireNote);
export type SourcedNumber = z.infer<typeof sourcedNumberSchema>;

/**
 * One band: shares from `atLeast` % (inclusive) up to `below` % (exclusive) score `points`; without `below` the band
 * runs up to and including 100 %. "Đạt từ 70% đến dưới 85%: 03 điểm" is { atLeast: 70, below: 85, points: 3 }.
 */
export const bandSchema = z
  .object({ atLeast: percent, below: percent.optional(), points: z.number().min(0), ...provenance })
  .strict()
  .superRefine((band, ctx) => {
    requireNote(band, ctx);
    if (band.below !== undefined && band.below <= band.atLeast)
      ctx.addIssue({ code: "custom", path: ["below"], message: "cận trên (below) phải lớn hơn cận dưới (atLeast)" });
  });
export type Band = z.infer<typeof bandSchema>;

/** A survey question whose chosen codes count as positive (default: the question's own `positive` codes). */
export const shareSourceSchema = z
  .object({ survey: key, question: questionId, positive: z.array(code).min(1).optional() })
  .strict();
export type ShareSource = z.infer<typeof shareSourceSchema>;

const indicatorBase = {
  key,
  /** What an officer reads (Vietnamese), e.g. the indicator's wording in the official text. */
  label: z.string().trim().min(1).max(300),
  maxPoints: sourcedNumberSchema.optional(),
  bands: z.array(bandSchema).default([]),
  note: vietnameseText.optional(),
};

export const indicatorSchema = z.discriminatedUnion("kind", [
  /** The share of respondents whose answer counts as positive. */
  z
    .object({
      ...indicatorBase,
      kind: z.literal("share"),
      sources: z.array(shareSourceSchema).min(1),
      /**
       * Who is counted: every respondent of the source survey ("respondents"; one not asked the question counts as
       * not positive), or only those shown the question ("shown": its condition held, or they answered it).
       */
      denominator: z.enum(["respondents", "shown"]),
    })
    .strict(),
  /**
   * A knowledge test: the share of respondents passing (score at least `passPercent` % of the quiz items), with the
   * mean score and the paired change between "before" and "after" waves of the same people.
   */
  z
    .object({
      ...indicatorBase,
      kind: z.literal("quiz"),
      survey: key,
      passPercent: sourcedNumberSchema,
    })
    .strict(),
]);
export type Indicator = z.infer<typeof indicatorSchema>;
export type ShareIndicator = Extract<Indicator, { kind: "share" }>;
export type QuizIndicator = Extract<Indicator, { kind: "quiz" }>;

export const frameworkSchema = z
  .object({
    key,
    name: z.string().trim().min(1).max(300),
    description: vietnameseText.optional(),
    /** The official text (number, date, article) the framework follows. */
    legalBasis: z
      .object({ document: z.string().trim().min(1).max(300), articles: z.string().max(200).optional(), ...provenance })
      .strict()
      .superRefine(requireNote),
    /** The level the framework assesses; lower units are computed too (for ranking), higher ones roll up. */
    unitLevel: z.enum(["province", "commune"]),
    /**
     * Assessment periods: runs of `years` calendar years (1 January – 31 December) ending in `endsInYear` and every
     * `years` years either side of it (TT 03/2018: every two years, the first ending 31/12/2018).
     */
    period: z
      .object({
        years: z.number().int().min(1).max(5),
        endsInYear: z.number().int().min(2000).max(2100),
        ...provenance,
      })
      .strict()
      .superRefine(requireNote),
    /** Fewer respondents than this in a unit: its indicators are flagged and score no points. */
    minimumSample: sourcedNumberSchema.refine((v) => Number.isInteger(v.value) && v.value >= 1, {
      message: "cỡ mẫu tối thiểu là số nguyên ≥ 1",
      path: ["value"],
    }),
    /** The group's maximum (e.g. 20 points for TT 03/2018 art. 8), when the framework is one group of a larger set. */
    maxPoints: sourcedNumberSchema.optional(),
    indicators: z.array(indicatorSchema).min(1).max(40),
  })
  .strict()
  .superRefine((framework, ctx) => {
    const keys = framework.indicators.map((i) => i.key);
    framework.indicators.forEach((indicator, index) => {
      const at = (...path: Array<string | number>) => ["indicators", index, ...path];
      if (keys.indexOf(indicator.key) !== index)
        ctx.addIssue({ code: "custom", path: at("key"), message: `chỉ số "${indicator.key}" bị trùng` });
      checkBands(indicator, (path, message) => ctx.addIssue({ code: "custom", path: at(...path), message }));
      if (indicator.kind === "share") {
        const surveys = indicator.sources.map((s) => s.survey);
        surveys.forEach((survey, i) => {
          if (surveys.indexOf(survey) !== i)
            ctx.addIssue({
              code: "custom",
              path: at("sources", i, "survey"),
              message: `mỗi khảo sát chỉ là một nguồn của chỉ số ("${survey}" lặp lại)`,
            });
        });
      }
    });
    const max = framework.maxPoints?.value;
    const sum = framework.indicators.reduce((total, i) => total + (i.maxPoints?.value ?? 0), 0);
    if (max !== undefined && sum > max)
      ctx.addIssue({
        code: "custom",
        path: ["maxPoints"],
        message: `tổng điểm tối đa của các chỉ số (${sum}) vượt điểm tối đa của nhóm (${max})`,
      });
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkInput = z.input<typeof frameworkSchema>;

function checkBands(indicator: Indicator, issue: (path: Array<string | number>, message: string) => void) {
  const bands = indicator.bands;
  if (bands.length > 0 && !indicator.maxPoints) issue(["maxPoints"], "chỉ số có thang điểm phải nêu điểm tối đa");
  const sorted = bands.map((band, index) => ({ band, index })).sort((a, b) => a.band.atLeast - b.band.atLeast);
  sorted.forEach(({ band, index }, i) => {
    if (indicator.maxPoints && band.points > indicator.maxPoints.value)
      issue(["bands", index, "points"], `${band.points} điểm vượt điểm tối đa ${indicator.maxPoints.value}`);
    const next = sorted[i + 1];
    const top = band.below ?? Number.POSITIVE_INFINITY;
    if (next && next.band.atLeast < top)
      issue(["bands", next.index, "atLeast"], `khoảng ${next.band.atLeast}% chồng lên khoảng từ ${band.atLeast}%`);
  });
}

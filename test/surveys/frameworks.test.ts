// Scoring frameworks are data, validated at load against their schema and the surveys they read: every shipped file
// passes, a province's own file is just one more entry, and a broken one is refused naming the file and the path.
import { describe, expect, it } from "vitest";
import { FrameworkDefinitionError, frameworkFiles, loadFrameworks } from "../../surveys/frameworks/catalog";
import type { FrameworkInput } from "../../surveys/frameworks/schema";
import { tt032018Impact } from "../../surveys/frameworks/tt03-2018-impact";

const share = (extra: Record<string, unknown> = {}) => ({
  key: "satisfied",
  kind: "share",
  label: "Tỷ lệ hài lòng",
  sources: [{ survey: "pbgdpl_satisfaction", question: "satisfaction" }],
  denominator: "respondents",
  ...extra,
});

const framework = (indicators: unknown[], extra: Record<string, unknown> = {}): FrameworkInput =>
  ({
    key: "tinh_thu",
    name: "Bộ tiêu chí thử",
    legalBasis: { document: "Quyết định thử", confirmed: true },
    unitLevel: "commune",
    period: { years: 1, endsInYear: 2026, confirmed: true },
    minimumSample: { value: 30, confirmed: false, note: "Do tỉnh chọn" },
    indicators,
    ...extra,
  }) as FrameworkInput;

const load = (input: FrameworkInput) => () => loadFrameworks({ "surveys/frameworks/tinh-thu.ts": input });

describe("scoring frameworks", () => {
  it("loads every shipped framework", () => {
    const frameworks = loadFrameworks();
    expect(frameworks.map((f) => f.key).sort()).toEqual([
      "law_day_awareness",
      "qd27_2025_legal_access",
      "tt03_2018_impact",
    ]);
    expect(Object.keys(frameworkFiles)).toHaveLength(3);
  });

  it("keeps TT 03/2018 art. 8 as read: 20 points, self-learning 85–100 % → 4, 70–<85 % → 3, rest unconfirmed", () => {
    const tt03 = loadFrameworks().find((f) => f.key === "tt03_2018_impact")!;
    expect(tt03).toMatchObject({ unitLevel: "province", period: { years: 2, endsInYear: 2018 } });
    expect(tt03.maxPoints).toMatchObject({ value: 20, confirmed: true });
    expect(tt03.indicators.map((i) => i.key)).toEqual(["self_learning", "knows", "understands", "satisfied"]);
    const [selfLearning, ...others] = tt03.indicators;
    expect(selfLearning!.maxPoints).toMatchObject({ value: 4, confirmed: true });
    expect(
      selfLearning!.bands.map(({ atLeast, below, points, confirmed }) => ({ atLeast, below, points, confirmed })),
    ).toEqual([
      { atLeast: 85, below: undefined, points: 4, confirmed: true },
      { atLeast: 70, below: 85, points: 3, confirmed: true },
    ]);
    for (const indicator of others) {
      expect(indicator.bands).toEqual([]);
      expect(indicator.maxPoints?.confirmed).toBe(false);
      expect(indicator.maxPoints?.note).toBeTruthy();
    }
    const access = loadFrameworks().find((f) => f.key === "qd27_2025_legal_access")!;
    expect(access.indicators.every((i) => i.bands.length === 0 || i.bands.every((b) => !b.confirmed))).toBe(true);
  });

  it("marks every unconfirmed value with a note", () => {
    for (const f of loadFrameworks()) {
      const values: Array<{ confirmed: boolean; note?: string } | undefined> = [
        f.legalBasis,
        f.period,
        f.minimumSample,
        f.maxPoints,
        ...f.indicators.map((i) => i.maxPoints),
      ];
      values.push(...f.indicators.flatMap((i) => [...i.bands, ...(i.kind === "quiz" ? [i.passPercent] : [])]));
      for (const value of values) if (value && !value.confirmed) expect(value.note, f.key).toBeTruthy();
    }
  });

  it("takes a province's own framework as one more file", () => {
    const own = framework([share({ bands: [{ atLeast: 80, points: 5, confirmed: true }], maxPoints: mp(5) })]);
    const loaded = loadFrameworks({ ...frameworkFiles, "surveys/frameworks/tinh-thu.ts": own });
    expect(loaded.map((f) => f.key)).toContain("tinh_thu");
  });

  it.each([
    [
      "an unknown survey",
      framework([share({ sources: [{ survey: "khong_co", question: "satisfaction" }] })]),
      'indicators.0.sources.0.survey: không có khảo sát "khong_co"',
    ],
    [
      "an unknown question",
      framework([share({ sources: [{ survey: "pbgdpl_satisfaction", question: "hai_long" }] })]),
      'indicators.0.sources.0.question: khảo sát "pbgdpl_satisfaction" không có câu "hai_long"',
    ],
    [
      "a positive code the question does not offer",
      framework([share({ sources: [{ survey: "pbgdpl_satisfaction", question: "satisfaction", positive: ["6"] }] })]),
      'indicators.0.sources.0.positive: "6" không phải một lựa chọn của câu "satisfaction"',
    ],
    [
      "a question without options",
      framework([share({ sources: [{ survey: "pbgdpl_satisfaction", question: "commune" }] })]),
      'indicators.0.sources.0.question: câu "commune" không có lựa chọn để tính tỷ lệ tích cực',
    ],
    [
      "a question without positive codes",
      framework([share({ sources: [{ survey: "pbgdpl_satisfaction", question: "heard" }] })]),
      'indicators.0.sources.0.positive: câu "heard" không nêu đáp án tích cực (positive)',
    ],
    [
      "an unconfirmed value without a note",
      framework([share()], { minimumSample: { value: 30, confirmed: false } }),
      "minimumSample.note: giá trị chưa xác nhận phải có ghi chú (note) nói vì sao",
    ],
    [
      "overlapping bands",
      framework([
        share({
          maxPoints: mp(4),
          bands: [
            { atLeast: 70, below: 90, points: 3, confirmed: true },
            { atLeast: 85, points: 4, confirmed: true },
          ],
        }),
      ]),
      "indicators.0.bands.1.atLeast: khoảng 85% chồng lên khoảng từ 70%",
    ],
    [
      "a band above the indicator's maximum",
      framework([share({ maxPoints: mp(4), bands: [{ atLeast: 85, points: 5, confirmed: true }] })]),
      "indicators.0.bands.0.points: 5 điểm vượt điểm tối đa 4",
    ],
    [
      "bands without a maximum",
      framework([share({ bands: [{ atLeast: 85, points: 4, confirmed: true }] })]),
      "indicators.0.maxPoints: chỉ số có thang điểm phải nêu điểm tối đa",
    ],
    [
      "a band whose upper edge is below its lower one",
      framework([share({ maxPoints: mp(4), bands: [{ atLeast: 85, below: 70, points: 4, confirmed: true }] })]),
      "indicators.0.bands.0.below: cận trên (below) phải lớn hơn cận dưới (atLeast)",
    ],
    [
      "indicators worth more than the group",
      framework([share({ maxPoints: mp(15) }), share({ key: "other", maxPoints: mp(10) })], { maxPoints: mp(20) }),
      "maxPoints: tổng điểm tối đa của các chỉ số (25) vượt điểm tối đa của nhóm (20)",
    ],
    ["a duplicate indicator", framework([share(), share()]), 'indicators.1.key: chỉ số "satisfied" bị trùng'],
    [
      "a quiz indicator on a survey without quiz items",
      framework([
        {
          key: "quiz",
          kind: "quiz",
          label: "Bài thi",
          survey: "pbgdpl_satisfaction",
          passPercent: { value: 50, confirmed: false, note: "Do tỉnh chọn" },
        },
      ]),
      'indicators.0.survey: khảo sát "pbgdpl_satisfaction" không có câu hỏi trắc nghiệm (quiz)',
    ],
    ["an unknown unit level", framework([share()], { unitLevel: "district" }), "unitLevel: "],
  ])("refuses %s, naming the file and the path", (_what, input, message) => {
    const attempt = load(input);
    expect(attempt).toThrow(FrameworkDefinitionError);
    expect(attempt).toThrow(`surveys/frameworks/tinh-thu.ts: ${message}`);
  });

  it("refuses two files with the same key", () => {
    expect(() => loadFrameworks({ "a.ts": tt032018Impact, "b.ts": tt032018Impact })).toThrow(
      'bộ tiêu chí "tt03_2018_impact" được định nghĩa hai lần',
    );
  });
});

function mp(value: number) {
  return { value, confirmed: true };
}

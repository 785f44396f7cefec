// Survey definitions are data, validated at load: every seeded file passes; a broken one fails with its path.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSurveys, surveyFiles, SurveyDefinitionError } from "../../surveys/catalog";
import type { SurveyInput } from "../../surveys/schema";
import { lawFileSchema } from "../../src/content/law-file";

const minimal = (questions: unknown[], extra: Record<string, unknown> = {}): SurveyInput =>
  ({
    key: "broken",
    version: 1,
    title: "Thử",
    purpose: "Thử nghiệm",
    collects: ["câu trả lời"],
    intro: "Mở đầu",
    outro: "Kết thúc",
    minors: "anonymous",
    questions,
    ...extra,
  }) as SurveyInput;

const loadOne = (input: SurveyInput) => () => loadSurveys({ "surveys/broken.ts": input });

describe("survey definitions", () => {
  it("loads every seeded survey", () => {
    const surveys = loadSurveys();
    expect(surveys.map((s) => s.key).sort()).toEqual([
      "answer_feedback",
      "law_day_quiz",
      "legal_access_satisfaction",
      "pbgdpl_satisfaction",
    ]);
    expect(Object.keys(surveyFiles)).toHaveLength(4);
  });

  it("measures the four indicators of TT 03/2018 in the satisfaction survey", () => {
    const survey = loadSurveys().find((s) => s.key === "pbgdpl_satisfaction")!;
    const indicators = survey.questions.flatMap((q) => (q.indicator ? [q.indicator] : []));
    expect(indicators).toEqual(
      expect.arrayContaining(["self_learning", "knows_law", "understands_law", "satisfaction"]),
    );
    expect(survey.questions.map((q) => q.id)).toEqual(
      expect.arrayContaining(["age_band", "gender", "commune", "channel"]),
    );
  });

  it("cites real articles of the seeded statutes in every quiz item", () => {
    const laws = lawFileSchema.parse(
      JSON.parse(readFileSync(new URL("../../db/seed/legal/law.json", import.meta.url), "utf8")),
    );
    const quiz = loadSurveys().find((s) => s.key === "law_day_quiz")!;
    expect(quiz.questions).toHaveLength(10);
    for (const question of quiz.questions) {
      expect(question.type).toBe("quiz");
      if (question.type !== "quiz") continue;
      const law = laws.find((l) => l.id === question.citation.document);
      expect(
        law?.articles.some((a) => a.id === question.citation.article),
        `${question.id} cites ${question.citation.document} ${question.citation.article}`,
      ).toBe(true);
    }
  });

  it("names the file and the path of a problem", () => {
    expect(loadOne(minimal([{ id: "a", type: "single", text: "?", options: [{ code: "x", label: "X" }] }]))).toThrow(
      /^surveys\/broken\.ts: questions\.0\.options: /,
    );
  });

  it("refuses a condition that names a missing or later question", () => {
    const yesNo = (id: string, showIf?: unknown) => ({
      id,
      type: "yes_no_dk",
      text: "?",
      ...(showIf ? { showIf } : {}),
    });
    expect(loadOne(minimal([yesNo("a", { question: "nowhere", in: ["yes"] })]))).toThrow(
      /questions\.0\.showIf: điều kiện nhắc tới câu "nowhere"/,
    );
    expect(loadOne(minimal([yesNo("a", { question: "b", in: ["yes"] }), yesNo("b")]))).toThrow(SurveyDefinitionError);
    expect(() =>
      loadSurveys({ "surveys/ok.ts": minimal([yesNo("a"), yesNo("b", { any: [{ question: "a", in: ["yes"] }] })]) }),
    ).not.toThrow();
  });

  it("refuses positive answers and correct answers that are not options", () => {
    expect(
      loadOne(minimal([{ id: "a", type: "likert5", text: "?", indicator: "satisfaction", positive: ["6"] }])),
    ).toThrow(/questions\.0\.positive/);
    const quiz = {
      id: "q",
      type: "quiz",
      text: "?",
      options: [
        { code: "a", label: "A" },
        { code: "b", label: "B" },
      ],
      correct: ["c"],
      explanation: "Vì",
      citation: { document: "Hiến pháp", article: "1" },
    };
    expect(loadOne(minimal([quiz]))).toThrow(/questions\.0\.correct/);
  });

  it("refuses duplicate question ids and unknown fields", () => {
    const q = { id: "a", type: "yes_no_dk", text: "?" };
    expect(loadOne(minimal([q, q]))).toThrow(/bị trùng/);
    expect(loadOne(minimal([{ ...q, colour: "red" }]))).toThrow(SurveyDefinitionError);
  });

  it("requires a sensitive question to be flagged in what the consent names", () => {
    const ethnicity = {
      id: "dan_toc",
      type: "single",
      text: "Dân tộc?",
      sensitive: "ethnicity",
      options: [
        { code: "kinh", label: "Kinh" },
        { code: "khac", label: "Khác" },
      ],
    };
    expect(loadOne(minimal([ethnicity]))).toThrow(/phải nêu "dân tộc" trong collects/);
    expect(() => loadSurveys({ "surveys/ok.ts": minimal([ethnicity], { collects: ["dân tộc"] }) })).not.toThrow();
  });

  it("asks nothing sensitive in the seeded surveys", () => {
    for (const survey of loadSurveys()) expect(survey.questions.filter((q) => q.sensitive)).toEqual([]);
  });
});

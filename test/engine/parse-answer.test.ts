import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionSchema, type Question } from "../../surveys/schema";
import { isCorrect, isPositive, parseAnswer } from "../../src/engine/parse-answer";

const q = (input: unknown): Question => questionSchema.parse(input);
const likert = q({ id: "s", type: "likert5", text: "?", indicator: "satisfaction", positive: ["5", "4"] });
const multi = q({
  id: "m",
  type: "multi",
  text: "?",
  maxSelected: 2,
  options: [
    { code: "x", label: "Loa truyền thanh" },
    { code: "y", label: "Zalo" },
    { code: "z", label: "Khác" },
  ],
});
const age = q({ id: "n", type: "number", text: "?", min: 15, max: 100 });
const note = q({ id: "t", type: "text", text: "?", maxLength: 10 });
const quiz = q({
  id: "k",
  type: "quiz",
  text: "?",
  options: [
    { code: "a", label: "A" },
    { code: "b", label: "B" },
    { code: "c", label: "C" },
  ],
  correct: ["a", "b"],
  explanation: "Vì",
  citation: { document: "D", article: "1" },
});

describe("parseAnswer", () => {
  it("reads choices by button value, number or label (folded)", () => {
    expect(parseAnswer(likert, "a:5")).toEqual({ ok: true, value: { kind: "options", codes: ["5"] } });
    expect(parseAnswer(likert, "2")).toEqual({ ok: true, value: { kind: "options", codes: ["4"] } });
    expect(parseAnswer(likert, "rat hai long")).toEqual({ ok: true, value: { kind: "options", codes: ["5"] } });
    expect(parseAnswer(likert, "7")).toEqual({ ok: false, reason: "invalid" });
    expect(parseAnswer(likert, "a:6")).toEqual({ ok: false, reason: "invalid" });
  });

  it("reads several choices, in the definition's order, within the limit", () => {
    expect(parseAnswer(multi, "2, 1")).toEqual({ ok: true, value: { kind: "options", codes: ["x", "y"] } });
    expect(parseAnswer(multi, "zalo")).toEqual({ ok: true, value: { kind: "options", codes: ["y"] } });
    expect(parseAnswer(multi, "1 2 3")).toEqual({ ok: false, reason: "too_many" });
    expect(parseAnswer(multi, "1, 9")).toEqual({ ok: false, reason: "invalid" });
  });

  it("takes numbers in digits within the range only", () => {
    expect(parseAnswer(age, "42")).toEqual({ ok: true, value: { kind: "number", value: 42 } });
    expect(parseAnswer(age, "bốn mươi")).toEqual({ ok: false, reason: "invalid" });
    expect(parseAnswer(age, "7")).toEqual({ ok: false, reason: "out_of_range" });
    expect(parseAnswer(age, "4.2")).toEqual({ ok: true, value: { kind: "number", value: 42 } }); // thousands dot
  });

  it("limits free text", () => {
    expect(parseAnswer(note, "ngắn")).toEqual({ ok: true, value: { kind: "text", value: "ngắn" } });
    expect(parseAnswer(note, "quá dài để nhận")).toEqual({ ok: false, reason: "too_long" });
  });

  it("marks quiz answers right only when exactly the correct options are chosen", () => {
    expect(isCorrect(quiz, { kind: "options", codes: ["a", "b"] })).toBe(true);
    expect(isCorrect(quiz, { kind: "options", codes: ["a"] })).toBe(false);
    expect(isPositive(likert, { kind: "options", codes: ["4"] })).toBe(true);
    expect(isPositive(likert, { kind: "options", codes: ["3"] })).toBe(false);
  });

  it("never accepts a value outside the question's options, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        for (const question of [likert, multi, quiz]) {
          const parsed = parseAnswer(question, text);
          if (!parsed.ok) continue;
          const codes =
            question.type === "likert5"
              ? ["1", "2", "3", "4", "5"]
              : "options" in question
                ? question.options.map((o) => o.code)
                : [];
          expect(parsed.value.kind).toBe("options");
          if (parsed.value.kind === "options") for (const code of parsed.value.codes) expect(codes).toContain(code);
        }
        const number = parseAnswer(age, text);
        if (number.ok && number.value.kind === "number") expect(number.value.value).toBeGreaterThanOrEqual(15);
      }),
      { numRuns: 500 },
    );
  });
});

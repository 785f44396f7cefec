// Turns what a person typed (or the option they tapped) into a valid answer for a question, or says what is
// accepted. Pure: only valid values ever leave this module, so an invalid answer can never be stored.
import type { AnswerValue } from "../../surveys/schema";
import { foldText, normalizeText } from "../text/vietnamese";
import { questionOptions, type Question, type SurveyOption } from "../../surveys/schema";

export type ParsedAnswer =
  | { ok: true; value: AnswerValue }
  | { ok: false; reason: "invalid" | "out_of_range" | "too_long" | "too_many" };

/** Option values in the chat are "a:<code>"; a person may also type the number, the code or the label. */
export const answerValue = (code: string) => `a:${code}`;

function matchOption(options: SurveyOption[], token: string): SurveyOption | null {
  const trimmed = token.trim();
  if (trimmed.startsWith("a:")) return options.find((o) => o.code === trimmed.slice(2)) ?? null;
  if (/^\d{1,2}$/.test(trimmed)) return options[Number(trimmed) - 1] ?? null;
  const folded = foldText(trimmed)
    .replace(/[.)]+$/, "")
    .trim();
  return options.find((o) => foldText(o.label) === folded || o.code === folded) ?? null;
}

export function parseChoiceAnswer(question: Question, text: string): ParsedAnswer {
  const options = questionOptions(question)!;
  const multiple = question.type === "multi" || (question.type === "quiz" && question.correct.length > 1);
  if (!multiple) {
    const option = matchOption(options, text);
    return option ? { ok: true, value: { kind: "options", codes: [option.code] } } : { ok: false, reason: "invalid" };
  }
  // "1, 3", "1 3", "a:x a:y" or labels separated by commas.
  const whole = matchOption(options, text);
  const tokens = whole ? [text] : text.split(/[,;]+|\s+(?=\d|a:)/).filter((t) => t.trim().length > 0);
  const codes: string[] = [];
  for (const token of tokens) {
    const option = matchOption(options, token);
    if (!option) return { ok: false, reason: "invalid" };
    if (!codes.includes(option.code)) codes.push(option.code);
  }
  if (codes.length === 0) return { ok: false, reason: "invalid" };
  if (question.type === "multi" && question.maxSelected && codes.length > question.maxSelected)
    return { ok: false, reason: "too_many" };
  // Keep the definition's order so the same choice is stored the same way however it was typed.
  return { ok: true, value: { kind: "options", codes: options.map((o) => o.code).filter((c) => codes.includes(c)) } };
}

export function parseAnswer(question: Question, rawText: string): ParsedAnswer {
  const text = normalizeText(rawText).trim();
  switch (question.type) {
    case "single":
    case "multi":
    case "likert5":
    case "yes_no_dk":
    case "quiz":
      return parseChoiceAnswer(question, text);
    case "number": {
      const compact = text.replace(/[\s.]/g, "").replace(",", ".");
      if (!/^-?\d+$/.test(compact)) return { ok: false, reason: "invalid" };
      const value = Number(compact);
      if (value < question.min || value > question.max) return { ok: false, reason: "out_of_range" };
      return { ok: true, value: { kind: "number", value } };
    }
    case "text":
      if (text.length === 0) return { ok: false, reason: "invalid" };
      if (text.length > question.maxLength) return { ok: false, reason: "too_long" };
      return { ok: true, value: { kind: "text", value: text } };
    case "unit":
      // Resolved against the unit list by the runner; here only the shape is checked.
      return { ok: false, reason: "invalid" };
  }
}

export function isCorrect(question: Question, value: AnswerValue): boolean | null {
  if (question.type !== "quiz" || value.kind !== "options") return null;
  const expected = [...question.correct].sort();
  const given = [...value.codes].sort();
  return expected.length === given.length && expected.every((c, i) => c === given[i]);
}

/** Whether an answer counts as positive for the question's indicator (null when the question has none). */
export function isPositive(question: Question, value: AnswerValue): boolean | null {
  if (!question.indicator) return null;
  if (question.type === "quiz") return isCorrect(question, value);
  if (!question.positive || value.kind !== "options") return null;
  return value.codes.some((c) => question.positive!.includes(c));
}

export function describeAnswer(question: Question, value: AnswerValue): string {
  switch (value.kind) {
    case "options": {
      const options = questionOptions(question) ?? [];
      return value.codes.map((c) => options.find((o) => o.code === c)?.label ?? c).join(", ");
    }
    case "number":
      return `${value.value}${question.type === "number" && question.unit ? ` ${question.unit}` : ""}`;
    case "text":
      return value.value;
    case "unit":
      return value.name;
  }
}

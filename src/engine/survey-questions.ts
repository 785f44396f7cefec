// Showing survey questions: the next one (show-if conditions), its number, its options (with ✓ on the ones ticked
// on a multiple-choice question), the navigation buttons, re-prompts, and the end of the survey with its score.
import { type Question, type SurveyDefinition, questionOptions } from "../../surveys/schema";
import type { Effect } from "./effects";
import { homeOption } from "./menu";
import { optionLabel } from "./option-label";
import { answerValue, describeAnswer, isCorrect } from "./parse-answer";
import type { Reply, ReplyOption } from "./replies";
import type { QuestionScreen, SurveyRendered } from "./survey-context";
import { type Answers, hiddenAnswered, nextQuestion } from "./survey-flow";
import { surveyMessages as m } from "./survey-messages";
import { surveyValues } from "./survey-values";

export const MAX_MISSES = 3;

/** Shows the next unanswered visible question, or finishes the survey. */
export function advance(
  survey: SurveyDefinition,
  state: QuestionScreen,
  before: Reply[],
  effects: Effect[],
): SurveyRendered {
  const next = nextQuestion(survey, state.answers, state.skipped);
  if (!next) return finishSurvey(survey, state, before, effects);
  const shown: QuestionScreen = { ...state, questionId: next.id, misses: 0, unitChoices: undefined, picked: undefined };
  return { replies: [...before, questionReply(survey, shown, next)], screen: shown, effects };
}

function finishSurvey(
  survey: SurveyDefinition,
  state: QuestionScreen,
  before: Reply[],
  effects: Effect[],
): SurveyRendered {
  const hidden = hiddenAnswered(survey, state.answers);
  const finalEffects: Effect[] = [...effects];
  if (hidden.length > 0)
    finalEffects.push({ type: "delete_answers", responseId: state.responseId, questionIds: hidden });
  finalEffects.push({ type: "finish_response", responseId: state.responseId, status: "completed" });
  const quiz = survey.questions.filter(
    (q): q is Extract<Question, { type: "quiz" }> => q.type === "quiz" && q.id in state.answers,
  );
  const right = quiz.filter((q) => isCorrect(q, state.answers[q.id]!)).length;
  const score = quiz.length > 0 ? `\n${m.quizScore(right, quiz.length)}` : "";
  return {
    replies: [...before, { text: `${survey.outro}${score}`, options: [homeOption] }],
    screen: { kind: "menu" },
    effects: finalEffects,
  };
}

/** A quiz answer is final once its answer has been revealed: "back" never returns to it. */
export function isFinal(survey: SurveyDefinition, questionId: string): boolean {
  return survey.questions.find((q) => q.id === questionId)?.type === "quiz";
}

/** The question "back" returns to: the last one answered or skipped that may still be changed. */
export function backTarget(survey: SurveyDefinition, state: QuestionScreen): string | null {
  return state.history.findLast((id) => !isFinal(survey, id)) ?? null;
}

/**
 * "Câu k/n" when every question is always asked (the total cannot change), else "Câu k": a total that grows with
 * the answers made the counter jump (1/7 → 2/8 → 5/9). k counts the earlier questions answered or skipped, so it
 * goes up by one with each step forward.
 */
export function questionHeading(survey: SurveyDefinition, state: QuestionScreen, question: Question): string {
  const index = survey.questions.indexOf(question);
  const position =
    survey.questions.filter((q, i) => i < index && q.id !== question.id && state.history.includes(q.id)).length + 1;
  const asked = survey.questions.filter((q) => !state.skipped.includes(q.id) || state.history.includes(q.id));
  const fixed = survey.questions.every((q) => !q.showIf);
  return m.questionNumber(position, fixed ? asked.length : null);
}

export function isMultiple(question: Question): boolean {
  return question.type === "multi" || (question.type === "quiz" && question.correct.length > 1);
}

export function questionReply(
  survey: SurveyDefinition,
  state: QuestionScreen,
  question: Question,
  prefix?: string,
): Reply {
  const heading = `${questionHeading(survey, state, question)}${question.required ? "" : ` ${m.optional}`}`;
  const multiple = isMultiple(question);
  const picked = state.picked ?? [];
  const options: ReplyOption[] = (questionOptions(question) ?? []).map((o) => ({
    label: optionLabel(multiple && picked.includes(o.code) ? `✓ ${o.label}` : o.label),
    value: answerValue(o.code),
  }));
  if (multiple) options.push({ label: m.done, value: surveyValues.done });
  const lines = [heading, question.text];
  if (multiple) lines.push(m.multiHint);
  if (question.type === "number") lines.push(m.numberHint(question.min, question.max));
  const current = state.answers[question.id];
  if (current && !(multiple && state.picked)) lines.push(m.previousAnswer(describeAnswer(question, current)));
  return {
    text: [prefix, ...lines].filter(Boolean).join("\n"),
    options: [...options, ...navigation(survey, question, state)],
  };
}

function navigation(survey: SurveyDefinition, question: Question, state: QuestionScreen): ReplyOption[] {
  const options: ReplyOption[] = [];
  if (backTarget(survey, state) !== null) options.push({ label: m.back, value: surveyValues.back });
  if (!question.required) options.push({ label: m.skip, value: surveyValues.skip });
  if (state.misses >= MAX_MISSES) options.push({ label: m.stop, value: surveyValues.stop });
  return options;
}

export function reprompt(
  survey: SurveyDefinition,
  state: QuestionScreen,
  question: Question,
  reason: string | null,
): SurveyRendered {
  const shown: QuestionScreen = { ...state, misses: state.misses + 1 };
  const accepted = (questionOptions(question) ?? []).map((o, i) => `${i + 1}. ${o.label}`).join("; ");
  let hint: string;
  if (question.type === "number") hint = m.reprompt.number(question.min, question.max);
  else if (question.type === "text")
    hint = reason === "too_long" ? m.reprompt.text(question.maxLength) : m.reprompt.emptyText;
  else if (question.type === "unit") hint = reason === "too_long" ? m.reprompt.unitTooLong : m.reprompt.unitNotFound;
  else if (reason === "final") hint = m.reprompt.final;
  else if (reason === "too_many" && question.type === "multi") hint = m.reprompt.tooMany(question.maxSelected ?? 0);
  else if (reason === "none_picked") hint = m.reprompt.nonePicked;
  else if (isMultiple(question)) hint = m.reprompt.multi(accepted);
  else hint = m.reprompt.choice(accepted);
  if (shown.misses >= MAX_MISSES)
    hint += `\n${question.required ? m.tooManyMisses.required : m.tooManyMisses.optional}`;
  return { replies: [questionReply(survey, shown, question, hint)], screen: shown, effects: [] };
}

export function review(survey: SurveyDefinition, answers: Answers): string {
  const lines = survey.questions
    .filter((q) => q.id in answers)
    .map((q) => `• ${q.text}\n  → ${describeAnswer(q, answers[q.id]!)}`);
  return lines.length > 0 ? lines.join("\n") : m.noAnswers;
}

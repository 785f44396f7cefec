// Which question comes next: show-if conditions evaluated on the answers given so far.
import type { AnswerValue } from "../../surveys/schema";
import type { Condition, Question, SurveyDefinition } from "../../surveys/schema";

export type Answers = Record<string, AnswerValue>;

export function conditionHolds(condition: Condition, answers: Answers): boolean {
  if ("all" in condition) return condition.all.every((c) => conditionHolds(c, answers));
  if ("any" in condition) return condition.any.some((c) => conditionHolds(c, answers));
  const answer = answers[condition.question];
  if (!answer) return false;
  if (answer.kind === "options") return answer.codes.some((c) => condition.in.includes(c));
  if (answer.kind === "unit") return condition.in.includes(answer.code);
  return condition.in.includes(String(answer.value));
}

export function isVisible(question: Question, answers: Answers): boolean {
  return !question.showIf || conditionHolds(question.showIf, answers);
}

/** The first visible question after `afterId` (or from the start) that has no answer yet, or null when done. */
export function nextQuestion(survey: SurveyDefinition, answers: Answers, skipped: string[]): Question | null {
  return survey.questions.find((q) => isVisible(q, answers) && !(q.id in answers) && !skipped.includes(q.id)) ?? null;
}

/** Answers to questions that the final answers hide: they must not be stored. */
export function hiddenAnswered(survey: SurveyDefinition, answers: Answers): string[] {
  return survey.questions.filter((q) => q.id in answers && !isVisible(q, answers)).map((q) => q.id);
}

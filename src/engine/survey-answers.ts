// One message while a survey question is showing: back, skip, stop, a tick on a multiple-choice option, or an
// answer, which is checked, stored (as an effect) and, for a quiz, revealed. A revealed quiz answer is final.
import type { AnswerValue } from "../../surveys/schema";
import { foldText } from "../text/vietnamese";
import type { Effect } from "./effects";
import { parseAnswer, isCorrect } from "./parse-answer";
import type { Reply } from "./replies";
import {
  type QuestionScreen,
  RESPONSE_EXPIRY_MS,
  type SurveyContext,
  type SurveyRendered,
  menuAfter,
} from "./survey-context";
import { hiddenAnswered } from "./survey-flow";
import { surveyMessages as m } from "./survey-messages";
import { homeOption } from "./menu";
import {
  MAX_MISSES,
  advance,
  backTarget,
  isFinal,
  isMultiple,
  questionHeading,
  questionReply,
  reprompt,
} from "./survey-questions";
import { resolveUnit } from "./survey-units";
import { surveyValues } from "./survey-values";

export async function answerQuestion(state: QuestionScreen, text: string, ctx: SurveyContext): Promise<SurveyRendered> {
  const survey = ctx.deps.surveys.definition(state.key);
  const question =
    survey?.version === state.version ? survey.questions.find((q) => q.id === state.questionId) : undefined;
  if (!survey || !question) return menuAfter(m.unknownSurvey);
  const now = ctx.deps.now();
  if (now.getTime() - Date.parse(state.lastActivity) > RESPONSE_EXPIRY_MS) {
    return {
      replies: [{ text: m.expired, options: [{ label: m.restart, value: surveyValues.restart }, homeOption] }],
      screen: {
        kind: "survey_existing",
        key: state.key,
        waveId: state.waveId,
        responseId: state.responseId,
        status: "expired",
      },
      effects: [{ type: "finish_response", responseId: state.responseId, status: "expired" }],
    };
  }
  const fresh = { ...state, lastActivity: now.toISOString() };
  const folded = foldText(text).trim();

  if (text === surveyValues.back || folded === "quay lai" || folded === "back") {
    const previous = backTarget(survey, fresh);
    if (!previous) {
      // Only revealed quiz answers lie behind: they are final, so the question stays.
      const final = fresh.history.length > 0 ? m.reprompt.final : null;
      return { replies: [questionReply(survey, fresh, question, final ?? undefined)], screen: fresh, effects: [] };
    }
    const target = survey.questions.find((q) => q.id === previous)!;
    const shown: QuestionScreen = {
      ...fresh,
      questionId: previous,
      // Later steps are undone, except revealed quiz answers: they stay answered and are not asked again.
      history: fresh.history.filter((id, i) => i < fresh.history.lastIndexOf(previous) || isFinal(survey, id)),
      misses: 0,
      unitChoices: undefined,
      picked: undefined,
    };
    return { replies: [questionReply(survey, shown, target)], screen: shown, effects: [] };
  }
  if ((text === surveyValues.skip || folded === "bo qua") && !question.required) {
    return advance(
      survey,
      { ...fresh, skipped: [...fresh.skipped, question.id], history: [...fresh.history, question.id] },
      [],
      [],
    );
  }
  if (text === surveyValues.stop || (folded === "dung" && fresh.misses >= MAX_MISSES)) {
    return menuAfter(m.stopped, [{ type: "finish_response", responseId: fresh.responseId, status: "stopped" }]);
  }
  // The answer to a quiz question already revealed cannot be sent again (an old button, a replayed message).
  if (isFinal(survey, question.id) && question.id in fresh.answers) return advance(survey, fresh, [], []);

  let value: AnswerValue | null = null;
  if (question.type === "unit") {
    const resolved = await resolveUnit(question, fresh, text, ctx);
    if ("rendered" in resolved) return resolved.rendered;
    value = resolved.value;
  } else if (isMultiple(question) && (text.startsWith("a:") || text === surveyValues.done || folded === "xong")) {
    // Tapping an option ticks or unticks it; "Xong" ends the question with what is ticked.
    if (text.startsWith("a:")) {
      const parsed = parseAnswer(question, text);
      if (!parsed.ok || parsed.value.kind !== "options") return reprompt(survey, fresh, question, "invalid");
      const code = parsed.value.codes[0]!;
      const picked = fresh.picked ?? [];
      const next = picked.includes(code) ? picked.filter((c) => c !== code) : [...picked, code];
      if (question.type === "multi" && question.maxSelected && next.length > question.maxSelected)
        return reprompt(survey, fresh, question, "too_many");
      const shown: QuestionScreen = { ...fresh, picked: next };
      return { replies: [questionReply(survey, shown, question)], screen: shown, effects: [] };
    }
    const picked = fresh.picked ?? [];
    if (picked.length === 0) {
      if (!question.required)
        return advance(
          survey,
          { ...fresh, skipped: [...fresh.skipped, question.id], history: [...fresh.history, question.id] },
          [],
          [],
        );
      return reprompt(survey, fresh, question, "none_picked");
    }
    const parsed = parseAnswer(question, picked.map((c) => `a:${c}`).join(" "));
    if (!parsed.ok) return reprompt(survey, fresh, question, parsed.reason);
    value = parsed.value;
  } else {
    const parsed = parseAnswer(question, text);
    if (!parsed.ok) return reprompt(survey, fresh, question, parsed.reason);
    value = parsed.value;
  }

  const correct = isCorrect(question, value);
  const answers = { ...fresh.answers, [question.id]: value };
  // A changed answer can hide later questions: drop their answers now so nothing hidden is ever kept.
  const nowHidden = hiddenAnswered(survey, answers);
  for (const id of nowHidden) delete answers[id];
  const effects: Effect[] = [
    { type: "save_answer", responseId: fresh.responseId, questionId: question.id, value, correct },
  ];
  if (nowHidden.length > 0)
    effects.push({ type: "delete_answers", responseId: fresh.responseId, questionIds: nowHidden });
  const before: Reply[] = [];
  if (question.type === "quiz") {
    const citation = `Điều ${question.citation.article} ${question.citation.document}`;
    const right = question.options
      .filter((o) => question.correct.includes(o.code))
      .map((o) => o.label)
      .join(", ");
    // The reveal names the question it is about: the next question's number follows in the next reply.
    const heading = questionHeading(survey, fresh, question);
    before.push({
      text: correct
        ? m.quizRight(heading, question.explanation, citation)
        : m.quizWrong(heading, right, question.explanation, citation),
    });
  }
  const history = [...fresh.history.filter((id) => id !== question.id && !nowHidden.includes(id)), question.id];
  return advance(
    survey,
    { ...fresh, answers, history, skipped: fresh.skipped.filter((id) => id !== question.id) },
    before,
    effects,
  );
}

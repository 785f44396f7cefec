// A unit question's answer: the commune (or province) a person names, possibly by its name before the 2025
// mergers. One clear match is the answer; several are offered as a pick-list that names each one's province.
import type { AnswerValue, Question } from "../../surveys/schema";
import { withinBudget } from "./input-budget";
import { optionLabel } from "./option-label";
import type { UnitChoice } from "./ports";
import type { QuestionScreen, SurveyContext, SurveyRendered } from "./survey-context";
import { surveyMessages as m } from "./survey-messages";
import { questionReply, reprompt } from "./survey-questions";

const MAX_CHOICES = 6;

/** "Xã Yên Định (Tỉnh Bắc Ninh) — trước đây: Xã Yên Định, Tỉnh Bắc Giang": the province tells same names apart. */
export function unitChoiceLabel(choice: UnitChoice): string {
  const place = choice.province ? `${choice.name} (${choice.province})` : choice.name;
  return optionLabel(choice.formerly ? `${place} — ${m.formerly(choice.formerly)}` : place, 100);
}

export async function resolveUnit(
  question: Extract<Question, { type: "unit" }>,
  state: QuestionScreen,
  text: string,
  ctx: SurveyContext,
): Promise<{ value: AnswerValue } | { rendered: SurveyRendered }> {
  if (text.startsWith("u:") && state.unitChoices) {
    const picked = state.unitChoices.find((u) => u.code === text.slice(2));
    if (picked) return { value: { kind: "unit", code: picked.code, name: picked.name } };
  }
  const survey = ctx.deps.surveys.definition(state.key)!;
  if (text.trim().length < 2 || text.startsWith("a:") || text.startsWith("s:") || text.startsWith("u:"))
    return { rendered: reprompt(survey, state, question, "unit") };
  // Checked before the lookup: a 4,096-character "name" costs a search over every word of it.
  if (!withinBudget("unit", text)) return { rendered: reprompt(survey, state, question, "too_long") };
  const matches = await ctx.deps.surveys.findUnits(text, question.level);
  const exact = matches.filter((u) => u.exact);
  // One name, or one that alone fits best what else was written ("phường …", "…, Hà Nội"): that is the place.
  const bestFit = Math.max(-1, ...exact.map((u) => u.fit));
  const best = exact.filter((u) => u.fit === bestFit);
  if (best.length === 1 && (exact.length === 1 || bestFit > 0))
    return { value: { kind: "unit", code: best[0]!.code, name: best[0]!.name } };
  const choices = (exact.length > 0 ? exact : matches).slice(0, MAX_CHOICES);
  if (choices.length === 0) return { rendered: reprompt(survey, state, question, "unit") };
  const shown: QuestionScreen = { ...state, unitChoices: choices.map((c) => ({ code: c.code, name: c.name })) };
  const navigation = (questionReply(survey, shown, question).options ?? []).filter((o) => o.value.startsWith("s:"));
  return {
    rendered: {
      replies: [
        {
          text: m.reprompt.unitPick,
          options: [...choices.map((c) => ({ label: unitChoiceLabel(c), value: `u:${c.code}` })), ...navigation],
        },
      ],
      screen: shown,
      effects: [],
    },
  };
}

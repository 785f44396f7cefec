// Surveys in the conversation: which surveys are open, starting one (age group, consent), resuming, reviewing,
// and routing each message on a survey screen to the step it belongs to. Pure like the rest of the engine: it reads
// through deps and describes what to store as effects. The steps live in survey-consent, survey-answers,
// survey-questions and survey-units; withdrawal and erasure in privacy-commands.
import type { Effect } from "./effects";
import { homeOption } from "./menu";
import { optionLabel } from "./option-label";
import { answerEraseChoice } from "./privacy-commands";
import type { Screen } from "./session";
import { answerQuestion } from "./survey-answers";
import { ageScreen, answerAge, answerConsent } from "./survey-consent";
import {
  type QuestionScreen,
  RESPONSE_EXPIRY_MS,
  type SurveyContext,
  type SurveyRendered,
  menuAfter,
} from "./survey-context";
import { surveyMessages as m } from "./survey-messages";
import { advance, review } from "./survey-questions";
import { surveyValues } from "./survey-values";

export { RESPONSE_EXPIRY_MS, surveyValues, type SurveyContext, type SurveyRendered };

export async function listSurveys(ctx: SurveyContext): Promise<SurveyRendered> {
  const open = await ctx.deps.surveys.listOpen();
  if (open.length === 0) return menuAfter(m.noneOpen);
  return {
    replies: [
      {
        text: m.listTitle,
        options: [...open.map((s) => ({ label: optionLabel(s.title), value: surveyValues.start(s.key) })), homeOption],
      },
    ],
    screen: { kind: "surveys" },
    effects: [],
  };
}

export async function startSurvey(
  key: string,
  waveId: number | undefined,
  ctx: SurveyContext,
): Promise<SurveyRendered> {
  const survey = ctx.deps.surveys.definition(key);
  const wave = survey ? await ctx.deps.surveys.openWave(key, waveId) : null;
  if (!survey || !wave) return menuAfter(m.unknownSurvey);
  const existing = await ctx.deps.surveys.existingResponse(ctx.contactId, wave.id);
  if (!existing) return ageScreen(survey, wave.id);

  // An unfinished response to an older version of the survey is started again on the current one.
  const expired =
    existing.status === "expired" ||
    (existing.status !== "completed" &&
      (ctx.deps.now().getTime() - existing.lastActivityAt.getTime() > RESPONSE_EXPIRY_MS ||
        existing.surveyVersion !== survey.version));
  if (expired) {
    const effects: Effect[] =
      existing.status === "expired" ? [] : [{ type: "finish_response", responseId: existing.id, status: "expired" }];
    return {
      replies: [{ text: m.expired, options: [{ label: m.restart, value: surveyValues.restart }, homeOption] }],
      screen: { kind: "survey_existing", key, waveId: wave.id, responseId: existing.id, status: "expired" },
      effects,
    };
  }
  if (existing.status === "completed") {
    return {
      replies: [{ text: `${m.alreadyDone(survey.title)}\n${review(survey, existing.answers)}`, options: [homeOption] }],
      screen: { kind: "menu" },
      effects: [],
    };
  }
  return {
    replies: [
      {
        text: m.inProgress(survey.title),
        options: [
          { label: m.continue, value: surveyValues.resume },
          { label: m.review, value: surveyValues.review },
          homeOption,
        ],
      },
    ],
    screen: { kind: "survey_existing", key, waveId: wave.id, responseId: existing.id, status: existing.status },
    effects: [],
  };
}

/** Handles a message while a survey screen is showing; null means "not for the survey" (a global command). */
export async function continueSurvey(screen: Screen, text: string, ctx: SurveyContext): Promise<SurveyRendered | null> {
  switch (screen.kind) {
    case "survey_age":
      return answerAge(screen, text, ctx);
    case "survey_consent":
      return answerConsent(screen, text, ctx);
    case "survey_existing":
      return answerExisting(screen, text, ctx);
    case "survey_question":
      return answerQuestion(screen, text, ctx);
    case "erase_choice":
      return answerEraseChoice(text);
    default:
      return null;
  }
}

async function answerExisting(
  screen: Extract<Screen, { kind: "survey_existing" }>,
  text: string,
  ctx: SurveyContext,
): Promise<SurveyRendered | null> {
  const survey = ctx.deps.surveys.definition(screen.key);
  if (!survey) return menuAfter(m.unknownSurvey);
  if (text === surveyValues.restart && screen.status === "expired") {
    const wave = await ctx.deps.surveys.openWave(screen.key, screen.waveId);
    if (!wave) return menuAfter(m.unknownSurvey);
    return ageScreen(survey, wave.id, screen.responseId);
  }
  if (screen.status === "expired") return null;
  const existing = await ctx.deps.surveys.existingResponse(ctx.contactId, screen.waveId);
  if (!existing || existing.id !== screen.responseId) return menuAfter(m.unknownSurvey);
  if (text === surveyValues.review) {
    return {
      replies: [
        {
          text: review(survey, existing.answers),
          options: [{ label: m.continue, value: surveyValues.resume }, homeOption],
        },
      ],
      screen,
      effects: [],
    };
  }
  if (text !== surveyValues.resume) return null;
  const state: QuestionScreen = {
    kind: "survey_question",
    key: survey.key,
    version: survey.version,
    waveId: screen.waveId,
    responseId: existing.id,
    questionId: "",
    answers: existing.answers,
    skipped: [],
    history: survey.questions.filter((q) => q.id in existing.answers).map((q) => q.id),
    misses: 0,
    lastActivity: ctx.deps.now().toISOString(),
  };
  return advance(survey, state, [], [{ type: "resume_response", responseId: existing.id }]);
}

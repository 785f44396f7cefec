// Before any answer: the age group (an under-16's data rights belong to the legal representative, Law 91/2025
// art. 24, so a child takes a survey anonymously or not at all, as the definition says), then informed consent.
import type { SurveyDefinition } from "../../surveys/schema";
import { foldText } from "../text/vietnamese";
import type { Effect } from "./effects";
import { type QuestionScreen, type SurveyContext, type SurveyRendered, menuAfter } from "./survey-context";
import { surveyMessages as m } from "./survey-messages";
import { advance } from "./survey-questions";
import { surveyValues } from "./survey-values";
import type { Screen } from "./session";

/** A short, stable label for the wording of a consent text (FNV-1a, 64-bit). */
export function consentVersion(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return `v-${hash.toString(16).padStart(16, "0")}`;
}

export function consentText(survey: SurveyDefinition, controller: string, anonymous = false): string {
  const asked = anonymous ? survey.questions.filter((q) => !isIdentifying(q)) : survey.questions;
  const sensitive = [...new Set(asked.flatMap((q) => (q.sensitive ? [q.sensitive] : [])))];
  return m.consent({
    title: survey.title,
    purpose: survey.purpose,
    controller,
    collected: survey.collects,
    sensitive,
    anonymous,
  });
}

/** Questions that could point to a person (where they live, their age or gender): never asked of a child. */
export function isIdentifying(question: SurveyDefinition["questions"][number]): boolean {
  return question.type === "unit" || question.identifying === true;
}

export function ageScreen(survey: SurveyDefinition, waveId: number, replaces?: string): SurveyRendered {
  return {
    replies: [
      {
        text: m.age.question(survey.title),
        options: [
          { label: m.age.minor, value: surveyValues.ageMinor },
          { label: m.age.adult, value: surveyValues.ageAdult },
        ],
      },
    ],
    screen: { kind: "survey_age", key: survey.key, version: survey.version, waveId, ...(replaces ? { replaces } : {}) },
    effects: [],
  };
}

export async function answerAge(
  screen: Extract<Screen, { kind: "survey_age" }>,
  text: string,
  ctx: SurveyContext,
): Promise<SurveyRendered> {
  const opened = await surveyStillOpen(screen, ctx);
  if (!opened) return menuAfter(m.unknownSurvey);
  const { survey, wave } = opened;
  const folded = foldText(text).replace(/\s+/g, " ").trim();
  const minor = text === surveyValues.ageMinor || /^duoi 16( tuoi)?$/.test(folded);
  const adult = text === surveyValues.ageAdult || /^(tu )?(du )?16 tuoi( tro len)?$|^tren 16/.test(folded);
  if (!minor && !adult) {
    const shown = ageScreen(survey, wave.id, screen.replaces);
    return { ...shown, replies: [{ text: m.age.prompt, options: shown.replies[0]!.options }] };
  }
  if (minor && survey.minors === "excluded") return menuAfter(m.age.excluded);
  return consentScreen(survey, wave.id, wave.controller, minor, screen.replaces);
}

export function consentScreen(
  survey: SurveyDefinition,
  waveId: number,
  controller: string,
  anonymous: boolean,
  replaces?: string,
): SurveyRendered {
  return {
    replies: [
      {
        text: consentText(survey, controller, anonymous),
        options: [
          { label: m.agree, value: surveyValues.agree },
          { label: m.disagree, value: surveyValues.disagree },
        ],
      },
    ],
    screen: {
      kind: "survey_consent",
      key: survey.key,
      version: survey.version,
      waveId,
      ...(replaces ? { replaces } : {}),
      ...(anonymous ? { anonymous } : {}),
    },
    effects: [],
  };
}

export async function answerConsent(
  screen: Extract<Screen, { kind: "survey_consent" }>,
  text: string,
  ctx: SurveyContext,
): Promise<SurveyRendered> {
  const opened = await surveyStillOpen(screen, ctx);
  if (!opened) return menuAfter(m.unknownSurvey);
  const { survey, wave } = opened;
  const anonymous = screen.anonymous === true;
  const choice = foldText(text).trim();
  if (text === surveyValues.disagree || choice === "khong dong y" || choice === "khong") return menuAfter(m.declined);
  if (text !== surveyValues.agree && choice !== "dong y" && choice !== "co") {
    const shown = consentScreen(survey, wave.id, wave.controller, anonymous, screen.replaces);
    return { ...shown, replies: [{ text: m.consentPrompt, options: shown.replies[0]!.options }] };
  }
  const words = consentText(survey, wave.controller, anonymous);
  const responseId = ctx.deps.newId();
  const start: Effect = {
    type: "start_response",
    responseId,
    consentId: ctx.deps.newId(),
    surveyKey: survey.key,
    surveyVersion: survey.version,
    waveId: wave.id,
    consentText: words,
    consentVersion: consentVersion(words),
    ...(screen.replaces && !anonymous ? { replaces: screen.replaces } : {}),
    ...(anonymous ? { anonymous } : {}),
  };
  // A child's identifying questions are never asked: they count as skipped from the start.
  const skipped = anonymous ? survey.questions.filter(isIdentifying).map((q) => q.id) : [];
  const state: QuestionScreen = {
    kind: "survey_question",
    key: survey.key,
    version: survey.version,
    waveId: wave.id,
    responseId,
    questionId: "",
    answers: {},
    skipped,
    history: [],
    misses: 0,
    lastActivity: ctx.deps.now().toISOString(),
    ...(anonymous ? { anonymous } : {}),
  };
  return advance(survey, state, [{ text: survey.intro }], [start]);
}

/** The survey a pre-question screen was shown for, and its wave, while both still hold (same version, wave open). */
async function surveyStillOpen(screen: { key: string; version: number; waveId: number }, ctx: SurveyContext) {
  const survey = ctx.deps.surveys.definition(screen.key);
  const wave = survey ? await ctx.deps.surveys.openWave(screen.key, screen.waveId) : null;
  return survey && wave && survey.version === screen.version ? { survey, wave } : null;
}

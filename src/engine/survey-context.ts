// What the survey screens share: the context a turn runs in, the shape of what they return, and the way out.
import type { Effect } from "./effects";
import { homeOption } from "./menu";
import type { EngineDeps } from "./ports";
import type { Reply } from "./replies";
import type { Screen } from "./session";

export interface SurveyRendered {
  replies: Reply[];
  screen: Screen;
  effects: Effect[];
}

export interface SurveyContext {
  contactId: string;
  deps: EngineDeps;
}

export type QuestionScreen = Extract<Screen, { kind: "survey_question" }>;

/** An abandoned response expires after this long without an answer. */
export const RESPONSE_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;

export function menuAfter(text: string, effects: Effect[] = []): SurveyRendered {
  return { replies: [{ text, options: [homeOption] }], screen: { kind: "menu" }, effects };
}

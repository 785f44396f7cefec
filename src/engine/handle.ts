// The conversation core: one inbound message and the stored session in, replies and the next session out.
// Pure apart from the content it reads through `deps`; no HTTP, database or chat-library type reaches here.
import { questionOptions } from "../../surveys/schema";
import { foldText, normalizeText } from "../text/vietnamese";
import { openArticle, parseArticleRequest } from "./article-command";
import { renderArticle, renderArticles, renderDocuments, renderTopics } from "./browse";
import { isStopWord, parseCommand, type Command } from "./commands";
import type { Effect } from "./effects";
import { renderLesson, renderLessons } from "./lessons";
import { homeOption, menuOptions, renderMenu } from "./menu";
import { messages } from "./messages";
import type { EngineDeps } from "./ports";
import { eraseChoiceReprompt, eraseCommand, parseEraseCommand } from "./privacy-commands";
import { answerQuestion, parseQaValue, qaAction } from "./qa-dialogue";
import type { Rendered } from "./rendered";
import type { Reply } from "./replies";
import { search } from "./search";
import { SESSION_VERSION, type Screen, type Session } from "./session";
import { parseSmallTalk } from "./small-talk";
import { optOut, subscriptionTurn } from "./subscription-dialogue";
import { isOptOutWord, spellsLabel } from "./subscription-words";
import { surveyMessages } from "./survey-messages";
import { continueSurvey, listSurveys, startSurvey, type SurveyContext } from "./survey-runner";

export interface Inbound {
  /** What the person typed, or the value of the option they chose. */
  text: string;
  /** The contact writing (surveys keep one response per contact and wave). */
  contactId: string;
}

export interface EngineResult {
  replies: Reply[];
  session: Session;
  /** What to record in the ledger, in the same transaction as the session. */
  effects: Effect[];
}

const SURVEY_SCREENS = new Set<Screen["kind"]>([
  "survey_consent",
  "survey_existing",
  "survey_age",
  "survey_question",
  "erase_choice",
]);

export async function handle(inbound: Inbound, session: Session, deps: EngineDeps): Promise<EngineResult> {
  const text = normalizeText(inbound.text).trim();
  if (text.length === 0) return finish(renderMenu([messages.emptyMessage]));
  const survey: SurveyContext = { contactId: inbound.contactId, deps };

  // Withdrawing consent or deleting one's data works from anywhere, on every channel.
  const erase = parseEraseCommand(text);
  if (erase) return finish(eraseCommand(erase));

  // Stop words opt out of every message from anywhere, unless they answer the survey question on screen.
  if (isOptOutWord(text) && !answersQuestion(text, session, deps))
    return finish(await optOut(session, inbound.contactId, deps));

  // A bare number picks from the options last shown (Zalo personal shows them as a numbered list), except where
  // the number is itself the answer (a number or free-text survey question).
  let value = text;
  if (/^\d{1,2}$/.test(text) && session.options.length > 0 && !typedAnswerExpected(session, deps)) {
    const option = session.options[Number(text) - 1];
    // In a survey a wrong number is a wrong answer: the survey re-prompts and counts it.
    if (option === undefined && !SURVEY_SCREENS.has(session.screen.kind)) {
      return { replies: [{ text: messages.unknownChoice(session.options.length), options: [] }], session, effects: [] };
    }
    value = option ?? text;
  } else if (session.labels && !SURVEY_SCREENS.has(session.screen.kind)) {
    // An option's text typed out ("bai pho bien phap luat" for "📖 Bài phổ biến pháp luật") picks it as well.
    // Surveys match labels themselves (a typed label is an answer there, where a picked value would toggle it).
    const key = optionKey(text);
    const index = key.length > 0 ? session.labels.indexOf(key) : -1;
    if (index >= 0 && session.options[index] !== undefined) value = session.options[index]!;
  }

  if (SURVEY_SCREENS.has(session.screen.kind)) {
    // "huỷ" stops a survey; "menu" and "giúp" leave it to be resumed later; anything else is for the survey.
    if (session.screen.kind === "survey_question" && isStopWord(value)) {
      return finish({
        replies: [{ text: surveyMessages.stopped, options: [homeOption] }],
        screen: { kind: "menu" },
        effects: [{ type: "finish_response", responseId: session.screen.responseId, status: "stopped" }],
      });
    }
    const command = parseCommand(value);
    if (command?.kind === "menu" || command?.kind === "help") return finish(await run(command, value, session, survey));
    const answered = await continueSurvey(session.screen, value, survey);
    if (answered) return finish(answered);
    if (session.screen.kind === "erase_choice" && command === null) return finish(eraseChoiceReprompt());
  }
  const subscription = await subscriptionTurn(value, session, inbound.contactId, deps);
  if (subscription) return finish(subscription);
  const qa = parseQaValue(value);
  if (qa) return finish(await qaAction(qa, session, inbound.contactId, deps));
  const command = parseCommand(value);
  if (command === null) {
    const article = parseArticleRequest(value);
    if (article) return finish(await openArticle(article, value, session, deps));
    const smallTalk = parseSmallTalk(value);
    if (smallTalk) return finish(renderMenu([messages.smallTalk[smallTalk]]));
  }
  return finish(await run(command, value, session, survey));
}

/**
 * A stop word is an answer when the question on screen has an option spelled that way ("Đúng" typed as "dung"):
 * there the person is answering. On any other question (free text, a number, a commune) it stops.
 */
function answersQuestion(text: string, session: Session, deps: EngineDeps): boolean {
  const screen = session.screen;
  if (screen.kind !== "survey_question") return false;
  const question = deps.surveys.definition(screen.key)?.questions.find((q) => q.id === screen.questionId);
  const options = question ? questionOptions(question) : null;
  return options?.some((o) => spellsLabel(text, o.label) || spellsLabel(text, o.code)) ?? false;
}

/** On a number or text question a typed number is the answer, not a pick from the buttons. */
function typedAnswerExpected(session: Session, deps: EngineDeps): boolean {
  const screen = session.screen;
  if (screen.kind !== "survey_question") return false;
  const question = deps.surveys.definition(screen.key)?.questions.find((q) => q.id === screen.questionId);
  return question?.type === "number" || question?.type === "text" || (question?.type === "unit" && !screen.unitChoices);
}

/** What a label and a typed text are compared on: folded, emoji and punctuation dropped ("…" of a cut label too). */
export function optionKey(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .slice(0, 200);
}

function finish(rendered: Rendered): EngineResult {
  const last = rendered.replies.at(-1);
  const shown = (last?.options ?? []).slice(0, 20);
  const options = shown.map((o) => o.value);
  const labels = shown.map((o) => optionKey(o.label));
  return {
    replies: rendered.replies,
    session: { version: SESSION_VERSION, screen: rendered.screen, options, ...(options.length > 0 ? { labels } : {}) },
    effects: rendered.effects ?? [],
  };
}

async function run(command: Command | null, text: string, session: Session, survey: SurveyContext): Promise<Rendered> {
  const deps = survey.deps;
  // Free text is a question, except on the explicit search screen, where it stays a keyword search.
  if (command === null)
    return session.screen.kind === "search_prompt" ? search(text, 1, deps) : answerQuestion(text, deps);
  const home = homeOption;
  switch (command.kind) {
    case "surveys":
      return listSurveys(survey);
    case "survey_start":
      return startSurvey(command.key, command.waveId, survey);
    case "menu":
      return renderMenu([messages.welcome]);
    case "help":
      return { replies: [{ text: messages.help, options: menuOptions() }], screen: { kind: "help" } };
    case "topics":
      return renderTopics(deps);
    case "topic":
      return renderDocuments(command.topicId, command.page, deps);
    case "document":
      return renderArticles(command.documentId, command.page, deps);
    case "article":
      return renderArticle(command.articleId, deps);
    case "lessons":
      return renderLessons(command.page, deps);
    case "lesson":
      return renderLesson(command.lessonId, deps);
    case "search_prompt":
      return {
        replies: [{ text: messages.searchPrompt, options: [home] }],
        screen: { kind: "search_prompt" },
      };
    case "search_page":
      return session.screen.kind === "search_results"
        ? search(session.screen.query, command.page, deps)
        : run({ kind: "search_prompt" }, text, session, survey);
  }
}

// The conversation core: one inbound message and the stored session in, replies and the next session out.
// Pure apart from the content it reads through `deps`; no HTTP, database or chat-library type reaches here.
import { normalizeText } from "../text/vietnamese";
import { commandValues, isStopWord, parseCommand, type Command } from "./commands";
import type { Effect } from "./effects";
import { messages } from "./messages";
import type { EngineDeps, Page } from "./ports";
import type { Reply, ReplyOption } from "./replies";
import { SESSION_VERSION, type Screen, type Session } from "./session";
import { surveyMessages } from "./survey-messages";
import {
  continueSurvey,
  eraseChoiceReprompt,
  eraseCommand,
  listSurveys,
  parseEraseCommand,
  startSurvey,
  surveyValues,
  type SurveyContext,
} from "./survey-runner";

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

export const PAGE_SIZE = 10;
export const MAX_SEARCH_LENGTH = 200;
const MAX_LABEL = 64;

interface Rendered {
  replies: Reply[];
  screen: Screen;
  effects?: Effect[];
}

const SURVEY_SCREENS = new Set<Screen["kind"]>([
  "survey_consent",
  "survey_existing",
  "survey_question",
  "erase_choice",
]);

export async function handle(inbound: Inbound, session: Session, deps: EngineDeps): Promise<EngineResult> {
  const text = normalizeText(inbound.text).trim();
  if (text.length === 0) return finish(await renderMenu([messages.emptyMessage]));
  const survey: SurveyContext = { contactId: inbound.contactId, deps };

  // Withdrawing consent or deleting one's data works from anywhere, on every channel.
  const erase = parseEraseCommand(text);
  if (erase) return finish(eraseCommand(erase));

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
  }

  if (SURVEY_SCREENS.has(session.screen.kind)) {
    // "huỷ" stops a survey; "menu" and "giúp" leave it to be resumed later; anything else is for the survey.
    if (session.screen.kind === "survey_question" && isStopWord(value)) {
      return finish({
        replies: [{ text: surveyMessages.stopped, options: [{ label: messages.home, value: commandValues.menu }] }],
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
  return finish(await run(parseCommand(value), value, session, survey));
}

/** On a number or text question a typed number is the answer, not a pick from the buttons. */
function typedAnswerExpected(session: Session, deps: EngineDeps): boolean {
  const screen = session.screen;
  if (screen.kind !== "survey_question") return false;
  const question = deps.surveys.definition(screen.key)?.questions.find((q) => q.id === screen.questionId);
  return question?.type === "number" || question?.type === "text" || (question?.type === "unit" && !screen.unitChoices);
}

function finish(rendered: Rendered): EngineResult {
  const last = rendered.replies.at(-1);
  const options = (last?.options ?? []).map((o) => o.value).slice(0, 20);
  return {
    replies: rendered.replies,
    session: { version: SESSION_VERSION, screen: rendered.screen, options },
    effects: rendered.effects ?? [],
  };
}

async function run(command: Command | null, text: string, session: Session, survey: SurveyContext): Promise<Rendered> {
  const deps = survey.deps;
  if (command === null) return search(text, 1, deps);
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
        replies: [{ text: messages.searchPrompt, options: [{ label: messages.home, value: commandValues.menu }] }],
        screen: { kind: "search_prompt" },
      };
    case "search_page":
      return session.screen.kind === "search_results"
        ? search(session.screen.query, command.page, deps)
        : run({ kind: "search_prompt" }, text, session, survey);
  }
}

function menuOptions(): ReplyOption[] {
  return [
    { label: messages.menu.browse, value: commandValues.topics },
    { label: messages.menu.lessons, value: commandValues.lessons() },
    { label: messages.menu.search, value: commandValues.searchPrompt },
    { label: surveyMessages.menuEntry, value: surveyValues.list },
    { label: messages.menu.help, value: commandValues.help },
  ];
}

async function renderMenu(preface: string[]): Promise<Rendered> {
  return {
    replies: [...preface.map((text) => ({ text })), { text: messages.menuPrompt, options: menuOptions() }],
    screen: { kind: "menu" },
  };
}

function notFound(): Rendered {
  return { replies: [{ text: messages.notFound, options: menuOptions() }], screen: { kind: "menu" } };
}

/** Previous/next page buttons around a paginated list. */
function pagingOptions(page: Page<unknown>, valueFor: (page: number) => string): ReplyOption[] {
  const options: ReplyOption[] = [];
  if (page.page > 1) options.push({ label: messages.previousPage, value: valueFor(page.page - 1) });
  if (page.page < page.pageCount) options.push({ label: messages.nextPage, value: valueFor(page.page + 1) });
  return options;
}

function pageSuffix(page: Page<unknown>): string {
  return page.pageCount > 1 ? ` ${messages.pageOf(page.page, page.pageCount)}` : "";
}

function truncate(text: string, max = MAX_LABEL): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const home: ReplyOption = { label: messages.home, value: commandValues.menu };

async function renderTopics(deps: EngineDeps): Promise<Rendered> {
  const topics = (await deps.content.listTopics()).filter((t) => t.documentCount > 0);
  if (topics.length === 0)
    return { replies: [{ text: messages.noTopics, options: [home] }], screen: { kind: "topics" } };
  return {
    replies: [
      {
        text: messages.topicsTitle,
        options: [
          ...topics
            .slice(0, 18)
            .map((t) => ({ label: truncate(`${t.name} (${t.documentCount})`), value: commandValues.topic(t.id) })),
          home,
        ],
      },
    ],
    screen: { kind: "topics" },
  };
}

async function renderDocuments(topicId: number, requestedPage: number, deps: EngineDeps): Promise<Rendered> {
  const topic = await deps.content.getTopic(topicId);
  if (!topic) return notFound();
  const page = await deps.content.listDocuments(topicId, requestedPage, PAGE_SIZE);
  if (page.total === 0) {
    return {
      replies: [{ text: messages.noDocuments, options: [{ label: messages.back, value: commandValues.topics }, home] }],
      screen: { kind: "documents", topicId, page: 1 },
    };
  }
  return {
    replies: [
      {
        text: messages.documentsTitle(topic.name) + pageSuffix(page),
        options: [
          ...page.items.map((d) => ({ label: truncate(d.title), value: commandValues.document(d.id) })),
          ...pagingOptions(page, (p) => commandValues.topic(topicId, p)),
          { label: messages.back, value: commandValues.topics },
          home,
        ],
      },
    ],
    screen: { kind: "documents", topicId, page: page.page },
  };
}

async function renderArticles(documentId: number, requestedPage: number, deps: EngineDeps): Promise<Rendered> {
  const document = await deps.content.getDocument(documentId);
  if (!document) return notFound();
  const page = await deps.content.listArticles(documentId, requestedPage, PAGE_SIZE);
  const back = document.topicId ? commandValues.topic(document.topicId) : commandValues.topics;
  return {
    replies: [
      {
        text: messages.articlesTitle(document.title, page.total) + pageSuffix(page),
        options: [
          ...page.items.map((a) => ({
            label: truncate(messages.articleHeading(a.number, a.title)),
            value: commandValues.article(a.id),
          })),
          ...pagingOptions(page, (p) => commandValues.document(documentId, p)),
          { label: messages.back, value: back },
          home,
        ],
      },
    ],
    screen: { kind: "articles", documentId, page: page.page },
  };
}

async function renderArticle(articleId: number, deps: EngineDeps): Promise<Rendered> {
  const article = await deps.content.getArticle(articleId);
  if (!article) return notFound();
  const options: ReplyOption[] = [];
  if (article.previousId !== null) {
    options.push({
      label: messages.previousArticle(previousNumber(article)),
      value: commandValues.article(article.previousId),
    });
  }
  if (article.nextId !== null) {
    options.push({ label: messages.nextArticle(nextNumber(article)), value: commandValues.article(article.nextId) });
  }
  options.push(
    {
      label: messages.articleListButton,
      value: commandValues.document(article.documentId, Math.ceil(article.position / PAGE_SIZE)),
    },
    home,
  );
  const parts = [article.documentTitle, messages.articleHeading(article.number, article.title), "", article.body];
  if (article.source) parts.push("", messages.sourceNote(article.source));
  return { replies: [{ text: parts.join("\n"), options }], screen: { kind: "article", articleId } };
}

// Article numbers are usually consecutive; the label only needs to hint at where the button goes.
function previousNumber(article: { number: string }): string {
  const n = Number.parseInt(article.number, 10);
  return Number.isFinite(n) && n > 1 ? String(n - 1) : "trước";
}
function nextNumber(article: { number: string }): string {
  const n = Number.parseInt(article.number, 10);
  return Number.isFinite(n) ? String(n + 1) : "sau";
}

async function renderLessons(requestedPage: number, deps: EngineDeps): Promise<Rendered> {
  const page = await deps.content.listLessons(requestedPage, PAGE_SIZE);
  if (page.total === 0)
    return { replies: [{ text: messages.noLessons, options: [home] }], screen: { kind: "lessons", page: 1 } };
  return {
    replies: [
      {
        text: messages.lessonsTitle + pageSuffix(page),
        options: [
          ...page.items.map((l) => ({ label: truncate(l.title), value: commandValues.lesson(l.id) })),
          ...pagingOptions(page, (p) => commandValues.lessons(p)),
          home,
        ],
      },
    ],
    screen: { kind: "lessons", page: page.page },
  };
}

async function renderLesson(lessonId: number, deps: EngineDeps): Promise<Rendered> {
  const lesson = await deps.content.getLesson(lessonId);
  if (!lesson) return notFound();
  const parts = [lesson.title, "", lesson.body];
  if (lesson.citations.length > 0) {
    parts.push("", messages.lessonCitations, ...lesson.citations.map((c) => `• Điều ${c.article} ${c.document}`));
  }
  const citationOptions = lesson.citations
    .filter((c) => c.articleId !== null)
    .slice(0, 5)
    .map((c) => ({
      label: truncate(messages.openCitation(c.document, c.article)),
      value: commandValues.article(c.articleId!),
    }));
  return {
    replies: [
      {
        text: parts.join("\n"),
        options: [...citationOptions, { label: messages.back, value: commandValues.lessons() }, home],
      },
    ],
    screen: { kind: "lesson", lessonId },
  };
}

async function search(rawQuery: string, requestedPage: number, deps: EngineDeps): Promise<Rendered> {
  const query = rawQuery.slice(0, MAX_SEARCH_LENGTH);
  const again = { label: messages.searchAgain, value: commandValues.searchPrompt };
  const page = await deps.content.search(query, requestedPage, PAGE_SIZE);
  if (page.total === 0) {
    const tooShort = !/[\p{L}\p{N}]{2,}/u.test(query);
    return {
      replies: [
        {
          text: tooShort ? messages.searchTooShort : messages.searchNoResults(query),
          options: [{ label: messages.menu.browse, value: commandValues.topics }, home],
        },
      ],
      screen: { kind: "search_prompt" },
    };
  }
  const lines = page.items.map(
    (hit, i) => `${(page.page - 1) * PAGE_SIZE + i + 1}. ${hit.title}${hit.context ? ` (${hit.context})` : ""}`,
  );
  return {
    replies: [
      {
        text: `${messages.searchResults(query, page.total)}${pageSuffix(page)}\n${lines.join("\n")}`,
        options: [
          ...page.items.map((hit) => ({
            label: truncate(hit.context ? `${hit.title} – ${hit.context}` : hit.title),
            value: hit.kind === "article" ? commandValues.article(hit.id) : commandValues.lesson(hit.id),
          })),
          ...pagingOptions(page, (p) => commandValues.searchPage(p)),
          again,
          home,
        ],
      },
    ],
    screen: { kind: "search_results", query, page: page.page },
  };
}

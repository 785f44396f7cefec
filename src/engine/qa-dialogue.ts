// A question in the citizen's own words: an approved answer with its legal basis, or the best articles cited with
// the sentence that matters; then "was this helpful?" and "Hỏi cán bộ tư pháp", which (after saying plainly what is
// sent and to whom) escalates the question to the responsible unit's officers. Pure: retrieval, routing and the
// feedback wave are read through deps; storing is described as effects.
import { questionOptions } from "../../surveys/schema";
import { cutToLength } from "../text/graphemes";
import { commandValues } from "./commands";
import type { Effect } from "./effects";
import { homeOption } from "./menu";
import { messages } from "./messages";
import { optionLabel } from "./option-label";
import type { ArticleMatch, EngineDeps, QaAnswer } from "./ports";
import type { Rendered } from "./rendered";
import type { ReplyOption } from "./replies";
import { QUESTION_MAX_LENGTH, type Screen, type Session } from "./session";

const m = messages.qa;
/** Articles shown for a question. */
const SHOWN = 3;
/** What retrieval is given: the start of a long question carries its subject. */
const RETRIEVAL_LENGTH = 300;
const FEEDBACK_SURVEY = "answer_feedback";
const FEEDBACK_QUESTION = "helpful";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** Option values of the dialogue (at most 64 characters, like every option value). */
export const qaValues = {
  askOfficer: "ask_officer",
  send: "ask_send",
  dontSend: "ask_cancel",
  rate: (code: string) => `fb:${code}`,
  /** A rating of an officer's answer, pushed days later: it names the question, since the session has moved on. */
  rateOfficer: (questionId: string, code: string) => `fbq:${questionId}:${code}`,
} as const;

export type QaAction =
  | { kind: "ask_officer" }
  | { kind: "send" }
  | { kind: "dont_send" }
  | { kind: "rate"; code: string; questionId: string | null };

export function parseQaValue(value: string): QaAction | null {
  if (value === qaValues.askOfficer) return { kind: "ask_officer" };
  if (value === qaValues.send) return { kind: "send" };
  if (value === qaValues.dontSend) return { kind: "dont_send" };
  const rate = new RegExp(`^fb(?:q:(${UUID}))?:([a-z]{1,20})$`).exec(value);
  if (rate) return { kind: "rate", code: rate[2]!, questionId: rate[1] ?? null };
  return null;
}

type QaScreen = Extract<Screen, { kind: "qa_answer" | "qa_confirm" }>;

/** The rating buttons, labelled as the feedback survey labels its options. */
export function ratingOptions(deps: EngineDeps, value: (code: string) => string): ReplyOption[] {
  const question = deps.surveys.definition(FEEDBACK_SURVEY)?.questions.find((q) => q.id === FEEDBACK_QUESTION);
  const options = question ? questionOptions(question) : null;
  return (options ?? []).map((o) => ({
    label: optionLabel(o.label),
    value: value(o.code),
  }));
}

const askOption: ReplyOption = { label: m.askOfficer, value: qaValues.askOfficer };

export async function answerQuestion(rawText: string, deps: EngineDeps): Promise<Rendered> {
  if (rawText.length > QUESTION_MAX_LENGTH) {
    return { replies: [{ text: m.tooLong(QUESTION_MAX_LENGTH), options: [homeOption] }], screen: { kind: "menu" } };
  }
  const question = rawText.trim();
  const found: QaAnswer = await deps.qa.answer(cutToLength(question, RETRIEVAL_LENGTH), SHOWN);
  const ratings = ratingOptions(deps, qaValues.rate);
  if (found.approved) {
    const approved = found.approved;
    const basis = approved.citations.map((c) => c.label);
    const reads = approved.citations
      .filter((c) => c.articleId !== null)
      .slice(0, SHOWN)
      .map((c) => ({
        label: optionLabel(`📄 Đọc ${c.label}`),
        value: commandValues.article(c.articleId!),
      }));
    const text = [m.approvedTitle, approved.answer, ...(basis.length > 0 ? ["", m.basis(basis)] : []), "", m.helpful];
    return {
      replies: [{ text: text.join("\n"), options: [...reads, ...ratings, askOption, homeOption] }],
      screen: {
        kind: "qa_answer",
        question,
        articleIds: approved.citations.flatMap((c) => (c.articleId === null ? [] : [c.articleId])).slice(0, 5),
        approvedId: approved.id,
      },
    };
  }
  const articles = found.articles.slice(0, SHOWN);
  if (articles.length === 0) {
    return {
      replies: [
        {
          text: m.nothingFound,
          options: [askOption, { label: messages.menu.browse, value: commandValues.topics }, homeOption],
        },
      ],
      screen: { kind: "qa_answer", question, articleIds: [] },
    };
  }
  const lines = articles.flatMap((a, i) => [
    m.articleLine(i + 1, a.number, a.inForce ? a.citation : `${a.citation} ${m.outOfForceMark}`, a.title),
    ...(a.snippet ? [a.snippet] : []),
    "",
  ]);
  return {
    replies: [
      {
        // The first article is in force unless nothing in force matched or the question named an out-of-force
        // statute (search-index.ts): either way the citizen is told before reading it.
        text: [
          ...(articles[0]!.inForce ? [] : [articles.some((a) => a.inForce) ? m.firstOutOfForce : m.onlyOutOfForce, ""]),
          m.articlesTitle,
          "",
          ...lines,
          m.reference,
          m.helpful,
        ].join("\n"),
        options: [...articles.map(readOption), ...ratings, askOption, homeOption],
      },
    ],
    screen: { kind: "qa_answer", question, articleIds: articles.map((a) => a.articleId) },
  };
}

function readOption(a: ArticleMatch): ReplyOption {
  return { label: optionLabel(m.readArticle(a.number, a.citation)), value: commandValues.article(a.articleId) };
}

function qaScreen(session: Session): QaScreen | null {
  const screen = session.screen;
  return screen.kind === "qa_answer" || screen.kind === "qa_confirm" ? screen : null;
}

export async function qaAction(
  action: QaAction,
  session: Session,
  contactId: string,
  deps: EngineDeps,
): Promise<Rendered> {
  const screen = qaScreen(session);
  switch (action.kind) {
    case "rate":
      return rate(action, screen, deps);
    case "dont_send":
      return { replies: [{ text: m.notSent, options: [homeOption] }], screen: { kind: "menu" } };
    case "ask_officer": {
      if (!screen) return { replies: [{ text: m.noQuestion, options: [homeOption] }], screen: { kind: "menu" } };
      const route = await deps.inbox.route(contactId, screen.articleIds[0] ?? null);
      const due = formatDate(route.dueAt);
      return {
        replies: [
          {
            text: m.confirm(route.unitName, due, cutToLength(screen.question, 300)),
            options: [
              { label: m.send, value: qaValues.send },
              { label: m.dontSend, value: qaValues.dontSend },
            ],
          },
        ],
        screen: { ...screen, kind: "qa_confirm" },
      };
    }
    case "send": {
      // Only a confirmation just shown sends: a stale "Gửi" from an old message does nothing but explain.
      if (screen?.kind !== "qa_confirm")
        return { replies: [{ text: m.noQuestion, options: [homeOption] }], screen: { kind: "menu" } };
      const route = await deps.inbox.route(contactId, screen.articleIds[0] ?? null);
      const shown = [];
      for (const id of screen.articleIds) {
        const article = await deps.content.getArticle(id);
        if (article)
          shown.push({ articleId: id, document: article.documentTitle, article: article.number, title: article.title });
      }
      const effect: Effect = {
        type: "escalate_question",
        questionId: deps.newId(),
        text: screen.question,
        articles: shown,
        unitId: route.unitId,
        topicId: route.topicId,
        dueAt: route.dueAt.toISOString(),
      };
      return {
        replies: [{ text: m.sent(route.unitName, formatDate(route.dueAt)), options: [homeOption] }],
        screen: { kind: "menu" },
        effects: [effect],
      };
    }
  }
}

async function rate(
  action: Extract<QaAction, { kind: "rate" }>,
  screen: QaScreen | null,
  deps: EngineDeps,
): Promise<Rendered> {
  const thanks: Rendered = { replies: [{ text: m.thanks, options: [homeOption] }], screen: { kind: "menu" } };
  const survey = deps.surveys.definition(FEEDBACK_SURVEY);
  const known = ratingOptions(deps, (code) => code).some((o) => o.value === action.code);
  // A rating of the bot's answer needs that answer on screen; one of an officer's answer names its question.
  if (!survey || !known || (action.questionId === null && !screen)) return thanks;
  const wave = await deps.surveys.openWave(FEEDBACK_SURVEY);
  if (!wave) return thanks;
  return {
    ...thanks,
    effects: [
      {
        type: "rate_answer",
        responseId: deps.newId(),
        waveId: wave.id,
        surveyVersion: survey.version,
        code: action.code,
        approvedAnswerId: action.questionId === null ? (screen?.approvedId ?? null) : null,
        questionId: action.questionId,
        articleIds: action.questionId === null ? (screen?.articleIds ?? []) : [],
      },
    ],
  };
}

/** "27/11/2026", the day in Vietnam (UTC+7 all year). */
export function formatDate(at: Date): string {
  const local = new Date(at.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const [year, month, day] = local.split("-");
  return `${day}/${month}/${year}`;
}

// Surveys in the conversation: consent first, then one question at a time with show-if conditions, back, skip,
// re-prompts, resume and expiry; and withdrawal or deletion at any moment. Pure like the rest of the engine: it
// reads through deps and describes what to store as effects.
import type { AnswerValue } from "../../surveys/schema";
import { questionOptions, type Question, type SurveyDefinition } from "../../surveys/schema";
import { hiddenAnswered, isVisible, nextQuestion, type Answers } from "./survey-flow";
import { answerValue, describeAnswer, isCorrect, parseAnswer } from "./parse-answer";
import { foldText } from "../text/vietnamese";
import type { Effect } from "./effects";
import { messages } from "./messages";
import type { EngineDeps } from "./ports";
import type { Reply, ReplyOption } from "./replies";
import type { Screen } from "./session";
import { surveyMessages as m } from "./survey-messages";

export interface SurveyRendered {
  replies: Reply[];
  screen: Screen;
  effects: Effect[];
}

export interface SurveyContext {
  contactId: string;
  deps: EngineDeps;
}

type QuestionScreen = Extract<Screen, { kind: "survey_question" }>;

/** An abandoned response expires after this long without an answer. */
export const RESPONSE_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_MISSES = 3;

const home: ReplyOption = { label: messages.home, value: "menu" };
export const surveyValues = {
  list: "survey",
  start: (key: string, waveId?: number) => (waveId ? `survey:${key}:w${waveId}` : `survey:${key}`),
  agree: "c:yes",
  disagree: "c:no",
  back: "s:back",
  skip: "s:skip",
  stop: "s:stop",
  resume: "s:continue",
  review: "s:review",
  restart: "s:restart",
  eraseDelete: "erase:delete",
  eraseKeep: "erase:keep",
} as const;

function menuAfter(text: string, effects: Effect[] = []): SurveyRendered {
  return { replies: [{ text, options: [home] }], screen: { kind: "menu" }, effects };
}

export async function listSurveys(ctx: SurveyContext): Promise<SurveyRendered> {
  const open = await ctx.deps.surveys.listOpen();
  if (open.length === 0) return menuAfter(m.noneOpen);
  return {
    replies: [
      {
        text: m.listTitle,
        options: [...open.map((s) => ({ label: s.title.slice(0, 64), value: surveyValues.start(s.key) })), home],
      },
    ],
    screen: { kind: "surveys" },
    effects: [],
  };
}

/** A short, stable label for the wording of a consent text (FNV-1a, 64-bit). */
export function consentVersion(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return `v-${hash.toString(16).padStart(16, "0")}`;
}

export function consentText(survey: SurveyDefinition, controller: string): string {
  const sensitive = [...new Set(survey.questions.flatMap((q) => (q.sensitive ? [q.sensitive] : [])))];
  return m.consent({ title: survey.title, purpose: survey.purpose, controller, collected: survey.collects, sensitive });
}

function consentScreen(
  survey: SurveyDefinition,
  waveId: number,
  controller: string,
  replaces?: string,
): SurveyRendered {
  return {
    replies: [
      {
        text: consentText(survey, controller),
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
    },
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
  if (!existing) return consentScreen(survey, wave.id, wave.controller);

  const expired =
    existing.status === "expired" ||
    (existing.status !== "completed" &&
      ctx.deps.now().getTime() - existing.lastActivityAt.getTime() > RESPONSE_EXPIRY_MS);
  if (expired) {
    const effects: Effect[] =
      existing.status === "expired" ? [] : [{ type: "finish_response", responseId: existing.id, status: "expired" }];
    return {
      replies: [{ text: m.expired, options: [{ label: m.restart, value: surveyValues.restart }, home] }],
      screen: { kind: "survey_existing", key, waveId: wave.id, responseId: existing.id, status: "expired" },
      effects,
    };
  }
  if (existing.status === "completed") {
    return {
      replies: [{ text: `${m.alreadyDone(survey.title)}\n${review(survey, existing.answers)}`, options: [home] }],
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
          home,
        ],
      },
    ],
    screen: { kind: "survey_existing", key, waveId: wave.id, responseId: existing.id, status: existing.status },
    effects: [],
  };
}

function review(survey: SurveyDefinition, answers: Answers): string {
  const lines = survey.questions
    .filter((q) => q.id in answers)
    .map((q) => `• ${q.text}\n  → ${describeAnswer(q, answers[q.id]!)}`);
  return lines.length > 0 ? lines.join("\n") : m.noAnswers;
}

/** Handles a message while a survey screen is showing; null means "not for the survey" (a global command). */
export async function continueSurvey(screen: Screen, text: string, ctx: SurveyContext): Promise<SurveyRendered | null> {
  switch (screen.kind) {
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

async function answerConsent(
  screen: Extract<Screen, { kind: "survey_consent" }>,
  text: string,
  ctx: SurveyContext,
): Promise<SurveyRendered> {
  const survey = ctx.deps.surveys.definition(screen.key);
  const wave = survey ? await ctx.deps.surveys.openWave(screen.key, screen.waveId) : null;
  if (!survey || !wave || survey.version !== screen.version) return menuAfter(m.unknownSurvey);
  const choice = foldText(text).trim();
  if (text === surveyValues.disagree || choice === "khong dong y" || choice === "khong") return menuAfter(m.declined);
  if (text !== surveyValues.agree && choice !== "dong y" && choice !== "co") {
    const shown = consentScreen(survey, wave.id, wave.controller, screen.replaces);
    return { ...shown, replies: [{ text: m.consentPrompt, options: shown.replies[0]!.options }] };
  }
  const words = consentText(survey, wave.controller);
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
    ...(screen.replaces ? { replaces: screen.replaces } : {}),
  };
  const state: QuestionScreen = {
    kind: "survey_question",
    key: survey.key,
    version: survey.version,
    waveId: wave.id,
    responseId,
    questionId: "",
    answers: {},
    skipped: [],
    history: [],
    misses: 0,
    lastActivity: ctx.deps.now().toISOString(),
  };
  return advance(survey, state, [{ text: survey.intro }], [start]);
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
    return consentScreen(survey, wave.id, wave.controller, screen.responseId);
  }
  if (screen.status === "expired") return null;
  const existing = await ctx.deps.surveys.existingResponse(ctx.contactId, screen.waveId);
  if (!existing || existing.id !== screen.responseId) return menuAfter(m.unknownSurvey);
  if (text === surveyValues.review) {
    return {
      replies: [
        { text: review(survey, existing.answers), options: [{ label: m.continue, value: surveyValues.resume }, home] },
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

/** Shows the next unanswered visible question, or finishes the survey. */
function advance(survey: SurveyDefinition, state: QuestionScreen, before: Reply[], effects: Effect[]): SurveyRendered {
  const next = nextQuestion(survey, state.answers, state.skipped);
  if (!next) return finishSurvey(survey, state, before, effects);
  const shown: QuestionScreen = { ...state, questionId: next.id, misses: 0, unitChoices: undefined };
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
  const score =
    quiz.length > 0
      ? `\n${m.quizScore(quiz.filter((q) => isCorrect(q, state.answers[q.id]!)).length, quiz.length)}`
      : "";
  return {
    replies: [...before, { text: `${survey.outro}${score}`, options: [home] }],
    screen: { kind: "menu" },
    effects: finalEffects,
  };
}

function visibleCount(survey: SurveyDefinition, answers: Answers): number {
  return survey.questions.filter((q) => isVisible(q, answers)).length;
}

function questionReply(survey: SurveyDefinition, state: QuestionScreen, question: Question, prefix?: string): Reply {
  const position =
    survey.questions.filter((q) => isVisible(q, state.answers) && q.id in state.answers && q.id !== question.id)
      .length + 1;
  const heading = `${m.questionNumber(position, visibleCount(survey, state.answers))}${question.required ? "" : ` ${m.optional}`}`;
  const options: ReplyOption[] = (questionOptions(question) ?? []).map((o) => ({
    label: o.label,
    value: answerValue(o.code),
  }));
  const lines = [heading, question.text];
  if (question.type === "multi" || (question.type === "quiz" && question.correct.length > 1)) {
    lines.push("(Chọn một hoặc nhiều; gõ các số cách nhau bởi dấu phẩy, ví dụ: 1, 3)");
  }
  if (question.type === "number") lines.push(`(Nhập số từ ${question.min} đến ${question.max})`);
  const current = state.answers[question.id];
  if (current) lines.push(`Câu trả lời trước của bạn: ${describeAnswer(question, current)}`);
  return { text: [prefix, ...lines].filter(Boolean).join("\n"), options: [...options, ...navigation(question, state)] };
}

function navigation(question: Question, state: QuestionScreen): ReplyOption[] {
  const options: ReplyOption[] = [];
  if (state.history.length > 0) options.push({ label: m.back, value: surveyValues.back });
  if (!question.required) options.push({ label: m.skip, value: surveyValues.skip });
  if (state.misses >= MAX_MISSES) options.push({ label: m.stop, value: surveyValues.stop });
  return options;
}

async function answerQuestion(state: QuestionScreen, text: string, ctx: SurveyContext): Promise<SurveyRendered> {
  const survey = ctx.deps.surveys.definition(state.key);
  const question =
    survey?.version === state.version ? survey.questions.find((q) => q.id === state.questionId) : undefined;
  if (!survey || !question) return menuAfter(m.unknownSurvey);
  const now = ctx.deps.now();
  if (now.getTime() - Date.parse(state.lastActivity) > RESPONSE_EXPIRY_MS) {
    return {
      replies: [{ text: m.expired, options: [{ label: m.restart, value: surveyValues.restart }, home] }],
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
    const previous = fresh.history.at(-1);
    if (!previous) return reprompt(survey, fresh, question, null);
    const target = survey.questions.find((q) => q.id === previous)!;
    const shown: QuestionScreen = {
      ...fresh,
      questionId: previous,
      history: fresh.history.slice(0, -1),
      misses: 0,
      unitChoices: undefined,
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

  let value: AnswerValue | null = null;
  if (question.type === "unit") {
    const resolved = await resolveUnit(question, fresh, text, ctx);
    if ("rendered" in resolved) return resolved.rendered;
    value = resolved.value;
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
    before.push({
      text: correct ? m.quizRight(question.explanation, citation) : m.quizWrong(right, question.explanation, citation),
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

async function resolveUnit(
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
  if (text.trim().length < 2 || text.startsWith("a:") || text.startsWith("s:"))
    return { rendered: reprompt(survey, state, question, "unit") };
  const matches = await ctx.deps.surveys.findUnits(text, question.level);
  const exact = matches.filter((u) => u.exact);
  // One name, or one that alone fits best what else was written ("phường …", "…, Hà Nội"): that is the place.
  const bestFit = Math.max(-1, ...exact.map((u) => u.fit));
  const best = exact.filter((u) => u.fit === bestFit);
  if (best.length === 1 && (exact.length === 1 || bestFit > 0))
    return { value: { kind: "unit", code: best[0]!.code, name: best[0]!.name } };
  const choices = (exact.length > 0 ? exact : matches).slice(0, 6);
  if (choices.length === 0) return { rendered: reprompt(survey, state, question, "unit") };
  const shown: QuestionScreen = { ...state, unitChoices: choices.map((c) => ({ code: c.code, name: c.name })) };
  return {
    rendered: {
      replies: [
        {
          text: m.reprompt.unitPick,
          options: [
            ...choices.map((c) => ({
              label: `${c.name}${c.context ? ` (${c.context})` : ""}`.slice(0, 64),
              value: `u:${c.code}`,
            })),
            ...navigation(question, shown),
          ],
        },
      ],
      screen: shown,
      effects: [],
    },
  };
}

function reprompt(
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
  else if (question.type === "unit") hint = m.reprompt.unitNotFound;
  else if (reason === "too_many" && question.type === "multi") hint = m.reprompt.tooMany(question.maxSelected ?? 0);
  else if (question.type === "multi") hint = m.reprompt.multi(accepted);
  else hint = m.reprompt.choice(accepted);
  if (shown.misses >= MAX_MISSES)
    hint += `\n${question.required ? m.tooManyMisses.required : m.tooManyMisses.optional}`;
  return { replies: [questionReply(survey, shown, question, hint)], screen: shown, effects: [] };
}

export type EraseCommand = "withdraw" | "delete";

export function parseEraseCommand(text: string): EraseCommand | null {
  const folded = foldText(text)
    .replace(/^\//, "")
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (["rut dong y", "rut lai dong y", "huy dong y"].includes(folded)) return "withdraw";
  if (["xoa du lieu", "xoadulieu", "xoa toan bo du lieu", "xoa du lieu cua toi"].includes(folded)) return "delete";
  return null;
}

export function eraseCommand(command: EraseCommand): SurveyRendered {
  if (command === "delete") {
    return {
      replies: [{ text: m.erase.deleted }],
      screen: { kind: "menu" },
      effects: [{ type: "withdraw_consent" }, { type: "erase_contact", mode: "delete" }],
    };
  }
  return {
    replies: [
      {
        text: m.erase.withdrawn,
        options: [
          { label: m.erase.deleteAll, value: surveyValues.eraseDelete },
          { label: m.erase.keepAnonymous, value: surveyValues.eraseKeep },
        ],
      },
    ],
    screen: { kind: "erase_choice" },
    effects: [{ type: "withdraw_consent" }],
  };
}

function answerEraseChoice(text: string): SurveyRendered | null {
  if (text === surveyValues.eraseDelete) return { ...eraseCommand("delete") };
  if (text === surveyValues.eraseKeep) {
    return {
      replies: [{ text: m.erase.deidentified }],
      screen: { kind: "menu" },
      effects: [{ type: "erase_contact", mode: "deidentify" }],
    };
  }
  return null;
}

export function eraseChoiceReprompt(): SurveyRendered {
  const shown = eraseCommand("withdraw");
  return { ...shown, replies: [{ text: m.erase.choose, options: shown.replies[0]!.options }], effects: [] };
}

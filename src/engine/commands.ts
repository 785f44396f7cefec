// Turns what a person typed (or the value of the option they chose) into a command. Words are compared folded,
// so "Huỷ", "hủy" and "huy" are the same, and "/start" from Telegram is "menu".
import { foldText } from "../text/vietnamese";

export type Command =
  | { kind: "menu" }
  | { kind: "help" }
  | { kind: "topics" }
  | { kind: "topic"; topicId: number; page: number }
  | { kind: "document"; documentId: number; page: number }
  | { kind: "article"; articleId: number }
  | { kind: "lessons"; page: number }
  | { kind: "lesson"; lessonId: number }
  | { kind: "search_prompt" }
  | { kind: "search_page"; page: number }
  | { kind: "surveys" }
  | { kind: "survey_start"; key: string; waveId?: number };

/** Option values the engine hands out; they double as typed commands. */
export const commandValues = {
  menu: "menu",
  help: "help",
  topics: "topics",
  topic: (id: number, page = 1) => (page > 1 ? `topic:${id}:p${page}` : `topic:${id}`),
  document: (id: number, page = 1) => (page > 1 ? `doc:${id}:p${page}` : `doc:${id}`),
  article: (id: number) => `art:${id}`,
  lessons: (page = 1) => (page > 1 ? `lessons:p${page}` : "lessons"),
  lesson: (id: number) => `lesson:${id}`,
  searchPrompt: "search",
  surveys: "survey",
  searchPage: (page: number) => `search:p${page}`,
} as const;

const WORDS: Record<string, Command["kind"]> = {
  menu: "menu",
  huy: "menu",
  "huy bo": "menu",
  thoat: "menu",
  start: "menu",
  "bat dau": "menu",
  "trang chu": "menu",
  "menu chinh": "menu",
  help: "help",
  giup: "help",
  "tro giup": "help",
  "huong dan": "help",
  topics: "topics",
  "tra cuu": "topics",
  "tra cuu van ban": "topics",
  "van ban": "topics",
  lessons: "lessons",
  "bai pho bien": "lessons",
  search: "search_prompt",
  "tim kiem": "search_prompt",
  survey: "surveys",
  khaosat: "surveys",
  "khao sat": "surveys",
};

/** Words that stop what is going on (a survey included), as opposed to "menu", which only leaves it. */
export function isStopWord(text: string): boolean {
  return ["huy", "huy bo", "thoat", "dung lai"].includes(
    foldText(text)
      .replace(/^\//, "")
      .replace(/[^\p{L}\p{N} ]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

const MAX_ID = 2_147_483_647;
const id = (digits: string | undefined): number | null => {
  if (digits === undefined) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_ID ? n : null;
};

export function parseCommand(text: string): Command | null {
  const trimmed = text.trim();
  const survey = /^survey[:_]([a-z][a-z0-9_]{1,39}?)(?::w(\d+))?$/.exec(trimmed);
  if (survey) {
    const waveId = survey[2] === undefined ? undefined : id(survey[2]);
    if (waveId === null) return null;
    return { kind: "survey_start", key: survey[1]!, ...(waveId ? { waveId } : {}) };
  }
  const structured = /^(topic|doc|art|lesson|lessons|search):?(\d+)?(?::?p(\d+))?$/.exec(trimmed);
  if (structured) {
    const [, kind, first, pageDigits] = structured;
    const page = pageDigits === undefined ? 1 : id(pageDigits);
    const target = id(first);
    if (page === null) return null;
    switch (kind) {
      case "topic":
        return target ? { kind: "topic", topicId: target, page } : null;
      case "doc":
        return target ? { kind: "document", documentId: target, page } : null;
      case "art":
        return target && pageDigits === undefined ? { kind: "article", articleId: target } : null;
      case "lesson":
        return target && pageDigits === undefined ? { kind: "lesson", lessonId: target } : null;
      case "lessons":
        return first === undefined ? { kind: "lessons", page } : null;
      case "search":
        return first === undefined ? (pageDigits ? { kind: "search_page", page } : { kind: "search_prompt" }) : null;
    }
  }
  const word = foldText(trimmed)
    .replace(/^\//, "")
    .replace(/[^\p{L}\p{N} ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const kind = WORDS[word];
  if (kind === "menu" || kind === "help" || kind === "topics" || kind === "search_prompt" || kind === "surveys")
    return { kind };
  if (kind === "lessons") return { kind, page: 1 };
  return null;
}

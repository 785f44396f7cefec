// Legal dissemination lessons: the paginated list and one lesson with buttons to the articles it cites.
import { commandValues } from "./commands";
import { homeOption, notFound } from "./menu";
import { messages } from "./messages";
import { optionLabel } from "./option-label";
import { PAGE_SIZE, pageNote, pagingOptions } from "./paging";
import type { EngineDeps } from "./ports";
import type { Rendered } from "./rendered";

export async function renderLessons(requestedPage: number, deps: EngineDeps): Promise<Rendered> {
  const page = await deps.content.listLessons(requestedPage, PAGE_SIZE);
  if (page.total === 0)
    return { replies: [{ text: messages.noLessons, options: [homeOption] }], screen: { kind: "lessons", page: 1 } };
  return {
    replies: [
      {
        text: messages.lessonsTitle(pageNote(page)),
        options: [
          ...page.items.map((l) => ({ label: optionLabel(l.title), value: commandValues.lesson(l.id) })),
          ...pagingOptions(page, (p) => commandValues.lessons(p)),
          homeOption,
        ],
      },
    ],
    screen: { kind: "lessons", page: page.page },
  };
}

export async function renderLesson(lessonId: number, deps: EngineDeps): Promise<Rendered> {
  const lesson = await deps.content.getLesson(lessonId);
  if (!lesson) return notFound();
  const parts = [lesson.title, "", lesson.body];
  if (lesson.citations.length > 0) {
    parts.push("", messages.lessonCitations, ...lesson.citations.map((c) => `• ${c.label}`));
  }
  const citationOptions = lesson.citations
    .flatMap((c) => (c.articleId === null ? [] : [{ ...c, articleId: c.articleId }]))
    .slice(0, 5)
    .map((c) => ({
      label: optionLabel(`📄 Đọc ${c.label}`),
      value: commandValues.article(c.articleId),
    }));
  return {
    replies: [
      {
        text: parts.join("\n"),
        options: [...citationOptions, { label: messages.back, value: commandValues.lessons() }, homeOption],
      },
    ],
    screen: { kind: "lesson", lessonId },
  };
}

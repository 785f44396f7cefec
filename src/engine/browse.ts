// Reading statutes: topics → documents → the articles of a document → one article, with paging and back buttons.
import { commandValues } from "./commands";
import { homeOption, notFound } from "./menu";
import { messages } from "./messages";
import { optionLabel } from "./option-label";
import { PAGE_SIZE, pageNote, pagingOptions } from "./paging";
import type { EngineDeps, ReplacementLink } from "./ports";
import type { Rendered } from "./rendered";
import type { ReplyOption } from "./replies";

export async function renderTopics(deps: EngineDeps): Promise<Rendered> {
  const topics = (await deps.content.listTopics()).filter((t) => t.documentCount > 0);
  if (topics.length === 0)
    return { replies: [{ text: messages.noTopics, options: [homeOption] }], screen: { kind: "topics" } };
  const options = topics
    .slice(0, 18)
    .map((t) => ({ label: optionLabel(`${t.name} (${t.documentCount})`), value: commandValues.topic(t.id) }));
  return {
    replies: [{ text: messages.topicsTitle, options: [...options, homeOption] }],
    screen: { kind: "topics" },
  };
}

export async function renderDocuments(topicId: number, requestedPage: number, deps: EngineDeps): Promise<Rendered> {
  const topic = await deps.content.getTopic(topicId);
  if (!topic) return notFound();
  const page = await deps.content.listDocuments(topicId, requestedPage, PAGE_SIZE);
  const back: ReplyOption = { label: messages.back, value: commandValues.topics };
  if (page.total === 0) {
    return {
      replies: [{ text: messages.noDocuments, options: [back, homeOption] }],
      screen: { kind: "documents", topicId, page: 1 },
    };
  }
  return {
    replies: [
      {
        text: messages.documentsTitle(topic.name, pageNote(page)),
        options: [
          // In-force statutes come first; the others carry their mark ("– hết hiệu lực").
          ...page.items.map((d) => ({ label: optionLabel(d.label), value: commandValues.document(d.id) })),
          ...pagingOptions(page, (p) => commandValues.topic(topicId, p)),
          back,
          homeOption,
        ],
      },
    ],
    screen: { kind: "documents", topicId, page: page.page },
  };
}

export async function renderArticles(documentId: number, requestedPage: number, deps: EngineDeps): Promise<Rendered> {
  const document = await deps.content.getDocument(documentId);
  if (!document) return notFound();
  const page = await deps.content.listArticles(documentId, requestedPage, PAGE_SIZE);
  const back = document.topicId ? commandValues.topic(document.topicId) : commandValues.topics;
  return {
    replies: [
      {
        text: [
          ...(document.notice ? [document.notice, ""] : []),
          messages.articlesTitle(document.citation, page.total, pageNote(page)),
        ].join("\n"),
        options: [
          ...replacementOption(document.replacement),
          ...page.items.map((a) => ({
            label: optionLabel(messages.articleHeading(a.number, a.title)),
            value: commandValues.article(a.id),
          })),
          ...pagingOptions(page, (p) => commandValues.document(documentId, p)),
          { label: messages.back, value: back },
          homeOption,
        ],
      },
    ],
    screen: { kind: "articles", documentId, page: page.page },
  };
}

export async function renderArticle(articleId: number, deps: EngineDeps): Promise<Rendered> {
  const article = await deps.content.getArticle(articleId);
  if (!article) return notFound();
  const options: ReplyOption[] = [...replacementOption(article.replacement)];
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
    homeOption,
  );
  // A replaced, expired or amended text opens with its notice, before anything else (src/content/law-notice.ts).
  const parts = [
    ...(article.notice ? [article.notice, ""] : []),
    article.documentCitation,
    messages.articleHeading(article.number, article.title),
    "",
    article.body,
  ];
  if (article.source) parts.push("", messages.sourceNote(article.source));
  return {
    replies: [{ text: parts.join("\n"), options }],
    screen: { kind: "article", articleId, documentId: article.documentId },
  };
}

/** The button to the text in force, when the statute on screen was replaced by one Loa holds. */
function replacementOption(replacement: ReplacementLink | null): ReplyOption[] {
  return replacement
    ? [
        {
          label: optionLabel(messages.openReplacement(replacement.citation)),
          value: commandValues.document(replacement.documentId),
        },
      ]
    : [];
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

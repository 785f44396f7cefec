// "điều 51" while reading a statute opens its article 51; "điều 51 luật hôn nhân" opens it from anywhere. An
// article the statute does not have gets the range it does have.
import { renderArticle } from "./browse";
import { homeOption } from "./menu";
import { messages } from "./messages";
import { withinBudget } from "./input-budget";
import type { EngineDeps } from "./ports";
import type { Rendered } from "./rendered";
import type { Session } from "./session";
import { foldText } from "../text/vietnamese";

export interface ArticleRequest {
  number: string;
  /** Part of the document's title, folded, or "" when none was named. */
  documentName: string;
}

/** "điều 51", "Điều 51 luật hôn nhân", "dieu 12a cua luat cu tru"; null for anything else. */
export function parseArticleRequest(text: string): ArticleRequest | null {
  const folded = foldText(text).replace(/\s+/g, " ").trim();
  const match = /^dieu\s*(\d{1,4}[a-z]?)(?=$|[\s,.:;])[\s,.:;]*(?:(?:cua|trong|thuoc)\s+)?(.*)$/u.exec(folded);
  if (!match) return null;
  return { number: match[1]!, documentName: match[2]!.replace(/[.?!]+$/u, "").trim() };
}

/** The document being read: the statute whose article list or article is on screen. */
function documentOnScreen(session: Session): number | null {
  const screen = session.screen;
  if (screen.kind === "articles") return screen.documentId;
  if (screen.kind === "article") return screen.documentId ?? null;
  return null;
}

export async function openArticle(
  request: ArticleRequest,
  text: string,
  session: Session,
  deps: EngineDeps,
): Promise<Rendered> {
  const again = { replies: [{ text: messages.articleLookup.tooLong, options: [homeOption] }], screen: session.screen };
  // Checked before any query: a long "điều 5 …" costs a scan of document titles.
  if (!withinBudget("article_lookup", text)) return again;
  let documentId: number | null;
  if (request.documentName) {
    const [document] = await deps.content.findDocuments(request.documentName, 1);
    if (!document) {
      return {
        replies: [{ text: messages.articleLookup.noDocument(request.documentName), options: [homeOption] }],
        screen: session.screen,
      };
    }
    documentId = document.id;
  } else {
    documentId = documentOnScreen(session);
    if (documentId === null) {
      return {
        replies: [{ text: messages.articleLookup.which, options: [homeOption] }],
        screen: session.screen,
      };
    }
  }
  const articleId = await deps.content.findArticleByNumber(documentId, request.number);
  if (articleId !== null) return renderArticle(articleId, deps);
  const range = await deps.content.articleRange(documentId);
  return {
    replies: [
      {
        text: range
          ? messages.articleLookup.notInDocument(range.title, range.first, range.last)
          : messages.articleLookup.which,
        options: [homeOption],
      },
    ],
    screen: session.screen,
  };
}

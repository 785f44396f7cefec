// provisional: replaced by the retrieval index. A QaSource over the keyword search that exists today, so the Q&A
// dialogue and escalation run end to end before the real retrieval lands: approved answers by exact (folded) question
// match, articles in the search's order, the snippet the body's first sentence. Same arguments as
// cachedContentSource, so the caller does not change when the real one replaces this file.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { approvedAnswers } from "../../db/schema/index";
import type { ArticleMatch, QaSource } from "../engine/ports";
import { foldText } from "../text/vietnamese";
import { cachedContentSource } from "./content-cache";

const fold = (text: string) =>
  foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function firstSentence(body: string): string {
  const text = body.replace(/\s+/g, " ").trim();
  const end = text.search(/[.;:](\s|$)/);
  const sentence = end > 0 ? text.slice(0, end + 1) : text;
  return sentence.length > 300 ? `${sentence.slice(0, 297)}…` : sentence;
}

export function cachedQaSource(cacheKey: object | string, reader: Db, revision: number): QaSource {
  const content = cachedContentSource(cacheKey, reader, revision);
  return {
    async answer(question, limit) {
      const wanted = fold(question);
      const published = await reader.select().from(approvedAnswers).where(eq(approvedAnswers.status, "published"));
      const approved = published.find((a) => fold(a.question) === wanted);
      if (approved) {
        return {
          approved: {
            id: approved.id,
            question: approved.question,
            answer: approved.answer,
            citations: approved.citations,
            score: 1,
          },
          articles: [],
        };
      }
      const page = await content.search(question, 1, Math.max(limit, 1) * 2);
      const found: ArticleMatch[] = [];
      for (const hit of page.items) {
        if (hit.kind !== "article" || found.length >= limit) continue;
        const article = await content.getArticle(hit.id);
        if (!article) continue;
        found.push({
          articleId: article.id,
          documentTitle: article.documentTitle,
          number: article.number,
          title: article.title,
          snippet: firstSentence(article.body),
          score: 1 / (found.length + 1),
        });
      }
      return { approved: null, articles: found };
    },
  };
}

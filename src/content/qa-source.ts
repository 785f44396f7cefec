// The engine's QaSource: a citizen's question → an approved answer when one matches confidently, and the best
// statute articles with the sentence that matters. Retrieval is the search index (search-index.ts), cached per
// database and content revision (search-index-cache.ts), so chat, the "Tìm kiếm" screen and GET /api/search agree.
//
// "Confident" for an approved answer means: it is the best-ranked answer whose own question agrees with the
// question asked (titleAgreement ≥ APPROVED_AGREEMENT: most of the weighted words and word pairs of each are in the
// other). A short question that only shares a topic ("ly hôn") gets articles, not an answer written for a more
// precise question. Articles do not compete with it: an approved answer is short and an article that states the
// same rule at length would otherwise outrank the answer officers wrote for exactly that question.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { approvedAnswers } from "../../db/schema/index";
import type { ArticleMatch, QaAnswer, QaSource } from "../engine/ports";
import { searchIndexFor } from "./search-index-cache";
import type { SearchEntryType } from "./search-index";
import { bestSnippet } from "./search-snippet";

export const APPROVED_AGREEMENT = 0.6;
const ARTICLES: ReadonlySet<SearchEntryType> = new Set(["article"]);
const ANSWERS: ReadonlySet<SearchEntryType> = new Set(["answer"]);
/** Answers looked at for one that agrees with the question. */
const ANSWER_CANDIDATES = 3;

export function cachedQaSource(cacheKey: object | string, reader: Db, revision: number): QaSource {
  return {
    async answer(question: string, limit: number): Promise<QaAnswer> {
      const index = await searchIndexFor(cacheKey, reader, revision);
      const query = index.analyze(question);
      const want = Math.max(0, Math.floor(limit));
      const articles: ArticleMatch[] = index.searchAnalyzed(query, want, ARTICLES).map(({ entry, score }) => ({
        articleId: entry.id,
        documentTitle: entry.document ?? "",
        number: entry.number ?? "",
        title: entry.title,
        snippet: bestSnippet(entry.body, query.terms, (t) => index.idf(t)),
        score: round(score),
      }));
      const top = index
        .searchAnalyzed(query, ANSWER_CANDIDATES, ANSWERS)
        .find((hit) => index.titleAgreement(question, hit.entry) >= APPROVED_AGREEMENT);
      let approved: QaAnswer["approved"] = null;
      if (top) {
        const [row] = await reader
          .select({
            id: approvedAnswers.id,
            question: approvedAnswers.question,
            answer: approvedAnswers.answer,
            citations: approvedAnswers.citations,
          })
          .from(approvedAnswers)
          .where(eq(approvedAnswers.id, top.entry.id));
        if (row) approved = { ...row, score: round(top.score) };
      }
      return { approved, articles };
    },
  };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

// The engine's QaSource: a citizen's question → an approved answer when one matches confidently, and the best
// statute articles with the sentence that matters. Retrieval is the search index (search-index.ts), cached per
// database and content revision (search-index-cache.ts), so chat, the "Tìm kiếm" screen and GET /api/search agree.
//
// "Confident" for an approved answer means: it is the best-ranked answer whose own question agrees with the
// question asked (titleAgreement ≥ APPROVED_AGREEMENT: most of the weighted words and word pairs of each are in the
// other). A short question that only shares a topic ("ly hôn") gets articles, not an answer written for a more
// precise question. Articles do not compete with it: an approved answer is short and an article that states the
// same rule at length would otherwise outrank the answer officers wrote for exactly that question.
//
// Law versions: articles of statutes not in force today rank after every in-force match (scores unchanged), and an
// approved answer whose cited articles changed since it was last reviewed is held back (not given) until an officer
// reviews it (src/content/citation-check.ts; the review action is POST /api/answers/{id}/review).
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/db";
import { approvedAnswers } from "../../db/schema/index";
import type { ArticleMatch, QaAnswer, QaSource } from "../engine/ports";
import { citationFlags } from "./citation-check";
import { citationLabel } from "./law-citations";
import { citationName, vietnamToday } from "./law-status";
import { searchIndexFor } from "./search-index-cache";
import type { SearchEntryType } from "./search-index";
import { bestSnippet } from "./search-snippet";

export const APPROVED_AGREEMENT = 0.6;
const ARTICLES: ReadonlySet<SearchEntryType> = new Set(["article"]);
const ANSWERS: ReadonlySet<SearchEntryType> = new Set(["answer"]);
/** Answers looked at for one that agrees with the question. */
const ANSWER_CANDIDATES = 3;

export function cachedQaSource(
  cacheKey: object | string,
  reader: Db,
  revision: number,
  today: () => string = () => vietnamToday(),
): QaSource {
  return {
    async answer(question: string, limit: number): Promise<QaAnswer> {
      const index = await searchIndexFor(cacheKey, reader, revision);
      const date = today();
      const demote = index.notInForceOn(date);
      const query = index.analyze(question);
      const want = Math.max(0, Math.floor(limit));
      const articles: ArticleMatch[] = index.searchAnalyzed(query, want, ARTICLES, demote).map(({ entry, score }) => {
        const facts = entry.documentId !== undefined ? index.laws?.byId(entry.documentId) : null;
        return {
          articleId: entry.id,
          documentTitle: entry.document ?? "",
          citation: facts ? citationName(facts) : (entry.document ?? ""),
          inForce: !demote(entry),
          number: entry.number ?? "",
          title: entry.title,
          snippet: bestSnippet(entry.body, query.terms, (t) => index.idf(t)),
          score: round(score),
        };
      });
      const candidates = index
        .searchAnalyzed(query, ANSWER_CANDIDATES, ANSWERS)
        .filter((hit) => index.titleAgreement(question, hit.entry) >= APPROVED_AGREEMENT);
      let approved: QaAnswer["approved"] = null;
      if (candidates.length > 0) {
        const rows = await reader
          .select({
            id: approvedAnswers.id,
            question: approvedAnswers.question,
            answer: approvedAnswers.answer,
            citations: approvedAnswers.citations,
            updatedAt: approvedAnswers.updatedAt,
          })
          .from(approvedAnswers)
          .where(
            inArray(
              approvedAnswers.id,
              candidates.map((c) => c.entry.id),
            ),
          );
        const laws = index.laws;
        // The best agreeing answer that is not held back; the articles answer when every one is.
        for (const hit of candidates) {
          const row = rows.find((r) => r.id === hit.entry.id);
          if (!row) continue;
          const held = laws && row.citations.some((c) => citationFlags(laws, c, date, row.updatedAt).length > 0);
          if (held) continue;
          const { updatedAt: _updatedAt, ...answer } = row;
          approved = {
            ...answer,
            citations: row.citations.map((c) => ({
              ...c,
              label: laws ? citationLabel(laws, c.document, c.article, date) : `Điều ${c.article} ${c.document}`,
            })),
            score: round(hit.score),
          };
          break;
        }
      }
      return { approved, articles };
    },
  };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

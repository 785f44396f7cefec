// What the Q&A retrieval answers from besides statutes and lessons: answers officers have approved (written or
// promoted from an answered question), and the synonym list that maps everyday words to legal terms. Both are
// content: changing either moves content_revision (trigger in migration 0009), so every instance's search index is
// rebuilt exactly when the change becomes visible.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, serial, text, unique, uuid } from "drizzle-orm/pg-core";
import { officers } from "./officers";
import { utcTimestamp } from "./types";
import { units } from "./units";

export const approvedAnswerStatuses = ["published", "retired"] as const;
export type ApprovedAnswerStatus = (typeof approvedAnswerStatuses)[number];

/** A statute article an answer rests on, as imported ("Bộ luật dân sự", "321"), with its row id when it exists. */
export interface AnswerCitation {
  document: string;
  article: string;
  articleId: number | null;
}

export const approvedAnswers = pgTable(
  "approved_answers",
  {
    id: serial("id").primaryKey(),
    /** The question as a citizen would ask it: what retrieval matches a new question against. */
    question: text("question").notNull(),
    /** The answer, plain text (never rendered as HTML). */
    answer: text("answer").notNull(),
    citations: jsonb("citations").$type<AnswerCitation[]>().notNull().default(sql`'[]'::jsonb`),
    /** The office that approved it; the answer is given to everyone (the law is national). */
    unitId: integer("unit_id").references(() => units.id),
    /** The escalated question it was promoted from, if any (questions.id). */
    sourceQuestionId: uuid("source_question_id"),
    status: text("status", { enum: approvedAnswerStatuses }).notNull().default("published"),
    approvedByOfficerId: uuid("approved_by_officer_id").references(() => officers.id),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
    updatedAt: utcTimestamp("updated_at").notNull().defaultNow(),
  },
  (t) => [index("approved_answers_status_idx").on(t.status)],
);

/**
 * An everyday word or phrase and the legal term it means ("sổ đỏ" → "giấy chứng nhận quyền sử dụng đất"). A query
 * containing `phrase` is searched as if it also said `means`. Seeded from db/seed/search-synonyms.ts; officers add
 * their own through the API.
 */
export const searchSynonyms = pgTable(
  "search_synonyms",
  {
    id: serial("id").primaryKey(),
    phrase: text("phrase").notNull(),
    means: text("means").notNull(),
    createdByOfficerId: uuid("created_by_officer_id").references(() => officers.id),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
  },
  (t) => [unique("search_synonyms_phrase_means_key").on(t.phrase, t.means)],
);

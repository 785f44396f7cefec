// Questions citizens escalate to the Justice office ("Hỏi cán bộ tư pháp"): what they asked and which articles the
// bot had shown, the unit whose inbox it is in and by when it must be answered, and its life through claim, answer
// and close; the office's routing rules by topic; and the link from a "was this helpful?" rating to what it rates.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, serial, text, unique, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import { topics } from "./content";
import { officers } from "./officers";
import { type AnswerCitation, approvedAnswers } from "./qa";
import { surveyResponses } from "./surveys";
import { utcTimestamp } from "./types";
import { units } from "./units";

export const questionStatuses = ["open", "claimed", "answered", "closed"] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/** An article the bot showed with the question, as cited to the citizen. */
export interface ShownArticle {
  articleId: number;
  document: string;
  article: string;
  title: string | null;
}

export const questions = pgTable(
  "questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Who asked: the answer goes back to this contact. Their erasure deletes the question (its text is theirs). */
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    /** The question as typed, plain text (never rendered as HTML). */
    text: text("text").notNull(),
    articles: jsonb("articles").$type<ShownArticle[]>().notNull().default(sql`'[]'::jsonb`),
    /** The inbox it is in: the unit whose officers (and those above) see and answer it. */
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** The topic of the best article's statute, which routing rules key on. */
    topicId: integer("topic_id").references(() => topics.id, { onDelete: "set null" }),
    status: text("status", { enum: questionStatuses }).notNull().default("open"),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
    dueAt: utcTimestamp("due_at").notNull(),
    claimedAt: utcTimestamp("claimed_at"),
    claimedByOfficerId: uuid("claimed_by_officer_id").references(() => officers.id),
    answeredAt: utcTimestamp("answered_at"),
    answeredByOfficerId: uuid("answered_by_officer_id").references(() => officers.id),
    answerText: text("answer_text"),
    answerCitations: jsonb("answer_citations").$type<AnswerCitation[]>(),
    closedAt: utcTimestamp("closed_at"),
    /** Set once by the overdue job when the question was still open or claimed at its due time. */
    overdueAt: utcTimestamp("overdue_at"),
    promotedAnswerId: integer("promoted_answer_id").references(() => approvedAnswers.id, { onDelete: "set null" }),
  },
  (t) => [
    index("questions_unit_status_idx").on(t.unitId, t.status, t.createdAt),
    index("questions_contact_idx").on(t.contactId),
    // The overdue job looks only at unanswered questions past due.
    index("questions_due_idx").on(t.dueAt).where(sql`status in ('open', 'claimed') and overdue_at is null`),
  ],
);

/**
 * "Questions from inside `fromUnit` about `topic` go to `toUnit`": e.g. a province sends land questions of all its
 * communes to its own land-law officer. The most specific rule (the deepest fromUnit) wins.
 */
export const questionRoutes = pgTable(
  "question_routes",
  {
    id: serial("id").primaryKey(),
    fromUnitId: integer("from_unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id, { onDelete: "cascade" }),
    toUnitId: integer("to_unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    createdByOfficerId: uuid("created_by_officer_id").references(() => officers.id),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
  },
  (t) => [unique("question_routes_from_topic_key").on(t.fromUnitId, t.topicId)],
);

/**
 * What a "was this helpful?" rating rates. The rating itself is a de-identified answer_feedback response (no
 * contact): this row names the approved answer, the officer's answer (question) or the articles it was given for.
 */
export const answerRatings = pgTable(
  "answer_ratings",
  {
    responseId: uuid("response_id")
      .primaryKey()
      .references(() => surveyResponses.id, { onDelete: "cascade" }),
    approvedAnswerId: integer("approved_answer_id").references(() => approvedAnswers.id, { onDelete: "set null" }),
    questionId: uuid("question_id").references(() => questions.id, { onDelete: "set null" }),
    articleIds: jsonb("article_ids").$type<number[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("answer_ratings_approved_idx").on(t.approvedAnswerId),
    index("answer_ratings_question_idx").on(t.questionId),
  ],
);

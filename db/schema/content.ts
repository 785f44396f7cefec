// Legal content: topics, statutes (documents) article by article, and short lessons (bài phổ biến pháp luật).
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  unique,
} from "drizzle-orm/pg-core";
import { tsvector, utcTimestamp } from "./types";
import { units } from "./units";

export const contentStatuses = ["draft", "published"] as const;
/** How a document stopped applying (its legal life, not its publication in Loa). */
export const documentEndReasons = ["replaced", "expired"] as const;
export type DocumentEndReason = (typeof documentEndReasons)[number];
/** How sure the recorded legal facts are (from research notes); "low" is shown to citizens as unverified. */
export const factConfidences = ["high", "medium", "low"] as const;
export type FactConfidence = (typeof factConfidences)[number];
export type ContentStatus = (typeof contentStatuses)[number];

export const topics = pgTable("topics", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description"),
  ordinal: integer("ordinal").notNull().default(0),
});

export const legalDocuments = pgTable(
  "legal_documents",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    /** "Hiến pháp", "Bộ luật", "Luật", … as the title starts. */
    docType: text("doc_type").notNull(),
    /** The official number, e.g. "52/2014/QH13", where known. */
    officialNumber: text("official_number"),
    topicId: integer("topic_id").references(() => topics.id),
    ownerUnitId: integer("owner_unit_id").references(() => units.id),
    /** Where the text comes from, and how current it is. */
    source: text("source"),
    status: text("status", { enum: contentStatuses }).notNull().default("published"),
    publishedAt: utcTimestamp("published_at"),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
    updatedAt: utcTimestamp("updated_at").notNull().defaultNow(),
    // The document's legal life. Its status on a day is computed from these facts (src/content/law-status.ts), never
    // stored as one flag: a law replaced from 2026-07-01 is in force on 2026-06-30 and replaced on 2026-07-01.
    /** "Quốc hội", "Chính phủ", … where known. */
    issuingBody: text("issuing_body"),
    /** The year that names it ("Luật Hôn nhân và gia đình 2014"), usually the year it was passed. */
    year: integer("year"),
    effectiveFrom: date("effective_from", { mode: "string" }),
    /** The first day it no longer applies (replaced or expired), when known. */
    endsOn: date("ends_on", { mode: "string" }),
    endReason: text("end_reason", { enum: documentEndReasons }),
    /** The loaded document that replaces it, if loaded; otherwise its number and name below. */
    replacedByDocumentId: integer("replaced_by_document_id").references((): AnyPgColumn => legalDocuments.id, {
      onDelete: "set null",
    }),
    replacedByNumber: text("replaced_by_number"),
    replacedByName: text("replaced_by_name"),
    /** How sure the facts above are, what is unverified about them, and where they come from. */
    factsConfidence: text("facts_confidence", { enum: factConfidences }),
    factsNote: text("facts_note"),
    factsSources: jsonb("facts_sources").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [index("legal_documents_topic_idx").on(t.topicId), index("legal_documents_number_idx").on(t.officialNumber)],
);

export const articles = pgTable(
  "articles",
  {
    id: serial("id").primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => legalDocuments.id, { onDelete: "cascade" }),
    /** The article number as written ("8", "12a"). */
    number: text("number").notNull(),
    /** Sort order within the document. */
    ordinal: integer("ordinal").notNull(),
    title: text("title"),
    body: text("body").notNull(),
    search: tsvector("search").notNull(),
  },
  (t) => [
    unique("articles_document_number_key").on(t.documentId, t.number),
    index("articles_document_ordinal_idx").on(t.documentId, t.ordinal),
    index("articles_search_idx").using("gin", t.search),
  ],
);

export interface Citation {
  document: string;
  article: string;
}

export const lessons = pgTable(
  "lessons",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    topicId: integer("topic_id").references(() => topics.id),
    citations: jsonb("citations").$type<Citation[]>().notNull().default(sql`'[]'::jsonb`),
    ownerUnitId: integer("owner_unit_id").references(() => units.id),
    status: text("status", { enum: contentStatuses }).notNull().default("published"),
    ordinal: integer("ordinal").notNull().default(0),
    publishedAt: utcTimestamp("published_at"),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
    updatedAt: utcTimestamp("updated_at").notNull().defaultNow(),
    search: tsvector("search").notNull(),
  },
  (t) => [index("lessons_search_idx").using("gin", t.search)],
);

/**
 * A document that amends (sửa đổi, bổ sung) a statute: its number and name, the day it took effect and the articles
 * of the statute it changed where known. `articlesComplete` false means the list is partial or unknown, so any
 * article may have changed. `recordedAt` is when Loa learned of it: content written before that is re-checked.
 */
export const documentAmendments = pgTable(
  "document_amendments",
  {
    id: serial("id").primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => legalDocuments.id, { onDelete: "cascade" }),
    amendingNumber: text("amending_number").notNull(),
    amendingName: text("amending_name").notNull(),
    /** The amending document when it is loaded too. */
    amendingDocumentId: integer("amending_document_id").references(() => legalDocuments.id, { onDelete: "set null" }),
    effectiveFrom: date("effective_from", { mode: "string" }),
    /** Article numbers of the statute changed ("9", "84"). */
    articlesChanged: jsonb("articles_changed").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    articlesComplete: boolean("articles_complete").notNull().default(false),
    /** What is unverified (the date, the name), in Vietnamese for officers. */
    note: text("note"),
    recordedAt: utcTimestamp("recorded_at").notNull().defaultNow(),
  },
  (t) => [unique("document_amendments_document_number_key").on(t.documentId, t.amendingNumber)],
);

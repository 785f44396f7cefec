// Legal content: topics, statutes (documents) article by article, and short lessons (bài phổ biến pháp luật).
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, serial, text, unique } from "drizzle-orm/pg-core";
import { tsvector, utcTimestamp } from "./types";
import { units } from "./units";

export const contentStatuses = ["draft", "published"] as const;
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
  },
  (t) => [index("legal_documents_topic_idx").on(t.topicId)],
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

// Surveys as the ledger keeps them: each published version's definition frozen, the waves it runs in, responses
// (one per contact per wave), answers by option code, and the consent given before any answer is stored.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, serial, text, unique, uuid } from "drizzle-orm/pg-core";
import { type AnswerValue, responseStatuses } from "../../surveys/schema";
import { contacts } from "./contacts";
import { utcTimestamp } from "./types";
import { units } from "./units";

export const surveyVersions = pgTable(
  "survey_versions",
  {
    id: serial("id").primaryKey(),
    key: text("key").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    /** The definition exactly as published; a later edit of the file under the same version is refused. */
    definition: jsonb("definition").notNull(),
    definitionHash: text("definition_hash").notNull(),
    publishedAt: utcTimestamp("published_at").notNull().defaultNow(),
  },
  (t) => [unique("survey_versions_key_version_key").on(t.key, t.version)],
);

export const surveyWaves = pgTable(
  "survey_waves",
  {
    id: serial("id").primaryKey(),
    surveyKey: text("survey_key").notNull(),
    name: text("name").notNull(),
    /** The unit the wave measures (and whose officers see its responses). */
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** The office responsible for the data, named in the consent text (the data controller). */
    controller: text("controller").notNull(),
    startsAt: utcTimestamp("starts_at").notNull(),
    endsAt: utcTimestamp("ends_at"),
    createdBy: uuid("created_by"),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
  },
  (t) => [index("survey_waves_key_idx").on(t.surveyKey, t.startsAt)],
);

export const consentRecords = pgTable(
  "consent_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    /** What the consent is for: "survey:<key>". */
    purpose: text("purpose").notNull(),
    /** Which wording was shown: a hash of the exact text, with the text kept for verification. */
    textVersion: text("text_version").notNull(),
    text: text("text").notNull(),
    channel: text("channel").notNull(),
    givenAt: utcTimestamp("given_at").notNull().defaultNow(),
    withdrawnAt: utcTimestamp("withdrawn_at"),
  },
  (t) => [index("consent_records_contact_idx").on(t.contactId)],
);

export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null once the person withdrew and chose to keep their answers de-identified. */
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    surveyVersionId: integer("survey_version_id")
      .notNull()
      .references(() => surveyVersions.id),
    surveyKey: text("survey_key").notNull(),
    surveyVersion: integer("survey_version").notNull(),
    waveId: integer("wave_id")
      .notNull()
      .references(() => surveyWaves.id),
    consentId: uuid("consent_id").references(() => consentRecords.id, { onDelete: "set null" }),
    channel: text("channel").notNull(),
    status: text("status", { enum: responseStatuses }).notNull().default("in_progress"),
    /** The unit the respondent named (unit question), for per-unit scoring. */
    unitId: integer("unit_id").references(() => units.id),
    deidentified: boolean("deidentified").notNull().default(false),
    startedAt: utcTimestamp("started_at").notNull().defaultNow(),
    lastActivityAt: utcTimestamp("last_activity_at").notNull().defaultNow(),
    completedAt: utcTimestamp("completed_at"),
  },
  (t) => [
    // One response per person per wave; de-identified responses (no contact) no longer count against anyone.
    unique("survey_responses_contact_wave_key").on(t.contactId, t.waveId),
    index("survey_responses_wave_idx").on(t.waveId, t.status),
    // Exports read a survey's responses in pages ordered by start time (keyset pagination on (started_at, id)).
    index("survey_responses_key_started_idx").on(t.surveyKey, t.startedAt, t.id),
  ],
);

export const surveyAnswers = pgTable(
  "survey_answers",
  {
    id: serial("id").primaryKey(),
    responseId: uuid("response_id")
      .notNull()
      .references(() => surveyResponses.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    /** Option codes for choice questions, a number, text, or a unit code: always what the definition accepts. */
    value: jsonb("value").$type<AnswerValue>().notNull(),
    /** For quiz items: whether the answer was right. */
    correct: boolean("correct"),
    answeredAt: utcTimestamp("answered_at").notNull().default(sql`now()`),
  },
  (t) => [unique("survey_answers_response_question_key").on(t.responseId, t.questionId)],
);

export type { AnswerValue, ResponseStatus } from "../../surveys/schema";
export { responseStatuses } from "../../surveys/schema";

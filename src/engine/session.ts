// Conversation state kept in the database between messages. Versioned and zod-validated: a stored state that no
// longer parses (an old version, a corrupted row) restarts the conversation at the menu instead of failing.
import { z } from "zod";
import { answerValueSchema, responseStatuses } from "../../surveys/schema";

/** The longest question kept for an officer (longer text is cut there). */
export const QUESTION_MAX_LENGTH = 2000;

export const screenSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("menu") }),
  z.object({ kind: z.literal("help") }),
  z.object({ kind: z.literal("topics") }),
  z.object({ kind: z.literal("documents"), topicId: z.number().int(), page: z.number().int().min(1) }),
  z.object({ kind: z.literal("articles"), documentId: z.number().int(), page: z.number().int().min(1) }),
  z.object({
    kind: z.literal("article"),
    articleId: z.number().int(),
    /** The statute being read, so "điều 51" opens its article 51 (missing in sessions saved before it existed). */
    documentId: z.number().int().optional(),
  }),
  z.object({ kind: z.literal("lessons"), page: z.number().int().min(1) }),
  z.object({ kind: z.literal("lesson"), lessonId: z.number().int() }),
  z.object({ kind: z.literal("search_prompt") }),
  z.object({ kind: z.literal("search_results"), query: z.string().max(500), page: z.number().int().min(1) }),
  z.object({ kind: z.literal("surveys") }),
  /** The age group, asked before consent: an under-16 takes a survey anonymously or not at all. */
  z.object({
    kind: z.literal("survey_age"),
    key: z.string(),
    version: z.number().int(),
    waveId: z.number().int(),
    replaces: z.string().optional(),
  }),
  z.object({
    kind: z.literal("survey_consent"),
    key: z.string(),
    version: z.number().int(),
    waveId: z.number().int(),
    replaces: z.string().optional(),
    /** Under 16: the answers are kept with no link to the person (no contact, no identifying question). */
    anonymous: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("survey_existing"),
    key: z.string(),
    waveId: z.number().int(),
    responseId: z.string(),
    status: z.enum(responseStatuses),
  }),
  z.object({
    kind: z.literal("survey_question"),
    key: z.string(),
    version: z.number().int(),
    waveId: z.number().int(),
    responseId: z.string(),
    questionId: z.string(),
    answers: z.record(z.string(), answerValueSchema),
    skipped: z.array(z.string()),
    /** Question ids in the order they were answered, for "quay lại". */
    history: z.array(z.string()),
    misses: z.number().int().min(0),
    unitChoices: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
    /** Options ticked so far on a multiple-choice question (tapping toggles, "Xong" ends). */
    picked: z.array(z.string()).optional(),
    anonymous: z.boolean().optional(),
    lastActivity: z.string(),
  }),
  z.object({ kind: z.literal("erase_choice") }),
  /** An answer to a question was shown: the question, what answered it, for the rating and "Hỏi cán bộ tư pháp". */
  z.object({
    kind: z.literal("qa_answer"),
    question: z.string().max(QUESTION_MAX_LENGTH),
    articleIds: z.array(z.number().int()).max(5),
    approvedId: z.number().int().optional(),
  }),
  /** The person was told where the question would go and what is sent, and is asked to confirm. */
  z.object({
    kind: z.literal("qa_confirm"),
    question: z.string().max(QUESTION_MAX_LENGTH),
    articleIds: z.array(z.number().int()).max(5),
    approvedId: z.number().int().optional(),
  }),
  /** The subscription's terms were shown; the person agrees or not. */
  z.object({ kind: z.literal("sub_consent") }),
  /** Topics offered as extra subscriptions. */
  z.object({ kind: z.literal("sub_topics") }),
  /** Asked for their commune: while subscribing (skippable) or to set or change it; `choices` when ambiguous. */
  z.object({
    kind: z.literal("sub_unit"),
    flow: z.enum(["subscribe", "change"]),
    choices: z
      .array(
        z.object({
          code: z.string().max(40),
          name: z.string().max(200),
          province: z.string().max(200).nullable(),
          formerly: z.string().max(300).nullable().optional(),
        }),
      )
      .max(10)
      .optional(),
  }),
  /** The person's subscriptions were listed, or which one to cancel was asked. */
  z.object({ kind: z.literal("sub_list") }),
]);
export type Screen = z.infer<typeof screenSchema>;

export const SESSION_VERSION = 1;

export const sessionSchema = z.object({
  version: z.literal(SESSION_VERSION),
  screen: screenSchema,
  /** Values of the options last shown, so "2" picks the second one on channels without buttons. */
  options: z.array(z.string()).max(20),
  /**
   * Their labels, folded (optionKey), so typing an option's text with or without diacritics picks it too on
   * channels without buttons. Optional: sessions saved before it existed have none.
   */
  labels: z.array(z.string().max(200)).max(20).optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export function newSession(): Session {
  return { version: SESSION_VERSION, screen: { kind: "menu" }, options: [] };
}

/** A stored state, or a fresh session when it is missing or does not parse. */
export function restoreSession(stored: unknown): Session {
  const parsed = sessionSchema.safeParse(stored);
  return parsed.success ? parsed.data : newSession();
}

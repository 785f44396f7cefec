// What a turn of the conversation asks the ledger to record. The engine only describes these; the caller applies
// them in the same transaction as the new session, so an answer is stored exactly once or not at all.
import type { AnswerValue, ResponseStatus } from "../../surveys/schema";

export type Effect =
  | {
      type: "start_response";
      responseId: string;
      consentId: string;
      surveyKey: string;
      surveyVersion: number;
      waveId: number;
      consentText: string;
      consentVersion: string;
      /** Restarting an expired response in the same wave reuses its row (one response per person per wave). */
      replaces?: string;
      /** An under-16's response: stored with no contact and no consent record linked to the person. */
      anonymous?: boolean;
    }
  | { type: "save_answer"; responseId: string; questionId: string; value: AnswerValue; correct: boolean | null }
  | { type: "delete_answers"; responseId: string; questionIds: string[] }
  | { type: "finish_response"; responseId: string; status: Exclude<ResponseStatus, "in_progress"> }
  | { type: "resume_response"; responseId: string }
  /** Consent withdrawn: stop processing at once (in-progress responses stop, consent marked withdrawn). */
  | { type: "withdraw_consent" }
  /** Delete the person's personal data; "deidentify" keeps their answers with no link to them. */
  | { type: "erase_contact"; mode: "delete" | "deidentify" }
  /** "Hỏi cán bộ tư pháp": the question goes to the inbox of `unitId`, with the articles the bot had shown. */
  | {
      type: "escalate_question";
      questionId: string;
      text: string;
      articles: Array<{ articleId: number; document: string; article: string; title: string | null }>;
      unitId: number;
      topicId: number | null;
      dueAt: string;
    }
  /**
   * A "was this helpful?" tap: stored as a de-identified answer_feedback response (no contact, so no consent
   * dialogue), linked to what it rates: an approved answer, an officer's answer (questionId) or the articles shown.
   */
  | {
      type: "rate_answer";
      responseId: string;
      waveId: number;
      surveyVersion: number;
      code: string;
      approvedAnswerId: number | null;
      questionId: string | null;
      articleIds: number[];
    }
  /** Subscribe to news or a topic (a topics.slug), with the consent text the person agreed to; clears an opt-out. */
  | { type: "subscribe"; topic: string; consentId: string; consentText: string; consentVersion: string }
  /** End one subscription and withdraw its consent. */
  | { type: "unsubscribe"; topic: string }
  /** A stop word: end every subscription, withdraw their consents, mark the contact opted out. */
  | { type: "opt_out" }
  /** The commune the person named ("Xã/phường của tôi"): becomes the contact's unit. */
  | { type: "set_contact_unit"; unitCode: string };

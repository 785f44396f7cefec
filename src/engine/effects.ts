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
  | { type: "erase_contact"; mode: "delete" | "deidentify" };

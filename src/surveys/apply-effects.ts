// Applies what a conversation turn asked to record, inside the turn's transaction: consent and response rows,
// answers (checked once more against the definition, so an invalid value can never be stored), status changes;
// withdrawal and erasure of a person's data are src/privacy's.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { consentRecords, contacts, surveyAnswers, surveyResponses, surveyVersions, units } from "../../db/schema/index";
import { answerValueSchema, questionOptions, type AnswerValue, type SurveyDefinition } from "../../surveys/schema";
import type { Effect } from "../engine/effects";
import { sha256Hex } from "../crypto";
import { eraseContact } from "../privacy/erase-contact";
import { withdrawConsent } from "../privacy/withdraw-consent";
import { surveyCatalog } from "./survey-repository";

export class SurveyVersionChangedError extends Error {}

export function definitionHash(definition: SurveyDefinition): Promise<string> {
  return sha256Hex(JSON.stringify(definition));
}

/**
 * The stored row of a survey version, created on first use. A published version never changes: a definition that
 * differs from what was published under the same version is refused (bump the version instead).
 */
export async function ensureSurveyVersion(db: Db, definition: SurveyDefinition): Promise<number> {
  const hash = await definitionHash(definition);
  await db
    .insert(surveyVersions)
    .values({
      key: definition.key,
      version: definition.version,
      title: definition.title,
      definition,
      definitionHash: hash,
    })
    .onConflictDoNothing();
  const [row] = await db
    .select({ id: surveyVersions.id, hash: surveyVersions.definitionHash })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.key, definition.key), eq(surveyVersions.version, definition.version)));
  if (row!.hash !== hash) {
    throw new SurveyVersionChangedError(
      `Khảo sát "${definition.key}" phiên bản ${definition.version} đã công bố và không được sửa; ` +
        "hãy tăng version trong tệp định nghĩa.",
    );
  }
  return row!.id;
}

function assertValidAnswer(definition: SurveyDefinition, questionId: string, value: AnswerValue): void {
  const question = definition.questions.find((q) => q.id === questionId);
  answerValueSchema.parse(value);
  const options = question ? questionOptions(question) : null;
  const fits =
    question !== undefined &&
    (options
      ? value.kind === "options" &&
        value.codes.length > 0 &&
        value.codes.every((c) => options.some((o) => o.code === c))
      : question.type === "number"
        ? value.kind === "number" &&
          Number.isInteger(value.value) &&
          value.value >= question.min &&
          value.value <= question.max
        : question.type === "text"
          ? value.kind === "text" && value.value.length > 0 && value.value.length <= question.maxLength
          : value.kind === "unit");
  if (!fits) throw new Error(`refusing to store an invalid answer to ${definition.key}.${questionId}`);
}

export interface AppliedEffects {
  /** The contact no longer exists: do not save its session. */
  erased: boolean;
}

export async function applyEffects(
  tx: Db,
  contactId: string,
  channel: string,
  effects: Effect[],
  now: Date,
): Promise<AppliedEffects> {
  // A child's anonymous response has no contact: only the turn that holds its id (in the session) may continue it,
  // and only while it is in progress.
  const ownResponse = (responseId: string) =>
    and(
      eq(surveyResponses.id, responseId),
      or(
        eq(surveyResponses.contactId, contactId),
        and(
          isNull(surveyResponses.contactId),
          eq(surveyResponses.deidentified, true),
          eq(surveyResponses.status, "in_progress"),
        ),
      ),
    );
  for (const effect of effects) {
    switch (effect.type) {
      case "start_response": {
        const definition = surveyCatalog().get(effect.surveyKey);
        if (!definition || definition.version !== effect.surveyVersion)
          throw new Error(`unknown survey ${effect.surveyKey}@${effect.surveyVersion}`);
        const versionId = await ensureSurveyVersion(tx, definition);
        if (effect.replaces) await tx.delete(surveyResponses).where(ownResponse(effect.replaces));
        if (effect.anonymous) {
          // Under 16: nothing links the answers to the chat identity (no contact, no consent record of theirs).
          await tx.insert(surveyResponses).values({
            id: effect.responseId,
            contactId: null,
            surveyVersionId: versionId,
            surveyKey: effect.surveyKey,
            surveyVersion: effect.surveyVersion,
            waveId: effect.waveId,
            consentId: null,
            channel,
            deidentified: true,
            startedAt: now,
            lastActivityAt: now,
          });
          break;
        }
        await tx.insert(consentRecords).values({
          id: effect.consentId,
          contactId,
          purpose: `survey:${effect.surveyKey}`,
          textVersion: effect.consentVersion,
          text: effect.consentText,
          channel,
          givenAt: now,
        });
        await tx.insert(surveyResponses).values({
          id: effect.responseId,
          contactId,
          surveyVersionId: versionId,
          surveyKey: effect.surveyKey,
          surveyVersion: effect.surveyVersion,
          waveId: effect.waveId,
          consentId: effect.consentId,
          channel,
          startedAt: now,
          lastActivityAt: now,
        });
        break;
      }
      case "save_answer": {
        const [response] = await tx
          .select({
            key: surveyResponses.surveyKey,
            version: surveyResponses.surveyVersion,
            status: surveyResponses.status,
            anonymous: surveyResponses.deidentified,
          })
          .from(surveyResponses)
          .where(ownResponse(effect.responseId));
        // A response stopped by a withdrawal takes no more answers.
        if (!response || response.status !== "in_progress") break;
        const definition = surveyCatalog().get(response.key);
        if (!definition || definition.version !== response.version)
          throw new Error(`unknown survey ${response.key}@${response.version}`);
        assertValidAnswer(definition, effect.questionId, effect.value);
        await tx
          .insert(surveyAnswers)
          .values({
            responseId: effect.responseId,
            questionId: effect.questionId,
            value: effect.value,
            correct: effect.correct,
            answeredAt: now,
          })
          // A quiz answer (correct is set) is final once revealed: the first one stays.
          .onConflictDoUpdate({
            target: [surveyAnswers.responseId, surveyAnswers.questionId],
            set: { value: effect.value, correct: effect.correct, answeredAt: now },
            setWhere: sql`${surveyAnswers.correct} is null`,
          });
        const unitId =
          effect.value.kind === "unit"
            ? (
                await tx
                  .select({ id: units.id })
                  .from(units)
                  .where(and(eq(units.code, effect.value.code), isNull(units.validTo)))
                  .limit(1)
              )[0]?.id
            : undefined;
        await tx
          .update(surveyResponses)
          .set({ lastActivityAt: now, ...(unitId ? { unitId } : {}) })
          .where(ownResponse(effect.responseId));
        // The first place a person names becomes their contact's unit, for officers' per-unit counts.
        if (unitId && !response.anonymous)
          await tx
            .update(contacts)
            .set({ unitId })
            .where(and(eq(contacts.id, contactId), isNull(contacts.unitId)));
        break;
      }
      case "delete_answers":
        if (effect.questionIds.length > 0) {
          const owned = await tx
            .select({ id: surveyResponses.id })
            .from(surveyResponses)
            .where(ownResponse(effect.responseId));
          if (owned.length > 0) {
            await tx
              .delete(surveyAnswers)
              .where(
                and(
                  eq(surveyAnswers.responseId, effect.responseId),
                  inArray(surveyAnswers.questionId, effect.questionIds),
                ),
              );
          }
        }
        break;
      case "finish_response":
        await tx
          .update(surveyResponses)
          .set({
            status: effect.status,
            lastActivityAt: now,
            ...(effect.status === "completed" ? { completedAt: now } : {}),
          })
          .where(and(ownResponse(effect.responseId), sql`${surveyResponses.status} <> 'completed'`));
        break;
      case "resume_response":
        await tx
          .update(surveyResponses)
          .set({ status: "in_progress", lastActivityAt: now })
          .where(ownResponse(effect.responseId));
        break;
      case "withdraw_consent":
        await withdrawConsent(tx, contactId, channel, now);
        break;
      case "erase_contact":
        await eraseContact(tx, contactId, channel, effect.mode);
        return { erased: true };
    }
  }
  return { erased: false };
}

// Applies the Q&A effects of a conversation turn inside the turn's transaction: an escalated question enters its
// unit's inbox, and a "was this helpful?" tap is stored as a de-identified answer_feedback response (no contact, no
// consent record: nothing links it to the person) with a row saying what it rates.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { answerRatings, questions, surveyAnswers, surveyResponses } from "../../db/schema/index";
import type { Channel } from "../../db/schema/contacts";
import type { Effect } from "../engine/effects";
import { questionOptions } from "../../surveys/schema";
import { ensureSurveyVersion } from "../surveys/apply-effects";
import { surveyCatalog } from "../surveys/survey-repository";

export async function applyQaEffects(
  tx: Db,
  contactId: string,
  channel: Channel,
  effects: Effect[],
  now: Date,
): Promise<void> {
  for (const effect of effects) {
    if (effect.type === "escalate_question") {
      await tx.insert(questions).values({
        id: effect.questionId,
        contactId,
        channel,
        text: effect.text,
        articles: effect.articles,
        unitId: effect.unitId,
        topicId: effect.topicId,
        status: "open",
        createdAt: now,
        dueAt: new Date(effect.dueAt),
      });
    } else if (effect.type === "rate_answer") {
      const definition = surveyCatalog().get("answer_feedback");
      if (!definition || definition.version !== effect.surveyVersion) continue;
      const question = definition.questions.find((q) => q.id === "helpful");
      const options = question ? questionOptions(question) : null;
      if (!options?.some((o) => o.code === effect.code)) continue;
      // A rating of an officer's answer counts only from the person who asked.
      if (effect.questionId !== null) {
        const [own] = await tx
          .select({ id: questions.id })
          .from(questions)
          .where(and(eq(questions.id, effect.questionId), eq(questions.contactId, contactId)));
        if (!own) continue;
      }
      const versionId = await ensureSurveyVersion(tx, definition);
      await tx.insert(surveyResponses).values({
        id: effect.responseId,
        contactId: null,
        surveyVersionId: versionId,
        surveyKey: definition.key,
        surveyVersion: definition.version,
        waveId: effect.waveId,
        consentId: null,
        channel,
        status: "completed",
        deidentified: true,
        startedAt: now,
        lastActivityAt: now,
        completedAt: now,
      });
      await tx.insert(surveyAnswers).values({
        responseId: effect.responseId,
        questionId: "helpful",
        value: { kind: "options", codes: [effect.code] },
        correct: null,
        answeredAt: now,
      });
      await tx.insert(answerRatings).values({
        responseId: effect.responseId,
        approvedAnswerId: effect.approvedAnswerId,
        questionId: effect.questionId,
        articleIds: effect.articleIds,
        createdAt: now,
      });
    }
  }
}

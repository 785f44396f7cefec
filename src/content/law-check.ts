// The daily re-check of content against the law (src/jobs.ts): statutes whose status changes today, and how much
// published content cites changed law for the whole country (the same computation as GET /api/content-health).
// Nothing is stored: the report is computed on read; the counts go to the log for whoever watches it.
import type { Db } from "../../db/db";
import { changesTakingEffect, contentHealth } from "./content-health";
import { loadLawRegistry } from "./law-registry";
import { vietnamToday } from "./law-status";

export async function lawCheck(db: Db, now: Date): Promise<Record<string, number>> {
  const date = vietnamToday(now);
  const [report, laws] = await Promise.all([contentHealth(db, null, date), loadLawRegistry(db)]);
  const today = changesTakingEffect(laws, date);
  return {
    lessonsToReview: report.counts.lesson,
    answersHeldBack: report.counts.approved_answer,
    quizQuestionsToReview: report.counts.quiz_question,
    documentsChangingToday: today.documents,
    amendmentsTakingEffectToday: today.amendments,
  };
}

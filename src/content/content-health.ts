// The content-health report: published lessons, approved answers and quiz explanations that cite articles of
// statutes that were amended, replaced or expired (the rule is src/content/citation-check.ts), with the change and
// its date, for the officers whose scope owns the content.
//
// Computed on read from current data rather than kept in a table: the facts are small (tens of statutes, hundreds
// of content items), a status can change by date alone (a law passed earlier takes effect today), and an import, a
// status marked by an officer, an edit or a republish is reflected at once with nothing to keep in step. The daily
// job (src/jobs.ts) runs the same computation for the whole country and logs its counts.
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { approvedAnswers, lessons, surveyVersions, units } from "../../db/schema/index";
import { inScope, pathInScope, type Principal } from "../officers/principal";
import type { SurveyDefinition } from "../../surveys/schema";
import { type CitationFlag, citationFlags } from "./citation-check";
import { loadLawRegistry } from "./law-registry";

export const contentHealthKinds = ["lesson", "approved_answer", "quiz_question"] as const;
export type ContentHealthKind = (typeof contentHealthKinds)[number];

export interface ContentHealthItem {
  kind: ContentHealthKind;
  /** The lesson or answer id; for a quiz question "survey_key@version/question_id". */
  id: string;
  title: string;
  /** The unit that owns it; null for national content without a unit (approved answers, survey definitions). */
  unitCode: string | null;
  /** When it was last edited, republished or reviewed: changes after this are what it has not caught up with. */
  checkedAt: Date;
  flags: CitationFlag[];
}

export interface ContentHealthReport {
  date: string;
  items: ContentHealthItem[];
  counts: Record<ContentHealthKind, number>;
}

/** Whole country when `principal` is null (the daily job); otherwise what the officer's scope owns. */
export async function contentHealth(db: Db, principal: Principal | null, date: string): Promise<ContentHealthReport> {
  const [laws, lessonRows, answerRows, surveyRows] = await Promise.all([
    loadLawRegistry(db),
    db
      .select({
        id: lessons.id,
        title: lessons.title,
        citations: lessons.citations,
        updatedAt: lessons.updatedAt,
        unitCode: units.code,
      })
      .from(lessons)
      .leftJoin(units, eq(units.id, lessons.ownerUnitId))
      .where(and(eq(lessons.status, "published"), principal ? inScope(principal, lessons.ownerUnitId) : undefined))
      .orderBy(asc(lessons.id)),
    db
      .select({
        id: approvedAnswers.id,
        question: approvedAnswers.question,
        citations: approvedAnswers.citations,
        updatedAt: approvedAnswers.updatedAt,
        unitCode: units.code,
        unitPath: units.path,
      })
      .from(approvedAnswers)
      .leftJoin(units, eq(units.id, approvedAnswers.unitId))
      .where(eq(approvedAnswers.status, "published"))
      .orderBy(asc(approvedAnswers.id)),
    // The latest version of each survey: the one new responses take.
    db
      .selectDistinctOn([surveyVersions.key], {
        key: surveyVersions.key,
        version: surveyVersions.version,
        definition: surveyVersions.definition,
        publishedAt: surveyVersions.publishedAt,
      })
      .from(surveyVersions)
      .orderBy(asc(surveyVersions.key), desc(surveyVersions.version)),
  ]);
  const national = principal === null || isNational(principal);
  const items: ContentHealthItem[] = [];
  const check = (citations: Array<{ document: string; article: string }>, checkedAt: Date) =>
    citations.flatMap((c) => citationFlags(laws, c, date, checkedAt));

  for (const lesson of lessonRows) {
    const flags = check(lesson.citations, lesson.updatedAt);
    if (flags.length > 0) {
      items.push({
        kind: "lesson",
        id: String(lesson.id),
        title: lesson.title,
        unitCode: lesson.unitCode,
        checkedAt: lesson.updatedAt,
        flags,
      });
    }
  }
  for (const answer of answerRows) {
    // An answer with no unit is national (the way retiring one is scoped).
    const visible = principal === null || (answer.unitPath ? pathInScope(principal, answer.unitPath) : national);
    if (!visible) continue;
    const flags = check(answer.citations, answer.updatedAt);
    if (flags.length > 0) {
      items.push({
        kind: "approved_answer",
        id: String(answer.id),
        title: answer.question,
        unitCode: answer.unitCode,
        checkedAt: answer.updatedAt,
        flags,
      });
    }
  }
  if (national) {
    for (const survey of surveyRows) {
      const definition = survey.definition as SurveyDefinition;
      for (const question of definition.questions ?? []) {
        if (question.type !== "quiz") continue;
        const flags = check([question.citation], survey.publishedAt);
        if (flags.length > 0) {
          items.push({
            kind: "quiz_question",
            id: `${survey.key}@${survey.version}/${question.id}`,
            title: question.text,
            unitCode: null,
            checkedAt: survey.publishedAt,
            flags,
          });
        }
      }
    }
  }
  const counts = { lesson: 0, approved_answer: 0, quiz_question: 0 };
  for (const item of items) counts[item.kind]++;
  return { date, items, counts };
}

/** A national officer (the country's unit): the one scope that manages national content with no owning unit. */
function isNational(principal: Principal): boolean {
  return principal.unitPath.split("/").filter(Boolean).length <= 1;
}

/** For the daily job: statutes whose status changes on `date` (a law taking effect, ending, or amended). */
export function changesTakingEffect(
  laws: Awaited<ReturnType<typeof loadLawRegistry>>,
  date: string,
): { documents: number; amendments: number } {
  let documents = 0;
  let amendments = 0;
  for (const facts of laws.all) {
    if (facts.effectiveFrom === date || facts.endsOn === date) documents++;
    amendments += facts.amendments.filter((a) => a.effectiveFrom === date).length;
  }
  return { documents, amendments };
}

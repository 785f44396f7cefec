// Surveys as officers see them: the catalog with its published versions, waves in their scope, and responses of
// waves in their scope (pseudonymous: never a platform id).
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/db";
import {
  contacts,
  surveyAnswers,
  surveyResponses,
  surveyVersions,
  surveyWaves,
  units,
  type ResponseStatus,
} from "../../db/schema/index";
import type { SurveyDefinition } from "../../surveys/schema";
import { recordAudit } from "../officers/audit";
import { ApiError } from "../errors";
import { unitInScopeOrFail } from "../officers/officer-service";
import { inScope, type Principal } from "../officers/principal";
import { responsesInScope } from "./responses-in-scope";
import { surveyCatalog } from "./survey-repository";

export async function listSurveysForOfficer(db: Db) {
  const versions = await db
    .select({
      key: surveyVersions.key,
      version: surveyVersions.version,
      title: surveyVersions.title,
      publishedAt: surveyVersions.publishedAt,
    })
    .from(surveyVersions)
    .orderBy(asc(surveyVersions.key), asc(surveyVersions.version));
  return [...surveyCatalog().values()].map((survey) => ({
    key: survey.key,
    title: survey.title,
    currentVersion: survey.version,
    questionCount: survey.questions.length,
    versions: versions
      .filter((v) => v.key === survey.key)
      .map((v) => ({ version: v.version, title: v.title, publishedAt: v.publishedAt })),
  }));
}

const waveColumns = {
  id: surveyWaves.id,
  surveyKey: surveyWaves.surveyKey,
  name: surveyWaves.name,
  unitCode: units.code,
  unitName: units.fullName,
  controller: surveyWaves.controller,
  startsAt: surveyWaves.startsAt,
  endsAt: surveyWaves.endsAt,
  createdAt: surveyWaves.createdAt,
};

export async function listWaves(db: Db, principal: Principal, surveyKey: string) {
  return db
    .select(waveColumns)
    .from(surveyWaves)
    .innerJoin(units, eq(units.id, surveyWaves.unitId))
    .where(and(eq(surveyWaves.surveyKey, surveyKey), inScope(principal, surveyWaves.unitId)))
    .orderBy(desc(surveyWaves.startsAt), desc(surveyWaves.id));
}

export interface WaveInput {
  name: string;
  unitCode: string;
  controller: string;
  startsAt: Date;
  endsAt?: Date | null;
}

export async function createWave(db: Db, principal: Principal, surveyKey: string, input: WaveInput) {
  if (!surveyCatalog().has(surveyKey)) return null;
  if (input.endsAt && input.endsAt <= input.startsAt) {
    throw new ApiError("invalid_request", "Thời điểm kết thúc phải sau thời điểm bắt đầu", "endsAt");
  }
  return db.transaction(async (tx) => {
    const unit = await unitInScopeOrFail(tx, principal, input.unitCode);
    const [row] = await tx
      .insert(surveyWaves)
      .values({
        surveyKey,
        name: input.name.trim(),
        unitId: unit.id,
        controller: input.controller.trim(),
        startsAt: input.startsAt,
        endsAt: input.endsAt ?? null,
        createdBy: principal.officerId,
      })
      .returning({ id: surveyWaves.id });
    await recordAudit(tx, principal, {
      action: "survey.wave_create",
      targetType: "survey_wave",
      targetId: row!.id,
      unitId: unit.id,
      details: { surveyKey, name: input.name },
    });
    const [wave] = await tx
      .select(waveColumns)
      .from(surveyWaves)
      .innerJoin(units, eq(units.id, surveyWaves.unitId))
      .where(eq(surveyWaves.id, row!.id));
    return wave!;
  });
}

export interface ResponseQuery {
  waveId?: number;
  status?: ResponseStatus;
  page: number;
  pageSize: number;
}

/**
 * Responses in scope (responsesInScope: the wave's unit or the respondent's), with answers as option codes. The
 * respondent appears only as a pseudonymous id.
 */
export async function listResponses(db: Db, principal: Principal, surveyKey: string, query: ResponseQuery) {
  const conditions: SQL[] = [eq(surveyResponses.surveyKey, surveyKey), responsesInScope(principal)];
  if (query.waveId !== undefined) conditions.push(eq(surveyResponses.waveId, query.waveId));
  if (query.status) conditions.push(eq(surveyResponses.status, query.status));
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(surveyResponses)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyResponses.waveId))
    .where(where);
  const respondentUnit = units;
  const rows = await db
    .select({
      id: surveyResponses.id,
      waveId: surveyResponses.waveId,
      surveyVersion: surveyResponses.surveyVersion,
      status: surveyResponses.status,
      channel: surveyResponses.channel,
      respondent: contacts.pseudonymousId,
      deidentified: surveyResponses.deidentified,
      unitCode: respondentUnit.code,
      startedAt: surveyResponses.startedAt,
      completedAt: surveyResponses.completedAt,
    })
    .from(surveyResponses)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyResponses.waveId))
    .leftJoin(contacts, eq(contacts.id, surveyResponses.contactId))
    .leftJoin(respondentUnit, eq(respondentUnit.id, surveyResponses.unitId))
    .where(where)
    .orderBy(desc(surveyResponses.startedAt), asc(surveyResponses.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const answers =
    rows.length === 0
      ? []
      : await db
          .select({
            responseId: surveyAnswers.responseId,
            questionId: surveyAnswers.questionId,
            value: surveyAnswers.value,
            correct: surveyAnswers.correct,
          })
          .from(surveyAnswers)
          .where(
            inArray(
              surveyAnswers.responseId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(surveyAnswers.id));
  const items = rows.map((row) => ({
    ...row,
    answers: answers.filter((a) => a.responseId === row.id).map(({ responseId: _r, ...a }) => a),
  }));
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/**
 * One version of a survey as officers read it: the definition exactly as published, or (for the catalog's newest
 * version before its first publication at start-up) the catalog's own, marked unpublished. Null when unknown.
 */
export async function getSurveyVersion(db: Db, key: string, version: number) {
  const [row] = await db
    .select({ definition: surveyVersions.definition, publishedAt: surveyVersions.publishedAt })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.key, key), eq(surveyVersions.version, version)));
  if (row) return { definition: row.definition as SurveyDefinition, publishedAt: row.publishedAt as Date | null };
  const current = surveyCatalog().get(key);
  return current && current.version === version ? { definition: current, publishedAt: null } : null;
}

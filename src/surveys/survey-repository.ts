// The engine's SurveySource on the database: definitions from the catalog, open waves, a person's response in a
// wave, and unit lookup for unit questions (national: a citizen may name any commune).
import { and, desc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { surveyAnswers, surveyResponses, surveyWaves, units } from "../../db/schema/index";
import { loadSurveys } from "../../surveys/catalog";
import type { SurveyDefinition } from "../../surveys/schema";
import type { SurveySource } from "../engine/ports";
import { searchUnits } from "../units/unit-service";

let catalog: Map<string, SurveyDefinition> | undefined;

/** The latest version of each survey in the catalog, validated once per process. */
export function surveyCatalog(): Map<string, SurveyDefinition> {
  if (!catalog) {
    catalog = new Map();
    for (const survey of loadSurveys()) {
      const known = catalog.get(survey.key);
      if (!known || known.version < survey.version) catalog.set(survey.key, survey);
    }
  }
  return catalog;
}

export function openWaveCondition(now: Date) {
  return and(lte(surveyWaves.startsAt, now), or(isNull(surveyWaves.endsAt), gt(surveyWaves.endsAt, now)));
}

export function createSurveyRepository(db: Db, now: () => Date = () => new Date()): SurveySource {
  return {
    async listOpen() {
      const rows = await db
        .selectDistinct({ key: surveyWaves.surveyKey })
        .from(surveyWaves)
        .where(openWaveCondition(now()));
      const open = new Set(rows.map((r) => r.key));
      return [...surveyCatalog().values()].filter((s) => open.has(s.key)).map((s) => ({ key: s.key, title: s.title }));
    },

    definition(key) {
      return surveyCatalog().get(key) ?? null;
    },

    async openWave(key, waveId) {
      const conditions = [eq(surveyWaves.surveyKey, key), openWaveCondition(now())];
      if (waveId !== undefined) conditions.push(eq(surveyWaves.id, waveId));
      const [wave] = await db
        .select({ id: surveyWaves.id, name: surveyWaves.name, controller: surveyWaves.controller })
        .from(surveyWaves)
        .innerJoin(units, eq(units.id, surveyWaves.unitId))
        .where(and(...conditions))
        // Without a wave named (a deep link from a campaign), the national wave, then the newest.
        .orderBy(
          sql`case when ${units.kind} = 'country' then 0 else 1 end`,
          desc(surveyWaves.startsAt),
          desc(surveyWaves.id),
        )
        .limit(1);
      return wave ?? null;
    },

    async existingResponse(contactId, waveId) {
      const [response] = await db
        .select({
          id: surveyResponses.id,
          status: surveyResponses.status,
          surveyVersion: surveyResponses.surveyVersion,
          lastActivityAt: surveyResponses.lastActivityAt,
        })
        .from(surveyResponses)
        .where(and(eq(surveyResponses.contactId, contactId), eq(surveyResponses.waveId, waveId)));
      if (!response) return null;
      const answers = await db
        .select({ questionId: surveyAnswers.questionId, value: surveyAnswers.value })
        .from(surveyAnswers)
        .where(eq(surveyAnswers.responseId, response.id));
      return { ...response, answers: Object.fromEntries(answers.map((a) => [a.questionId, a.value])) };
    },

    async findUnits(text, level) {
      const matches = await searchUnits(db, { unitPath: "/" }, text, 10);
      return matches
        .filter((m) => m.kind === level)
        .map((m) => ({
          code: m.code,
          name: m.fullName,
          province: m.parentName,
          formerly:
            m.matchedBy === "old_name" && m.oldName ? [m.oldName, m.oldProvinceName].filter(Boolean).join(", ") : null,
          exact: m.matchedBy !== "similar",
          fit: Number(m.fitsContext) + Number(m.fitsType),
        }));
    },
  };
}

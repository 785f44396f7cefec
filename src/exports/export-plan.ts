// An export request checked against the database: the survey and its published versions (their frozen definitions
// label the answers), the wave and the unit named, and the scope. A name that does not exist is a 400 naming its
// field; a unit outside the caller's scope is a 404, as everywhere in the API.
import { and, asc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/db";
import { surveyResponses, surveyVersions, surveyWaves } from "../../db/schema/index";
import { surveyDefinitionSchema, type SurveyDefinition } from "../../surveys/schema";
import { ApiError } from "../errors";
import { findUnitByCode } from "../officers/officer-service";
import { pathInScope } from "../officers/principal";
import { responsesInScope } from "../surveys/responses-in-scope";
import { period, type ExportRequest } from "./export-request";

/** Whose rows an export may contain: an officer's subtree, or everything (the CLI runs with database access). */
export type ExportScope = { unitPath: string } | "all";

export interface ExportPlan {
  request: ExportRequest;
  surveyKey: string;
  title: string;
  /** The published versions the export may contain, oldest first, with the definitions they were answered under. */
  versions: Array<{ version: number; definition: SurveyDefinition }>;
  wave: { id: number; name: string } | null;
  unit: { id: number; code: string; name: string; path: string } | null;
  from?: Date;
  to?: Date;
  scope: ExportScope;
}

export async function planExport(db: Db, scope: ExportScope, request: ExportRequest): Promise<ExportPlan> {
  const rows = await db
    .select({ version: surveyVersions.version, title: surveyVersions.title, definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(eq(surveyVersions.key, request.survey))
    .orderBy(asc(surveyVersions.version));
  if (rows.length === 0) throw new ApiError("invalid_request", `Không có khảo sát "${request.survey}"`, "survey");
  const chosen = request.version === undefined ? rows : rows.filter((r) => r.version === request.version);
  if (chosen.length === 0) {
    const known = rows.map((r) => r.version).join(", ");
    throw new ApiError(
      "invalid_request",
      `Khảo sát "${request.survey}" không có phiên bản ${request.version} (có: ${known})`,
      "version",
    );
  }

  let wave: ExportPlan["wave"] = null;
  if (request.wave !== undefined) {
    // A wave outside the scope is still a valid filter: a national wave holds answers from every commune, and an
    // officer sees those of their own communes.
    const [found] = await db
      .select({ id: surveyWaves.id, name: surveyWaves.name })
      .from(surveyWaves)
      .where(and(eq(surveyWaves.id, request.wave), eq(surveyWaves.surveyKey, request.survey)));
    if (!found)
      throw new ApiError("invalid_request", `Khảo sát "${request.survey}" không có đợt ${request.wave}`, "wave");
    wave = found;
  }

  let unit: ExportPlan["unit"] = null;
  if (request.unit !== undefined) {
    const found = await findUnitByCode(db, request.unit);
    if (!found || (scope !== "all" && !pathInScope(scope, found.path)))
      throw new ApiError("not_found", `Không có đơn vị mã "${request.unit}" trong phạm vi của bạn`, "unit");
    unit = { id: found.id, code: found.code, name: found.name, path: found.path };
  }

  const latest = rows.at(-1)!;
  return {
    request,
    surveyKey: request.survey,
    title: latest.title,
    versions: chosen.map((r) => ({ version: r.version, definition: surveyDefinitionSchema.parse(r.definition) })),
    wave,
    unit,
    ...period(request),
    scope,
  };
}

/**
 * Which responses the export holds: those in the officer's scope (responsesInScope, as the responses API), and the
 * unit filter by the same rule below the unit asked for. Only survey_responses is referenced, so a page can
 * be chosen from its index alone before anything is joined.
 */
export function exportConditions(plan: ExportPlan): SQL {
  const conditions: Array<SQL | undefined> = [eq(surveyResponses.surveyKey, plan.surveyKey)];
  if (plan.scope !== "all") conditions.push(responsesInScope(plan.scope));
  if (plan.unit) conditions.push(responsesInScope({ unitPath: plan.unit.path }));
  if (plan.request.version !== undefined) conditions.push(eq(surveyResponses.surveyVersion, plan.request.version));
  if (plan.from) conditions.push(gte(surveyResponses.startedAt, plan.from));
  if (plan.to) conditions.push(lt(surveyResponses.startedAt, plan.to));
  if (plan.wave) conditions.push(eq(surveyResponses.waveId, plan.wave.id));
  if (plan.request.status) conditions.push(eq(surveyResponses.status, plan.request.status));
  return and(...conditions)!;
}

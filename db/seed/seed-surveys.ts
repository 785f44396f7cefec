// The surveys of the catalog as published versions, each with an open national wave for the demo, so a person can
// take every seeded survey on a fresh start. Idempotent; a changed published version stops it with a clear error.
import { count, eq } from "drizzle-orm";
import type { Db } from "../db";
import { surveyWaves, units } from "../schema/index";
import { ensureSurveyVersion } from "../../src/surveys/apply-effects";
import { surveyCatalog } from "../../src/surveys/survey-repository";
import { loadSurveys } from "../../surveys/catalog";

export const DEMO_CONTROLLER = "Sở Tư pháp (đơn vị dùng thử Loa)";

export async function seedSurveys(db: Db, options: { waves: boolean } = { waves: true }): Promise<number> {
  const all = loadSurveys();
  for (const survey of all) await ensureSurveyVersion(db, survey);
  if (!options.waves) return all.length;
  const [country] = await db.select({ id: units.id }).from(units).where(eq(units.kind, "country")).limit(1);
  if (!country) return all.length;
  for (const survey of surveyCatalog().values()) {
    const [existing] = await db.select({ n: count() }).from(surveyWaves).where(eq(surveyWaves.surveyKey, survey.key));
    if ((existing?.n ?? 0) > 0) continue;
    await db.insert(surveyWaves).values({
      surveyKey: survey.key,
      name: "Khảo sát thường xuyên năm 2026",
      unitId: country.id,
      controller: DEMO_CONTROLLER,
      startsAt: new Date("2026-01-01T00:00:00+07:00"),
      endsAt: null,
    });
  }
  return all.length;
}

// Survey responses written straight into the ledger for scoring tests: a response per entry with its unit, wave,
// status, completion time and answers, so indicator values can be checked against counts worked out by hand.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/db";
import { contacts, surveyAnswers, surveyResponses, surveyVersions, surveyWaves, units } from "../../db/schema/index";
import type { ResponseStatus } from "../../surveys/schema";

export interface FixtureResponse {
  /** The unit the respondent named (a commune code), or null to fall back on the wave's unit. */
  unit: string | null;
  answers: Record<string, string[]>;
  /** Quiz items: question id → whether the answer was right. */
  correct?: Record<string, boolean>;
  status?: ResponseStatus;
  completedAt?: string;
  waveId?: number;
  contactId?: string | null;
  deidentified?: boolean;
}

const unitIds = new Map<string, number>();

export async function unitId(db: Db, code: string): Promise<number> {
  const known = unitIds.get(code);
  if (known) return known;
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.code, code), isNull(units.validTo)));
  if (!row) throw new Error(`no unit ${code}`);
  unitIds.set(code, row.id);
  return row.id;
}

export async function createWave(db: Db, surveyKey: string, name: string, unitCode = "VN"): Promise<number> {
  const [row] = await db
    .insert(surveyWaves)
    .values({
      surveyKey,
      name,
      unitId: await unitId(db, unitCode),
      controller: "Sở Tư pháp (kiểm thử)",
      startsAt: new Date("2020-01-01T00:00:00Z"),
    })
    .returning({ id: surveyWaves.id });
  return row!.id;
}

let contactCounter = 0;
export async function createContact(db: Db): Promise<string> {
  const [row] = await db
    .insert(contacts)
    .values({ channel: "web", platformId: `scoring-${process.pid}-${++contactCounter}` })
    .returning({ id: contacts.id });
  return row!.id;
}

/** Inserts the responses of one survey (its latest published version) and returns their ids. */
export async function insertResponses(db: Db, surveyKey: string, entries: FixtureResponse[]): Promise<string[]> {
  const [version] = await db
    .select({ id: surveyVersions.id, version: surveyVersions.version })
    .from(surveyVersions)
    .where(eq(surveyVersions.key, surveyKey))
    .orderBy(surveyVersions.version);
  if (!version) throw new Error(`survey ${surveyKey} is not published in this database`);
  const defaultWave =
    entries.some((e) => e.waveId === undefined) &&
    (await db.select({ id: surveyWaves.id }).from(surveyWaves).where(eq(surveyWaves.surveyKey, surveyKey)))[0]?.id;
  const ids: string[] = [];
  for (const entry of entries) {
    const status = entry.status ?? "completed";
    const completedAt = new Date(entry.completedAt ?? "2026-06-15T10:00:00+07:00");
    const [response] = await db
      .insert(surveyResponses)
      .values({
        contactId: entry.contactId ?? null,
        surveyVersionId: version.id,
        surveyKey,
        surveyVersion: version.version,
        waveId: entry.waveId ?? (defaultWave as number),
        channel: "web",
        status,
        unitId: entry.unit ? await unitId(db, entry.unit) : null,
        deidentified: entry.deidentified ?? false,
        startedAt: completedAt,
        lastActivityAt: completedAt,
        completedAt: status === "completed" ? completedAt : null,
      })
      .returning({ id: surveyResponses.id });
    const answers = Object.entries(entry.answers).map(([questionId, codes]) => ({
      responseId: response!.id,
      questionId,
      value: { kind: "options" as const, codes },
      correct: entry.correct?.[questionId] ?? null,
    }));
    if (answers.length > 0) await db.insert(surveyAnswers).values(answers);
    ids.push(response!.id);
  }
  return ids;
}

/** `count` copies of a response. */
export const times = (count: number, entry: FixtureResponse): FixtureResponse[] =>
  Array.from({ length: count }, () => entry);

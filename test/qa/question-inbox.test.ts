// Where an escalated question goes: the person's commune when known, else the configured default unit (the country
// unless QA_DEFAULT_UNIT says otherwise), then the deepest routing rule for the topic of the best article's statute.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { articles, contacts, legalDocuments, questionRoutes, units } from "../../db/schema/index";
import { routeQuestion } from "../../src/qa/question-inbox";
import { DEFAULT_QA_SETTINGS } from "../../src/qa/qa-settings";
import { createTestDb, testDriver } from "../support/test-db";

describe(`question routing (${testDriver})`, () => {
  let handle: DbHandle;
  const now = new Date("2026-11-20T03:00:00Z");
  const unitId = async (code: string) =>
    (await handle.db.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]!.id;
  const contact = async (platformId: string, unitCode: string | null) =>
    (
      await handle.db
        .insert(contacts)
        .values({ channel: "web", platformId, unitId: unitCode ? await unitId(unitCode) : null })
        .returning({ id: contacts.id })
    )[0]!.id;
  let marriageArticle: number;
  let marriageTopic: number;
  let residenceArticle: number;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    const articleOf = async (title: string) => {
      const [row] = await handle.db
        .select({ id: articles.id, topicId: legalDocuments.topicId })
        .from(articles)
        .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
        .where(eq(legalDocuments.title, title))
        .limit(1);
      return row!;
    };
    const marriage = await articleOf("Luật Hôn nhân và gia đình");
    marriageArticle = marriage.id;
    marriageTopic = marriage.topicId!;
    residenceArticle = (await articleOf("Luật Cư trú")).id;
  });
  afterAll(async () => handle?.close());

  it("sends a question to the person's commune, named with its province, due in five working days", async () => {
    const route = await routeQuestion(handle.db, DEFAULT_QA_SETTINGS, await contact("ba-dinh", "00004"), null, now);
    expect(route).toMatchObject({ unitId: await unitId("00004"), unitName: "Phường Ba Đình, Thành phố Hà Nội" });
    expect(route.dueAt.toISOString()).toBe("2026-11-27T16:59:59.999Z");
  });

  it("sends it to the configured unit when the commune is unknown, the country by default", async () => {
    const unknown = await contact("khong-ro", null);
    const national = await routeQuestion(handle.db, DEFAULT_QA_SETTINGS, unknown, marriageArticle, now);
    expect(national).toMatchObject({ unitId: await unitId("VN"), topicId: marriageTopic });
    const province = await routeQuestion(handle.db, { defaultUnitCode: "01", dueWorkingDays: 2 }, unknown, null, now);
    expect(province).toMatchObject({ unitId: await unitId("01"), unitName: "Thành phố Hà Nội" });
    expect(province.dueAt.toISOString()).toBe("2026-11-24T16:59:59.999Z");
  });

  it("follows the deepest rule for the topic of the best article, and only for that topic", async () => {
    const asker = await contact("co-quy-tac", "00004");
    await handle.db.insert(questionRoutes).values({
      fromUnitId: await unitId("01"),
      topicId: marriageTopic,
      toUnitId: await unitId("01"),
    });
    const byProvinceRule = await routeQuestion(handle.db, DEFAULT_QA_SETTINGS, asker, marriageArticle, now);
    expect(byProvinceRule.unitId).toBe(await unitId("01"));
    // Another topic, or no article: the commune keeps it.
    const residence = await routeQuestion(handle.db, DEFAULT_QA_SETTINGS, asker, residenceArticle, now);
    expect(residence.unitId).toBe(await unitId("00004"));
    expect((await routeQuestion(handle.db, DEFAULT_QA_SETTINGS, asker, null, now)).unitId).toBe(await unitId("00004"));

    // A rule of the commune itself is more specific than the province's.
    const [other] = await handle.db.select({ id: units.id }).from(units).where(eq(units.code, "00008"));
    await handle.db
      .insert(questionRoutes)
      .values({ fromUnitId: await unitId("00004"), topicId: marriageTopic, toUnitId: other!.id });
    expect((await routeQuestion(handle.db, DEFAULT_QA_SETTINGS, asker, marriageArticle, now)).unitId).toBe(other!.id);
  });
});

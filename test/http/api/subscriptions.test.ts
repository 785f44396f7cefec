// The subscribers summary through the officer API: live subscribers per topic and channel within a unit's
// subtree (ended subscriptions, opted-out and unreachable contacts not counted), those with no commune only for a
// national officer, 400 naming the field for a malformed unit, 404 outside the scope or for an unknown unit.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { contacts, subscriptions, topics, units, type Channel } from "../../../db/schema/index";
import { type OfficerWorld, openOfficerWorld, unique } from "../../support/officer-fixtures";
import { apiCall, type createTestApp } from "../../support/test-app";
import { testDriver } from "../../support/test-db";

interface Summary {
  unit: { code: string; name: string };
  total: number;
  byChannel: Record<Channel, number>;
  topics: Array<{ topic: string; name: string; total: number; byChannel: Record<Channel, number> }>;
  withoutUnit: { total: number; byChannel: Record<Channel, number> } | null;
}
interface ErrorBody {
  error: { code: string; issues?: Array<{ field: string }> };
}

describe(`GET /api/subscriptions/summary (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;
  let topicSlug: string;

  async function unitId(code: string): Promise<number> {
    const [row] = await handle.db.select({ id: units.id }).from(units).where(eq(units.code, code));
    return row!.id;
  }

  async function subscriber(
    channel: Channel,
    unitCode: string | null,
    topicsOf: string[],
    state: { ended?: boolean; optedOut?: boolean; unreachable?: boolean } = {},
  ) {
    const [contact] = await handle.db
      .insert(contacts)
      .values({
        channel,
        platformId: unique("sub"),
        unitId: unitCode ? await unitId(unitCode) : null,
        optedOutAt: state.optedOut ? new Date() : null,
        unreachableAt: state.unreachable ? new Date() : null,
      })
      .returning({ id: contacts.id });
    for (const topic of topicsOf)
      await handle.db
        .insert(subscriptions)
        .values({ contactId: contact!.id, topic, unsubscribedAt: state.ended ? new Date() : null });
  }

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
    const [topic] = await handle.db.select({ slug: topics.slug }).from(topics).orderBy(topics.ordinal).limit(1);
    topicSlug = topic!.slug;
    await subscriber("web", "00004", ["news", topicSlug]);
    await subscriber("telegram", "00004", ["news"]);
    await subscriber("telegram", "00004", ["news"], { ended: true });
    await subscriber("zalo", "00004", ["news", topicSlug], { optedOut: true });
    await subscriber("zalo_oa", "00004", ["news"], { unreachable: true });
    await subscriber("web", world.outside.communeCode, ["news"]);
    await subscriber("zalo", null, ["news", topicSlug]);
  });
  afterAll(async () => handle?.close());

  const get = async (token: string | null, query: string) => {
    const response = await apiCall(app, token, "GET", `/api/subscriptions/summary${query}`);
    return { status: response.status, body: (await response.json()) as Summary & ErrorBody };
  };

  it("counts live subscribers of a commune per topic and channel", async () => {
    const { status, body } = await get(world.tokens.viewer, "?unit=00004");
    expect(status).toBe(200);
    expect(body.unit.code).toBe("00004");
    expect(body.total).toBe(2);
    expect(body.byChannel).toEqual({ web: 1, telegram: 1, zalo: 0, zalo_oa: 0 });
    const news = body.topics.find((t) => t.topic === "news")!;
    expect(news).toMatchObject({ name: "Tin pháp luật chung", total: 2 });
    expect(body.topics.find((t) => t.topic === topicSlug)).toMatchObject({
      total: 1,
      byChannel: { web: 1, telegram: 0, zalo: 0, zalo_oa: 0 },
    });
    // Every topic is listed, the unasked ones with zero.
    const all = await handle.db.select().from(topics);
    expect(body.topics).toHaveLength(all.length + 1);
    // Only a national officer sees those with no commune.
    expect(body.withoutUnit).toBeNull();
  });

  it("defaults to the officer's own unit and counts the whole subtree", async () => {
    const { status, body } = await get(world.tokens.viewer, "");
    expect(status).toBe(200);
    expect(body.unit.code).toBe("01");
    expect(body.total).toBe(2);
  });

  it("a national officer sees the country, and how many subscribers never named their commune", async () => {
    const { status, body } = await get(world.national.token, "?unit=VN");
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.withoutUnit).toEqual({ total: 1, byChannel: { web: 0, telegram: 0, zalo: 1, zalo_oa: 0 } });
    const province = await get(world.national.token, `?unit=${world.outside.provinceCode}`);
    expect(province.body.total).toBe(1);
    expect(province.body.withoutUnit).toBeNull();
  });

  it("answers 404 outside the scope or for an unknown unit, 400 naming the field, 401 without a token", async () => {
    const outside = await get(world.tokens.viewer, `?unit=${world.outside.communeCode}`);
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe("not_found");
    expect((await get(world.tokens.viewer, "?unit=99999999")).status).toBe(404);
    for (const bad of ["?unit=" + encodeURIComponent("ba đình"), "?unit=" + "1".repeat(40), "?unit="]) {
      const malformed = await get(world.tokens.viewer, bad);
      expect(malformed.status, bad).toBe(400);
      expect(malformed.body.error.issues?.map((i) => i.field)).toContain("unit");
    }
    expect((await get(null, "?unit=00004")).status).toBe(401);
  });
});

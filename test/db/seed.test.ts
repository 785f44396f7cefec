import { and, count, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { articles, legalDocuments, lessons, topics, unitAliases, units } from "../../db/schema/index";
import { seedDatabase } from "../../db/seed/seed-database";
import { seedLessons } from "../../db/seed/lessons";
import { createTestDb, QUICK_LAWS, testDriver } from "../support/test-db";

describe(`seed data (${testDriver})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
  });
  afterAll(async () => handle?.close());

  const counts = async () => {
    const kinds = await handle.db.select({ kind: units.kind, n: count() }).from(units).groupBy(units.kind);
    const [aliases] = await handle.db.select({ n: count() }).from(unitAliases);
    const [docs] = await handle.db.select({ n: count() }).from(legalDocuments);
    const [arts] = await handle.db.select({ n: count() }).from(articles);
    const [less] = await handle.db.select({ n: count() }).from(lessons);
    const [tops] = await handle.db.select({ n: count() }).from(topics);
    return {
      units: Object.fromEntries(kinds.map((k) => [k.kind, k.n])),
      aliases: aliases!.n,
      docs: docs!.n,
      arts: arts!.n,
      less: less!.n,
      tops: tops!.n,
    };
  };

  it("has the country, 34 provinces and 3,321 communes with official codes", async () => {
    const c = await counts();
    expect(c.units).toEqual({ country: 1, province: 34, commune: 3321 });
    const [hanoi] = await handle.db
      .select()
      .from(units)
      .where(and(eq(units.code, "01"), eq(units.kind, "province")));
    expect(hanoi).toMatchObject({ name: "Hà Nội", fullName: "Thành phố Hà Nội", adminType: "Thành phố" });
    const [baDinh] = await handle.db.select().from(units).where(eq(units.code, "00004"));
    expect(baDinh).toMatchObject({ name: "Ba Đình", kind: "commune", adminType: "Phường", parentId: hanoi!.id });
  });

  it("gives every unit a path inside its parent's", async () => {
    const orphans = await handle.db.execute(sql`
      select child.code from units child left join units parent on parent.id = child.parent_id
      where child.path = '' or (parent.id is not null and child.path <> parent.path || child.id || '/')`);
    const rows = Array.isArray(orphans) ? orphans : (orphans as { rows: unknown[] }).rows;
    expect(rows).toEqual([]);
    const [root] = await handle.db.select().from(units).where(isNull(units.parentId));
    const [inside] = await handle.db
      .select({ n: count() })
      .from(units)
      .where(sql`${units.path} like ${root!.path + "%"}`);
    expect(inside!.n).toBe(3356);
  });

  it("resolves communes merged in 2025 to their new commune", async () => {
    const [alias] = await handle.db
      .select({ old: unitAliases.oldName, newName: units.name, newCode: units.code })
      .from(unitAliases)
      .innerJoin(units, eq(units.id, unitAliases.unitId))
      .where(eq(unitAliases.oldCode, "00001"));
    expect(alias).toEqual({ old: "Phường Phúc Xá", newName: "Hồng Hà", newCode: "00097" });
    expect((await counts()).aliases).toBeGreaterThan(10_000);
  });

  it("parses article numbers and titles, keeping untitled articles whole", async () => {
    const [marriage] = await handle.db
      .select({ title: articles.title, body: articles.body })
      .from(articles)
      .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
      .where(and(eq(legalDocuments.title, "Luật Hôn nhân và gia đình"), eq(articles.number, "8")));
    expect(marriage!.title).toBe("Điều kiện kết hôn");
    expect(marriage!.body).toMatch(/^1\. Nam, nữ kết hôn/);
    const [constitution] = await handle.db
      .select({ title: articles.title, body: articles.body })
      .from(articles)
      .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
      .where(and(eq(legalDocuments.title, "Hiến pháp"), eq(articles.number, "1")));
    expect(constitution!.title).toBeNull();
    expect(constitution!.body).toMatch(/^Nước Cộng hòa xã hội chủ nghĩa Việt Nam/);
  });

  it("seeds lessons that cite articles which exist", async () => {
    const c = await counts();
    expect(c.less).toBeGreaterThanOrEqual(5);
    for (const lesson of seedLessons) {
      for (const citation of lesson.citations) {
        if (!QUICK_LAWS.includes(citation.document)) continue;
        const [found] = await handle.db
          .select({ id: articles.id })
          .from(articles)
          .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
          .where(and(eq(legalDocuments.title, citation.document), eq(articles.number, citation.article)));
        expect(found, `${lesson.slug} cites ${citation.document} ${citation.article}`).toBeDefined();
      }
    }
  });

  it("changes nothing when applied again", async () => {
    const before = await counts();
    await seedDatabase(handle.db, { laws: QUICK_LAWS });
    expect(await counts()).toEqual(before);
  });
});

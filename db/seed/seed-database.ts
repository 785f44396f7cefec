// The demo and reference data `npm start` puts in an empty database and `npm run db:seed` applies again:
// administrative units, topics, the 17 demo statutes and the Law Day lessons. Every step is idempotent.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "../db";
import { projectRoot } from "../project-root";
import { lessons, searchSynonyms, topics, units } from "../schema/index";
import { importLaws } from "../../src/content/import-laws";
import { lawFileSchema } from "../../src/content/law-file";
import { searchVectorLiteral } from "../../src/text/search-terms";
import { seedLawFacts } from "./legal/law-status";
import { seedLessons } from "./lessons";
import { seedSynonyms } from "./search-synonyms";
import { seedSurveys } from "./seed-surveys";
import { otherTopicSlug, seedTopics } from "./topics";
import { oldToNewFileSchema, seedUnits, unitsFileSchema } from "./seed-units";

const seedFile = (relative: string) => join(projectRoot, "db/seed", relative);
const readJson = async (relative: string): Promise<unknown> => JSON.parse(await readFile(seedFile(relative), "utf8"));

export const DEMO_LAW_SOURCE =
  "Văn bản mẫu để trình diễn (bộ dữ liệu 17 văn bản); có thể chưa cập nhật các lần sửa đổi, bổ sung mới nhất.";

export interface SeedOptions {
  /** Only these statutes (by title); all 17 by default. Tests use a few to stay fast. */
  laws?: string[];
  log?: (message: string) => void;
}

export async function seedDatabase(db: Db, options: SeedOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  const unitResult = await seedUnits(
    db,
    unitsFileSchema.parse(await readJson("./admin-units/units-2026-07.json")),
    oldToNewFileSchema.parse(await readJson("./admin-units/old-to-new-2025.json")),
  );
  log(
    `đơn vị hành chính: ${unitResult.provinces} tỉnh/thành phố, ${unitResult.communes} xã/phường/đặc khu, ` +
      `${unitResult.aliases} tên cũ (${unitResult.unresolvedAliases} không tìm thấy mã mới)`,
  );

  await insertTopics(db);

  // Statutes before lessons: a lesson written after an amendment was recorded is taken as written against it.
  const facts = new Map(seedLawFacts.map(({ title, ...rest }) => [title, rest]));
  const allLaws = lawFileSchema.parse(
    ((await readJson("./legal/law.json")) as Array<{ id: string }>).map((law) => ({
      ...law,
      ...facts.get(law.id),
    })),
  );
  const laws = options.laws ? allLaws.filter((law) => options.laws!.includes(law.id)) : allLaws;
  const topicByDocument = new Map(seedTopics.flatMap((t) => t.documents.map((d) => [d, t.slug] as const)));
  const lawResult = await importLaws(db, laws, {
    source: DEMO_LAW_SOURCE,
    topicFor: (title) => topicByDocument.get(title) ?? otherTopicSlug,
  });
  log(`văn bản pháp luật: ${lawResult.documents} văn bản, ${lawResult.articles} điều`);

  await insertLessons(db);
  log(`chủ đề: ${seedTopics.length}, bài phổ biến: ${seedLessons.length}`);

  log(`khảo sát: ${await seedSurveys(db)} phiên bản, mỗi khảo sát một đợt mở toàn quốc`);

  // Idempotent by the (phrase, means) key; a seeded pair an officer deleted comes back on `npm run db:seed`.
  await db.insert(searchSynonyms).values(seedSynonyms).onConflictDoNothing();
  log(`từ đồng nghĩa khi tìm kiếm: ${seedSynonyms.length}`);
}

async function insertTopics(db: Db): Promise<void> {
  await db
    .insert(topics)
    .values(seedTopics.map((t, i) => ({ slug: t.slug, name: t.name, description: t.description, ordinal: i + 1 })))
    .onConflictDoNothing();
}

async function insertLessons(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const topicIds = new Map((await tx.select().from(topics)).map((t) => [t.slug, t.id]));
    await tx
      .insert(lessons)
      .values(
        seedLessons.map((lesson, i) => ({
          slug: lesson.slug,
          title: lesson.title,
          summary: lesson.summary,
          body: lesson.body,
          topicId: topicIds.get(lesson.topic) ?? null,
          ownerUnitId: sql<number>`(select ${units.id} from ${units}
            where ${units.kind} = 'country' order by ${units.id} limit 1)`,
          citations: lesson.citations,
          status: "published" as const,
          ordinal: i + 1,
          publishedAt: new Date(),
          search: searchVectorLiteral([
            { text: lesson.title, weight: "A" },
            { text: lesson.summary, weight: "B" },
            { text: lesson.body, weight: "D" },
          ]),
        })),
      )
      .onConflictDoNothing();
  });
}

/** True when nothing has been seeded yet (the first start of an embedded database). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
  return (row?.n ?? 0) === 0;
}

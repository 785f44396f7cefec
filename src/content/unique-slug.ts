// Slugs for documents and lessons: readable (from the title) and unique within their table.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { legalDocuments, lessons } from "../../db/schema/index";
import { slugify } from "../text/vietnamese";

export async function uniqueSlug(
  db: Db,
  table: typeof legalDocuments | typeof lessons,
  title: string,
): Promise<string> {
  const base = slugify(title).slice(0, 80) || "noi-dung";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [taken] = await db.select({ id: table.id }).from(table).where(eq(table.slug, slug));
    if (!taken) return slug;
  }
}

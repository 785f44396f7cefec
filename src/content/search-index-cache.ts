// The search index of a database, built once per process (per Worker isolate) and content revision. Loading reads
// every published article, lesson and approved answer and the synonym list; content_revision moves whenever any of
// them changes (triggers, migrations 0006 and 0009), so an index is rebuilt exactly when what it holds may differ,
// the way content-cache.ts keeps the rest of the published content.
import { asc, eq } from "drizzle-orm";
import { databaseIdentity, type Db } from "../../db/db";
import {
  approvedAnswers,
  articles,
  contentRevision,
  legalDocuments,
  lessons,
  searchSynonyms,
} from "../../db/schema/index";
import { loadLawRegistry } from "./law-registry";
import { SearchIndex, type SearchEntry } from "./search-index";

interface Built {
  revision: number;
  index: Promise<SearchIndex>;
}

// Keyed by the database's identity: an object (an embedded database) or a string (a server and database name).
const byObject = new WeakMap<object, Built>();
const byName = new Map<string, Built>();

/**
 * The index of `cacheKey`'s database at `revision`, loading it through `reader` when this process has none that
 * recent. A reader on an older revision than the cached one (a change landed meanwhile) gets an index of its own,
 * not kept, so no turn ever sees content newer or older than its snapshot.
 */
export function searchIndexFor(cacheKey: object | string, reader: Db, revision: number): Promise<SearchIndex> {
  const built = typeof cacheKey === "string" ? byName.get(cacheKey) : byObject.get(cacheKey);
  if (built && built.revision === revision) return built.index;
  if (built && built.revision > revision) return loadSearchIndex(reader);
  const index = loadSearchIndex(reader);
  const entry = { revision, index };
  if (typeof cacheKey === "string") byName.set(cacheKey, entry);
  else byObject.set(cacheKey, entry);
  // A failed load is not remembered: the next request tries again.
  index.catch(() => {
    const current = typeof cacheKey === "string" ? byName.get(cacheKey) : byObject.get(cacheKey);
    if (current === entry) {
      if (typeof cacheKey === "string") byName.delete(cacheKey);
      else byObject.delete(cacheKey);
    }
  });
  return index;
}

/** The index of `db` as its content stands now (for a request outside a chat turn, which has its own snapshot). */
export async function currentSearchIndex(db: Db): Promise<SearchIndex> {
  return searchIndexFor(databaseIdentity(db), db, await readContentRevision(db));
}

/** The database's current content revision (for callers outside a chat turn, which reads it with the session). */
export async function readContentRevision(db: Db): Promise<number> {
  const [row] = await db.select({ revision: contentRevision.revision }).from(contentRevision);
  return row?.revision ?? 0;
}

/** Reads what the index holds and builds it (no cache). */
export async function loadSearchIndex(db: Db): Promise<SearchIndex> {
  const [articleRows, lessonRows, answerRows, synonymRows, laws] = await Promise.all([
    db
      .select({
        id: articles.id,
        documentId: articles.documentId,
        number: articles.number,
        title: articles.title,
        body: articles.body,
        document: legalDocuments.title,
      })
      .from(articles)
      .innerJoin(legalDocuments, eq(legalDocuments.id, articles.documentId))
      .where(eq(legalDocuments.status, "published"))
      .orderBy(asc(legalDocuments.id), asc(articles.ordinal), asc(articles.id)),
    db
      .select({ id: lessons.id, title: lessons.title, summary: lessons.summary, body: lessons.body })
      .from(lessons)
      .where(eq(lessons.status, "published"))
      .orderBy(asc(lessons.id)),
    db
      .select({ id: approvedAnswers.id, question: approvedAnswers.question, answer: approvedAnswers.answer })
      .from(approvedAnswers)
      .where(eq(approvedAnswers.status, "published"))
      .orderBy(asc(approvedAnswers.id)),
    db
      .select({ phrase: searchSynonyms.phrase, means: searchSynonyms.means })
      .from(searchSynonyms)
      .orderBy(asc(searchSynonyms.id)),
    loadLawRegistry(db),
  ]);
  const entries: SearchEntry[] = [
    ...articleRows.map(
      (a): SearchEntry => ({
        type: "article",
        id: a.id,
        document: a.document,
        documentId: a.documentId,
        number: a.number,
        title: a.title,
        body: a.body,
      }),
    ),
    ...lessonRows.map(
      (l): SearchEntry => ({
        type: "lesson",
        id: l.id,
        document: null,
        number: null,
        title: l.title,
        heading: l.summary,
        body: l.body,
      }),
    ),
    ...answerRows.map(
      (a): SearchEntry => ({
        type: "answer",
        id: a.id,
        document: null,
        number: null,
        title: a.question,
        body: a.answer,
      }),
    ),
  ];
  const index = new SearchIndex(entries, synonymRows);
  index.laws = laws;
  return index;
}

// Published content (topics, document and article lists, articles, lessons, search results) cached in the process,
// because it changes rarely and almost every message reads it. The cache is keyed by the database's content
// revision, which triggers move whenever content changes and which each message reads in its first statement: a
// change made by any instance is seen by every instance on its next message, at no extra round trip.
import type { Db } from "../../db/db";
import type { ContentSource } from "../engine/ports";
import { createContentRepository } from "./content-repository";
import { vietnamToday } from "./law-status";
import { searchIndexFor } from "./search-index-cache";

/** Entries kept per database; the oldest go first. Bounds memory when people search for many different things. */
const MAX_ENTRIES = 2_000;

interface Generation {
  revision: number;
  entries: Map<string, Promise<unknown>>;
}

// Keyed by the database's identity: an object (an embedded database) or a string (a server and database name).
const byObject = new WeakMap<object, Generation>();
const byName = new Map<string, Generation>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * A ContentSource that answers from the cache of `cacheKey` (the database's identity) while its revision is
 * `revision`, and reads through `reader` (the database, or the transaction a turn runs in) when it must load.
 * Every method of the repository is cached by its arguments; results are frozen because they are shared.
 */
export function cachedContentSource(
  cacheKey: object | string,
  reader: Db,
  revision: number,
  now: Date = new Date(),
): ContentSource {
  // Legal status depends on the day as well as on the content (a law replaced from 1/7 reads differently on 1/7):
  // the day is part of every entry's key, so yesterday's entries are simply never hit again and age out.
  const today = vietnamToday(now);
  const source = createContentRepository(
    reader,
    () => searchIndexFor(cacheKey, reader, revision),
    () => today,
  );
  let generation = typeof cacheKey === "string" ? byName.get(cacheKey) : byObject.get(cacheKey);
  if (!generation || generation.revision < revision) {
    generation = { revision, entries: new Map() };
    if (typeof cacheKey === "string") byName.set(cacheKey, generation);
    else byObject.set(cacheKey, generation);
  }
  // A turn that read an older revision than the cache holds (a change landed meanwhile) reads directly.
  if (generation.revision !== revision) return source;
  const entries = generation.entries;
  const cached = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const [name, method] of Object.entries(source) as Array<[string, (...args: unknown[]) => Promise<unknown>]>) {
    cached[name] = (...args) => {
      const key = `${today}\u0000${name}\u0000${JSON.stringify(args)}`;
      const hit = entries.get(key);
      if (hit) {
        // Recently used entries move to the end, so eviction takes the least recently used.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const loading = method.apply(source, args).then(deepFreeze);
      entries.set(key, loading);
      // A failed load is not remembered: the next message tries again.
      loading.catch(() => entries.get(key) === loading && entries.delete(key));
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return loading;
    };
  }
  return cached as unknown as ContentSource;
}

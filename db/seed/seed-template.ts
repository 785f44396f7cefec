// A seeded embedded database kept as a template, so the first `npm start` on an empty PGlite data folder copies
// it (about a second) instead of running initdb, the migrations and the seed (10 s or more on a busy machine).
// The template is built from the committed migrations and seed by this project's own code, never downloaded: by
// `npm run db:template` (the project's postinstall runs it) or, when missing, by the first start that needs it.
// It is keyed by a hash of everything its content depends on (migrations, seed data, the seed code and what it
// imports, the PGlite version), so a change to any of them makes the next first start build a new one.
// Node only.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { constants, cp, mkdir, readdir, readFile, rename, rm, rmdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { createPgliteDb } from "../client-pglite";
import { migrateEmbedded } from "../migrate";
import { projectRoot } from "../project-root";
import { seedDatabase, type SeedOptions } from "./seed-database";

export { projectRoot };

// Bump when the way a template is made changes without any hashed file changing.
const TEMPLATE_FORMAT = 1;
const TEMPLATE_PREFIX = "pglite-seed-";
// Templates of other keys (another branch, an older seed) are removed once this old, not at once: another process
// may be copying one right now.
const STALE_TEMPLATE_MS = 60 * 60 * 1000;

export interface SeedTemplateOptions {
  /** Where templates are kept; node_modules/.cache/loa by default (rebuilt after a fresh install). */
  cacheDir?: string;
  /** The project whose files key the template (tests point it at a copy). */
  root?: string;
  /** Seed options for the template; the full seed by default. Part of the key. */
  seed?: Pick<SeedOptions, "laws">;
  log?: (event: string, fields?: Record<string, unknown>) => void;
}

export const defaultTemplateCacheDir = () => join(projectRoot, "node_modules", ".cache", "loa");

// The code the seed runs starts here; every relative import it reaches is hashed too.
const ENTRY_FILES = ["db/seed/seed-database.ts", "db/migrate.ts", "db/client-pglite.ts", "db/seed/seed-template.ts"];
// Data the seed and the migrations read from disk, hashed whole.
const DATA_FOLDERS = ["db/migrations", "db/seed"];

/** The files a template's content depends on, relative to root, sorted. */
export async function seedTemplateInputs(root = projectRoot): Promise<string[]> {
  const files = new Set<string>();
  const pending = ENTRY_FILES.map((file) => join(root, file));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = await readFile(file, "utf8");
    // Static imports, re-exports and dynamic imports of relative paths (the project's own modules).
    for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = resolveModule(join(dirname(file), match[1]!));
      if (target) pending.push(target);
    }
  }
  for (const folder of DATA_FOLDERS) {
    for (const file of await listFiles(join(root, folder))) files.add(file);
  }
  return [...files].map((file) => relative(root, file)).sort();
}

function resolveModule(base: string): string | undefined {
  const candidates = [base, `${base}.ts`, `${base}.js`, `${base}.json`, join(base, "index.ts")];
  return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
}

const require_ = createRequire(import.meta.url);

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** The template's key: a hash of its input files (names and contents), the PGlite version and the seed options. */
export async function seedTemplateKey(options: Pick<SeedTemplateOptions, "root" | "seed"> = {}): Promise<string> {
  const root = options.root ?? projectRoot;
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ format: TEMPLATE_FORMAT, pglite: pgliteVersion(), seed: options.seed ?? null }));
  for (const file of await seedTemplateInputs(root)) {
    hash.update(`\0${file}\0`);
    hash.update(await readFile(join(root, file)));
  }
  return hash.digest("hex").slice(0, 24);
}

function pgliteVersion(): string {
  // The package does not export its package.json: find it above the resolved entry.
  let folder = dirname(require_.resolve("@electric-sql/pglite"));
  while (!existsSync(join(folder, "package.json"))) folder = dirname(folder);
  return (require_(join(folder, "package.json")) as { version: string }).version;
}

/**
 * The folder of the seeded template for the current key, built first if missing. Several processes may build at
 * once: each builds in its own folder and the first rename wins.
 */
export async function ensureSeedTemplate(options: SeedTemplateOptions = {}): Promise<string> {
  const cacheDir = options.cacheDir ?? defaultTemplateCacheDir();
  const log = options.log ?? (() => {});
  const key = await seedTemplateKey(options);
  const template = join(cacheDir, `${TEMPLATE_PREFIX}${key}`);
  if (existsSync(join(template, "PG_VERSION"))) return template;

  log("seed.template_build", { key });
  const started = performance.now();
  await mkdir(cacheDir, { recursive: true });
  const building = join(cacheDir, `build-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    const handle = await createPgliteDb({ dataDir: building });
    try {
      await migrateEmbedded(handle);
      await seedDatabase(handle.db, {
        ...options.seed,
        log: (message) => log("seed.progress", { message }),
      });
      // Recycled WAL segments are dead weight in a copy: remove them instead (a third of the folder).
      await handle.client.exec("set wal_recycle = off; checkpoint;");
    } finally {
      await handle.close();
    }
    try {
      await rename(building, template);
    } catch (error) {
      // Another process finished first: its template is the same.
      if (!existsSync(join(template, "PG_VERSION"))) throw error;
    }
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  log("seed.template_built", { key, ms: Math.round(performance.now() - started) });
  await pruneTemplates(cacheDir, template);
  return template;
}

async function pruneTemplates(cacheDir: string, keep: string): Promise<void> {
  for (const entry of await readdir(cacheDir)) {
    const path = join(cacheDir, entry);
    if (path === keep || !(entry.startsWith(TEMPLATE_PREFIX) || entry.startsWith("build-"))) continue;
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_TEMPLATE_MS) await rm(path, { recursive: true, force: true });
  }
}

/** True when dataDir holds no database yet (missing or an empty folder). */
export async function isDataDirEmpty(dataDir: string): Promise<boolean> {
  if (!existsSync(dataDir)) return true;
  return (await readdir(dataDir)).length === 0;
}

/**
 * Makes dataDir a copy of the seeded template (building the template first when needed). The copy goes to a
 * sibling folder and is renamed into place, so a crash mid-copy leaves no half database for the next start.
 */
export async function createDataDirFromTemplate(dataDir: string, options: SeedTemplateOptions = {}): Promise<void> {
  const template = await ensureSeedTemplate(options);
  const target = resolve(dataDir);
  const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
  await mkdir(dirname(target), { recursive: true });
  try {
    // A copy-on-write clone where the file system offers one, else a plain copy.
    await cp(template, partial, { recursive: true, mode: constants.COPYFILE_FICLONE });
    if (existsSync(target)) await rmdir(target); // empty (checked by the caller); rmdir refuses anything else
    await rename(partial, target);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

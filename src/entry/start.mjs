// `npm start`: runs the Node server (src/entry/node.ts) from a bundle of the TypeScript sources, built with esbuild
// when the sources change and kept in node_modules/.cache/loa/. Running TypeScript through tsx costs about a second
// at every start (its loader, then transpiling each module); a bundle starts in a fraction of that, so a restart
// stays under two seconds. Plain JavaScript, so Node runs it without a loader. Node only.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rename, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SOURCE_FOLDERS = ["src", "bots", "surveys", "db"];
const cacheFolder = join(root, "node_modules", ".cache", "loa");

/** Every TypeScript source the server may load, by content: a change to any of them means a new bundle. */
async function sourceHash() {
  const hash = createHash("sha256");
  hash.update(process.version);
  for (const folder of SOURCE_FOLDERS) {
    const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => join(e.parentPath ?? e.path, e.name))
      .sort();
    for (const file of files) {
      hash.update(relative(root, file));
      hash.update(await readFile(file));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

async function bundle(outdir) {
  const { build } = await import("esbuild");
  // Built aside and renamed into place, so a server starting at the same moment never loads half a bundle.
  const building = `${outdir}-${process.pid}`;
  await build({
    entryPoints: { node: join(root, "src/entry/node.ts") },
    outdir: building,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  try {
    await rename(building, outdir);
  } catch {
    // Another start put the same bundle in place first.
    await rm(building, { recursive: true, force: true });
  }
  // Older bundles of this project are of no more use.
  for (const entry of await readdir(cacheFolder)) {
    if (entry.startsWith("server-") && join(cacheFolder, entry) !== outdir && !entry.includes("-", 7)) {
      await rm(join(cacheFolder, entry), { recursive: true, force: true });
    }
  }
}

const outdir = join(cacheFolder, `server-${await sourceHash()}`);
if (!existsSync(join(outdir, "node.js"))) await bundle(outdir);
const { runNodeServer } = await import(pathToFileURL(join(outdir, "node.js")).href);
runNodeServer();

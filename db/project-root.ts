// The project's root folder, for the files the Node side reads at run time (migrations, seed data). Found by walking
// up to Loa's package.json rather than from this file's place, because `npm start` runs a bundle of the sources
// kept elsewhere (node_modules/.cache/loa/), where paths relative to a module no longer point into the project.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "loa") {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no package.json of loa above ${from}`);
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

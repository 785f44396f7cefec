// The architecture's import rules (.dependency-cruiser.cjs, also `npm run lint:deps`) hold over src, bots, surveys
// and db; and the same rules catch each kind of forbidden import in a small fixture. Folder cycles are checked here
// on top of dependency-cruiser's file cycles: two folders may import each other without any file cycle.
import { resolve } from "node:path";
import { cruise, type ICruiseResult, type IViolation } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURE = resolve(import.meta.dirname, "fixtures");

async function cruiseTree(baseDir: string, withTsConfig: boolean): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(resolve(ROOT, ".dependency-cruiser.cjs"));
  const result = await cruise(
    ["src", "bots", "surveys", "db"],
    { ...options, validate: true, baseDir, ...(withTsConfig ? {} : { tsConfig: undefined }) },
    undefined,
    withTsConfig ? { tsConfig: extractTSConfig(resolve(ROOT, "tsconfig.json")) } : undefined,
  );
  return result.output as ICruiseResult;
}

/** The unit a module belongs to for folder cycles: src/<folder>, bots/<folder>, db/<folder>, or a top-level file. */
function unitOf(path: string): string | null {
  if (path.includes("node_modules/")) return null;
  const parts = path.split("/");
  return parts.length > 2 ? parts.slice(0, 2).join("/") : ["src", "bots"].includes(parts[0]!) ? path : parts[0]!;
}

/** Cycles between folders, as lists of folders (strongly connected components larger than one). */
function folderCycles(result: ICruiseResult): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const module of result.modules) {
    const from = unitOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = unitOf(dependency.resolved);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

const describeViolation = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`;

describe("import rules", () => {
  it("hold over src, bots, surveys and db", async () => {
    const result = await cruiseTree(ROOT, true);
    expect(result.summary.violations.map(describeViolation)).toEqual([]);
    expect(folderCycles(result)).toEqual([]);
    // The cruise really saw the code (a wrong path would pass vacuously).
    expect(result.modules.some((m) => m.source === "src/entry/worker.ts")).toBe(true);
    expect(result.modules.some((m) => m.source.startsWith("node_modules/telegraf/"))).toBe(true);
  }, 120_000);

  it("catch each forbidden import in the fixture", async () => {
    const result = await cruiseTree(FIXTURE, false);
    const found = result.summary.violations.map(
      (v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^.*node_modules\//, "")}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        "engine-is-pure: src/engine/impure.ts → db/table.ts",
        expect.stringMatching(/^engine-is-pure: src\/engine\/impure\.ts → telegraf\//),
        expect.stringMatching(/^only-telegram-imports-telegraf: src\/engine\/impure\.ts → telegraf\//),
        "src-knows-no-channel: src/app.ts → bots/web/web-channel.ts",
        "surveys-are-data: surveys/definition.ts → db/table.ts",
        "no-circular-imports: src/a/one.ts → src/b/two.ts",
        expect.stringMatching(/^worker-stays-off-node: src\/entry\/worker\.ts → @electric-sql\/pglite\//),
      ]),
    );
    expect(folderCycles(result)).toEqual(
      expect.arrayContaining([
        ["src/a", "src/b"],
        ["src/c", "src/d"],
      ]),
    );
  }, 120_000);
});

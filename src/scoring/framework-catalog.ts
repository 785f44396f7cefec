// The scoring frameworks of surveys/frameworks/, validated against the surveys once per process.
import { loadFrameworks } from "../../surveys/frameworks/catalog";
import type { Framework } from "../../surveys/frameworks/schema";

let catalog: Map<string, Framework> | undefined;

export function frameworkCatalog(): Map<string, Framework> {
  catalog ??= new Map(loadFrameworks().map((framework) => [framework.key, framework]));
  return catalog;
}

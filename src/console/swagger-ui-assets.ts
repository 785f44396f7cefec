// Swagger UI's files on Node (package.json "imports" #swagger-ui-assets): read once from the swagger-ui-dist
// package and kept in memory, so the console serves them itself (no CDN: the service's CSP allows only its own
// files, and offices' networks often block CDNs). The Worker has none (see the .workerd.ts twin).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { SwaggerUiAssets, SwaggerUiFile } from "./swagger-ui-files";

const require = createRequire(import.meta.url);
const paths: Record<SwaggerUiFile, string> = {
  bundle: "swagger-ui-dist/swagger-ui-bundle.js",
  style: "swagger-ui-dist/swagger-ui.css",
};
const loaded = new Map<SwaggerUiFile, Promise<string>>();

export const swaggerUiAssets: SwaggerUiAssets = {
  available: true,
  load(file) {
    let text = loaded.get(file);
    if (!text) {
      text = readFile(require.resolve(paths[file]), "utf8");
      loaded.set(file, text);
      text.catch(() => loaded.delete(file));
    }
    return text;
  },
};

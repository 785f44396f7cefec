// Swagger UI as the Worker bundle sees it (package.json "imports", condition "workerd"): not bundled, since its
// 1.9 MB would crowd the Worker's size limit for a page integrators can open on any Node server or read as the
// console's own API reference (/console/api). The Swagger UI page says so instead.
import type { SwaggerUiAssets } from "./swagger-ui-files";

export const swaggerUiAssets: SwaggerUiAssets = {
  available: false,
  load() {
    return Promise.reject(new Error("Swagger UI is not bundled in the Worker"));
  },
};

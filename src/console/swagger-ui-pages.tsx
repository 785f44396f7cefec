// Swagger UI for integrators at /console/api/swagger: the officer API's own /api/openapi.json, tried out with the
// officer's console session (the session's CSRF token is added to every request Swagger UI sends). Swagger UI's
// files are served by the console itself (#swagger-ui-assets); where the runtime has none, the page says so and
// points to the console's server-rendered reference.
import { swaggerUiAssets } from "#swagger-ui-assets";
import { Hono } from "hono";
import type { AppEnv } from "../services";
import type { ConsoleEnv } from "./console-env";
import { Page, PageHeading } from "./layout";
import { renderPage, serveAsset } from "./render";

// Swagger UI's own bundle changes only with the package; the browser may keep it for a day.
const BUNDLE_CACHE = "public, max-age=86400";

const swaggerInit = `(() => {
  "use strict";
  window.addEventListener("DOMContentLoaded", () => {
    const meta = document.querySelector('meta[name="csrf-token"]');
    const csrf = meta ? meta.content : "";
    window.SwaggerUIBundle({
      url: "/api/openapi.json",
      dom_id: "#swagger-ui",
      deepLinking: true,
      validatorUrl: null,
      requestInterceptor: (request) => {
        if (csrf) request.headers["X-CSRF-Token"] = csrf;
        return request;
      },
    });
  });
})();
`;

/** The files, served without a session (like the console's own script and style). */
export function swaggerUiAssetRoutes() {
  return new Hono<AppEnv>()
    .get("/console/assets/swagger-ui-bundle.js", async (c) => {
      if (!swaggerUiAssets.available) return c.notFound();
      const body = await swaggerUiAssets.load("bundle");
      return serveAsset(c, body, "js", BUNDLE_CACHE);
    })
    .get("/console/assets/swagger-ui.css", async (c) => {
      if (!swaggerUiAssets.available) return c.notFound();
      const body = await swaggerUiAssets.load("style");
      return serveAsset(c, body, "css", BUNDLE_CACHE);
    })
    .get("/console/assets/swagger-init.js", (c) => serveAsset(c, swaggerInit, "js"));
}

export function swaggerUiPages() {
  return new Hono<ConsoleEnv>().get("/console/api/swagger", (c) => {
    const principal = c.get("principal");
    const available = swaggerUiAssets.available;
    return renderPage(
      c,
      <Page
        title="Swagger UI"
        active="api"
        principal={principal}
        unitName={c.get("unitName")}
        styles={available ? ["/console/assets/swagger-ui.css"] : []}
        scripts={available ? ["/console/assets/swagger-ui-bundle.js", "/console/assets/swagger-init.js"] : []}
      >
        <PageHeading
          title="Swagger UI"
          subtitle="Thử API cho cán bộ ngay trên trình duyệt, bằng phiên đăng nhập hiện tại (trong phạm vi của bạn)."
        >
          <a class="button secondary" href="/console/api">
            Tài liệu API
          </a>
          <a class="button secondary" href="/api/openapi.json">
            openapi.json
          </a>
        </PageHeading>
        {available ? (
          <section class="card" id="swagger-ui" />
        ) : (
          <section class="card">
            <p>Bản chạy trên Cloudflare Workers không kèm Swagger UI.</p>
            <p>
              Bạn xem <a href="/console/api">tài liệu API</a> hoặc mở <code>/api/openapi.json</code> bằng công cụ quen
              dùng (Swagger Editor, Postman, Insomnia).
            </p>
          </section>
        )}
      </Page>,
    );
  });
}

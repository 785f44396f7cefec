// The officer console under /console: its script and style, login and logout, then every section behind the
// session cookie. A visitor without a session is sent to the login page and brought back afterwards; a page the
// officer's role or scope does not reach is refused as a page, never as JSON.
import { Hono, type MiddlewareHandler } from "hono";
import { ApiError } from "../errors";
import { sessionPrincipal } from "../http/api/officer-auth";
import { describeError } from "../log";
import { findUnitById } from "../officers/officer-service";
import type { AppEnv } from "../services";
import { accountPages } from "./account-pages";
import { apiReferencePages } from "./api-reference-pages";
import { campaignPages } from "./campaign-pages";
import type { ConsoleEnv } from "./console-env";
import { consoleScript } from "./console-script";
import { consoleStyle } from "./console-style";
import { contentPages } from "./content-pages";
import { dashboardPages } from "./dashboard-pages";
import { MessagePage } from "./layout";
import { loginPages } from "./login-pages";
import { officerPages } from "./officer-pages";
import { questionPages } from "./question-pages";
import { notFoundPage, renderPage, serveAsset } from "./render";
import { resultsPages } from "./results-pages";
import { surveyPages } from "./survey-pages";
import { swaggerUiAssetRoutes, swaggerUiPages } from "./swagger-ui-pages";

export function consoleRoutes() {
  const assets = new Hono<AppEnv>()
    .get("/console/assets/console.js", (c) => serveAsset(c, consoleScript, "js"))
    .get("/console/assets/console.css", (c) => serveAsset(c, consoleStyle, "css"));

  const pages = new Hono<ConsoleEnv>();
  pages.use("/console", signedIn);
  pages.use("/console/*", signedIn);
  pages.route("/", dashboardPages());
  pages.route("/", resultsPages());
  pages.route("/", questionPages());
  pages.route("/", campaignPages());
  pages.route("/", contentPages());
  pages.route("/", surveyPages());
  pages.route("/", officerPages());
  pages.route("/", accountPages());
  pages.route("/", apiReferencePages());
  pages.route("/", swaggerUiPages());
  pages.all("/console/*", (c) => notFoundPage(c));
  pages.onError((error, c) => {
    const principal = c.get("principal");
    if (error instanceof ApiError) {
      const title =
        error.status === 404 ? "Không tìm thấy" : error.status === 403 ? "Không có quyền" : "Không thực hiện được";
      return renderPage(
        c,
        <MessagePage title={title} message={error.message} principal={principal} unitName={c.get("unitName")} />,
        error.status,
      );
    }
    c.get("services").log.error("console.failed", { path: c.req.path, ...describeError(error) });
    const message = "Hệ thống đang gặp sự cố. Bạn vui lòng thử lại sau ít phút.";
    return renderPage(
      c,
      <MessagePage title="Có lỗi" message={message} principal={principal} unitName={c.get("unitName")} />,
      500,
    );
  });

  return new Hono<AppEnv>()
    .route("/", assets)
    .route("/", swaggerUiAssetRoutes())
    .route("/", loginPages())
    .route("/", pages);
}

const signedIn: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  if (c.req.path.startsWith("/console/assets/") || c.req.path === "/console/login" || c.req.path === "/console/logout")
    return next();
  const principal = await sessionPrincipal(c, c.get("services"));
  if (!principal) {
    const back = `${c.req.path}${new URL(c.req.url).search}`;
    if (c.req.method !== "GET") return c.text("Phiên đăng nhập đã hết hạn", 401);
    return c.redirect(`/console/login?next=${encodeURIComponent(back)}`, 303);
  }
  c.set("principal", principal);
  const unit = await findUnitById(c.get("services").db, principal.unitId);
  c.set("unitName", unit?.name ?? "");
  await next();
};

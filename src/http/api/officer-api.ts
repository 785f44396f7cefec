// The officer API under /api: every route but login and the OpenAPI document needs an officer (token or console
// session), and everything it returns is filtered by that officer's scope.
import { requiredRole } from "../../officers/roles";
import { APP_VERSION } from "../../version";
import { apiRouter } from "./api-env";
import { authRoutes } from "./auth-routes";
import { contentRoutes } from "./content-routes";
import { exportRoutes } from "./export-routes";
import { authenticateOfficer } from "./officer-auth";
import { answerRoutes } from "./answer-routes";
import { officerRoutes } from "./officer-routes";
import { questionRoutes } from "./question-routes";
import { resultsRoutes } from "./results-routes";
import { scoringRoutes } from "./scoring-routes";
import { searchRoutes } from "./search-routes";
import { subscriptionRoutes } from "./subscription-routes";
import { campaignRoutes } from "./campaign-routes";
import { surveyRoutes } from "./survey-routes";
import { unitRoutes } from "./unit-routes";

const PUBLIC_PATHS = new Set(["/api/auth/login", "/api/openapi.json", "/api/version", "/api/search"]);

export function officerApi() {
  const api = apiRouter();
  api.use("/api/*", (c, next) => (PUBLIC_PATHS.has(c.req.path) ? next() : authenticateOfficer(c, next)));
  api.route("/", authRoutes());
  api.route("/", unitRoutes());
  api.route("/", contentRoutes());
  api.route("/", officerRoutes());
  api.route("/", surveyRoutes());
  api.route("/", resultsRoutes());
  api.route("/", scoringRoutes());
  api.route("/", exportRoutes());
  api.route("/", questionRoutes());
  api.route("/", answerRoutes());
  api.route("/", searchRoutes());
  api.route("/", subscriptionRoutes());
  api.route("/", campaignRoutes());

  // Every route outside PUBLIC_PATHS needs a signed-in officer, and the least officer is a viewer: the document says
  // so wherever a route declares no higher role (routeRole), so the reference names the role of every operation.
  for (const definition of api.openAPIRegistry.definitions) {
    if (definition.type !== "route") continue;
    const route = definition.route as typeof definition.route & { "x-required-role"?: string };
    if (!PUBLIC_PATHS.has(route.path) && route["x-required-role"] === undefined) {
      route["x-required-role"] = requiredRole.read;
    }
  }

  api.openAPIRegistry.registerComponent("securitySchemes", "bearerToken", {
    type: "http",
    scheme: "bearer",
    description: "Token API: `npm run officer:create` hoặc POST /api/me/tokens",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "loa_session",
    description: "Phiên bảng điều khiển (POST /api/auth/login); kèm X-CSRF-Token cho yêu cầu thay đổi dữ liệu",
  });
  api.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Loa – API cho cán bộ",
      version: APP_VERSION,
      description: "Đơn vị, nội dung pháp luật, cán bộ và nhật ký, giới hạn theo phạm vi đơn vị của người gọi.",
    },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
  });
  return api;
}

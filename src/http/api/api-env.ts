// The officer API's request context: the services every route has, and the officer the auth middleware resolved.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Principal } from "../../officers/principal";
import type { Services } from "../../services";
import { invalidRequest } from "../errors";

export interface ApiEnv {
  Variables: { services: Services; principal: Principal };
}

/** An OpenAPIHono whose validation failures answer 400 naming the field, like every other route. */
export function apiRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = result.target === "json" ? "body" : result.target === "query" ? "query" : "param";
        return invalidRequest(c, result.error, where);
      }
    },
  });
}

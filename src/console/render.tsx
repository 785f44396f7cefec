// Small helpers every console page uses: answer a page with its doctype, refuse below a role, and read the
// officer's unit name for the header.
import type { Context, MiddlewareHandler } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { OfficerRole } from "../../db/schema/officers";
import { hasRole, roleLabels } from "../officers/roles";
import type { ConsoleEnv } from "./console-env";
import { MessagePage } from "./layout";

/** Answers a whole HTML page (no caching: every page shows the officer's own, current data). */
export function renderPage(c: Context, page: Child, status: ContentfulStatusCode = 200) {
  c.header("Cache-Control", "no-store");
  // The page's own forms then carry its Origin (the service's default, no-referrer, makes it "null").
  c.header("Referrer-Policy", "same-origin");
  return c.html(`<!doctype html>${String(page)}`, status);
}

/** Answers an HTML fragment (the parts a page polls for live progress). */
export function renderFragment(c: Context, fragment: Child, done = false) {
  c.header("Cache-Control", "no-store");
  if (done) c.header("X-Poll-Done", "1");
  return c.html(String(fragment));
}

const ASSET_TYPES = { js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" } as const;

/**
 * Answers one of the console's own script or style files. They change only with a deployment; a short cache keeps
 * a redeploy visible within minutes.
 */
export function serveAsset(c: Context, body: string, kind: keyof typeof ASSET_TYPES, cache = "public, max-age=300") {
  return c.body(body, 200, { "Content-Type": ASSET_TYPES[kind], "Cache-Control": cache });
}

/** Route middleware: a page below the officer's role is refused with a page that says what is needed. */
export function requirePageRole(least: OfficerRole): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const principal = c.get("principal");
    if (!hasRole(principal.role, least)) {
      return renderPage(
        c,
        <MessagePage
          title="Không có quyền"
          message={`Trang này cần vai trò "${roleLabels[least]}" trở lên.`}
          principal={principal}
          unitName={c.get("unitName")}
        />,
        403,
      );
    }
    await next();
  };
}

/** The page for something that does not exist or lies outside the officer's scope (the two look alike). */
export function notFoundPage(c: Context<ConsoleEnv>, message = "Không có trang này trong phạm vi của bạn.") {
  const page = (
    <MessagePage title="Không tìm thấy" message={message} principal={c.get("principal")} unitName={c.get("unitName")} />
  );
  return renderPage(c, page, 404);
}

// Security headers on every response. The default policy is strict: the API answers JSON and nothing of it may be
// framed. A page that needs more (the web chat, which portals embed) sets its own Content-Security-Policy with
// c.header(), which replaces the default.
//
// The headers are Hono's secureHeaders defaults (hono/secure-headers) with our CSP and without X-Frame-Options
// (frame-ancestors decides framing; X-Frame-Options cannot name the portals allowed to embed the chat page). They
// are set before the handler runs rather than after it: Hono's middleware edits the finished response's headers,
// which makes the Node adapter build a full Response for every request and cost a third of the static route's
// throughput.
import type { MiddlewareHandler } from "hono";

/** The service's Content-Security-Policy: only its own script, style and API; framed only by `frameAncestors`. */
export function contentSecurityPolicy(frameAncestors = "'none'"): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

export const securityHeaderValues: ReadonlyArray<readonly [string, string]> = [
  ["Content-Security-Policy", contentSecurityPolicy()],
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    for (const [name, value] of securityHeaderValues) c.header(name, value);
    await next();
  };
}

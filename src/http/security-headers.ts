// Security headers on every response (Hono's secureHeaders). The default policy is strict: the API answers JSON
// and nothing of it may be framed. A page that needs more (the web chat, which portals embed) sets its own
// Content-Security-Policy, which is kept.
import { secureHeaders } from "hono/secure-headers";

export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
    // frame-ancestors decides framing; X-Frame-Options cannot name the portals allowed to embed the chat page.
    xFrameOptions: false,
    // A handler's own header (the chat page's CSP) wins over the defaults above.
    overwrite: false,
  });
}

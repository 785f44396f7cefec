// Login and logout for the console: a plain HTML form (it works before any script loads), the same login() and
// throttling as POST /api/auth/login, and the same signed session cookie. Forms from another origin are refused.
import { deleteCookie } from "hono/cookie";
import { Hono, type Context } from "hono";
import { z } from "zod";
import { endSession, login } from "../officers/authenticate";
import { clientAddress } from "../http/client-address";
import { SESSION_COOKIE, sessionPrincipal, setSessionCookie } from "../http/api/officer-auth";
import { constantTimeEqual } from "../crypto";
import type { AppEnv } from "../services";
import { Page } from "./layout";
import { renderPage } from "./render";

const loginFormSchema = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(256),
  next: z.string().max(500).optional(),
});

/** Only a console path may follow login (no open redirect to another site). */
export function safeNext(next: string | undefined): string {
  return next && /^\/console(\/|$|\?)/.test(next) && !next.startsWith("//") ? next : "/console";
}

/**
 * A form posted from another site: the browser says so in Sec-Fetch-Site (sent to https and localhost) or in
 * Origin. Console pages use Referrer-Policy same-origin, so their own forms carry their real Origin; "null" (a
 * page with no-referrer) is let through, since a cross-site post over https still says cross-site.
 */
export function sameOrigin(c: Context): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = c.req.header("origin");
  if (!origin || origin === "null") return true;
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false;
  }
}

function LoginPage(props: { email?: string; next?: string; error?: string }) {
  return (
    <Page title="Đăng nhập">
      <section class="card narrow">
        <h1>Đăng nhập</h1>
        <p class="muted">Dành cho cán bộ tư pháp quản lý nội dung, hỏi đáp, chiến dịch và khảo sát.</p>
        <form method="post" action="/console/login" class="stack">
          {props.error ? (
            <p class="form-error" role="alert">
              {props.error}
            </p>
          ) : null}
          <input type="hidden" name="next" value={props.next ?? "/console"} />
          <label>
            Email
            <input type="email" name="email" autocomplete="username" required value={props.email ?? ""} />
          </label>
          <label>
            Mật khẩu
            <input type="password" name="password" autocomplete="current-password" required />
          </label>
          <button type="submit">Đăng nhập</button>
        </form>
      </section>
    </Page>
  );
}

export function loginPages() {
  return new Hono<AppEnv>()
    .get("/console/login", async (c) => {
      const next = safeNext(c.req.query("next"));
      if (await sessionPrincipal(c, c.get("services"))) return c.redirect(next, 303);
      return renderPage(c, <LoginPage next={next} />);
    })
    .post("/console/login", async (c) => {
      if (!sameOrigin(c)) return c.text("Biểu mẫu từ trang khác bị từ chối", 403);
      const parsed = loginFormSchema.safeParse(await c.req.parseBody());
      if (!parsed.success || !parsed.data.email || !parsed.data.password) {
        return renderPage(c, <LoginPage error="Bạn nhập email và mật khẩu nhé." />, 400);
      }
      const { email, password } = parsed.data;
      const next = safeNext(parsed.data.next);
      const { db, config } = c.get("services");
      const result = await login(db, email, password, clientAddress(c, config));
      if (result.status === "throttled") {
        c.header("Retry-After", String(result.retryAfterSeconds));
        const minutes = Math.ceil(result.retryAfterSeconds / 60);
        const error = `Đăng nhập sai quá nhiều lần. Bạn thử lại sau ${minutes} phút.`;
        return renderPage(c, <LoginPage email={email} next={next} error={error} />, 429);
      }
      if (result.status === "invalid") {
        const error = "Email hoặc mật khẩu không đúng.";
        return renderPage(c, <LoginPage email={email} next={next} error={error} />, 401);
      }
      await setSessionCookie(c, c.get("services"), result.sessionId);
      return c.redirect(next, 303);
    })
    .post("/console/logout", async (c) => {
      if (!sameOrigin(c)) return c.text("Biểu mẫu từ trang khác bị từ chối", 403);
      const principal = await sessionPrincipal(c, c.get("services"));
      if (principal) {
        const body = await c.req.parseBody();
        const sent = typeof body.csrf === "string" ? body.csrf : "";
        if (!principal.csrfToken || !constantTimeEqual(sent, principal.csrfToken)) {
          return c.text("Thiếu hoặc sai mã chống giả mạo của phiên đăng nhập", 403);
        }
        await endSession(c.get("services").db, principal);
      }
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.redirect("/console/login", 303);
    });
}

// The console's request context: the services every route has and the officer of the session cookie. Pages are
// server-rendered from the same capability services the officer API calls, with the same principal, so a page can
// never show more than the API would; every change a page makes goes through the officer API with the session's
// CSRF token (console-script.ts), so validation, scope and audit stay in one place.
import type { Principal } from "../officers/principal";
import type { Services } from "../services";

export interface ConsoleEnv {
  Variables: { services: Services; principal: Principal /** The officer's unit, for the header. */; unitName: string };
}

// The client's address, for login throttling. Only what this deployment can vouch for: a header anyone can write
// is believed only when TRUST_PROXY says a proxy of ours sets it.
import type { Context } from "hono";
import { getRuntimeKey } from "hono/adapter";
import type { AppConfig } from "../config";

export function clientAddress(c: Context, config: Pick<AppConfig, "TRUST_PROXY">): string {
  // On Workers Cloudflare itself sets CF-Connecting-IP and overwrites whatever the client sent.
  if (getRuntimeKey() === "workerd") return c.req.header("cf-connecting-ip") ?? "unknown";
  const trust = config.TRUST_PROXY;
  if (trust === "cloudflare") {
    const address = c.req.header("cf-connecting-ip")?.trim();
    if (address) return address;
  } else if (typeof trust === "number") {
    // Each proxy of ours appends the address it saw: the N-th from the right was written by our outermost proxy.
    const hops = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    const address = hops[hops.length - trust];
    if (address) return address;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}

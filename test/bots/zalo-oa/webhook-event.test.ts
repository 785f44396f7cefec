// Zalo's webhook signature and the events Loa reads from it.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEvent, signatureMatches } from "../../../bots/zalo-oa/webhook-event";

const parts = {
  appId: "123456",
  rawBody: '{"event_name":"follow"}',
  timestamp: "1795360000000",
  secretKey: "s3cret-key",
};
const mac = createHash("sha256").update(`123456{"event_name":"follow"}1795360000000s3cret-key`).digest("hex");

describe("signatureMatches", () => {
  it("accepts mac= with the hex sha256 of app id, raw body, timestamp and OA secret, in any letter case", async () => {
    expect(await signatureMatches(`mac=${mac}`, parts)).toBe(true);
    expect(await signatureMatches(`mac=${mac.toUpperCase()}`, parts)).toBe(true);
  });

  it("refuses a missing, malformed or different signature, and one over a changed body", async () => {
    for (const header of [undefined, "", mac, `sha256=${mac}`, `mac=${mac.slice(1)}`, `mac=${"a".repeat(64)}`])
      expect(await signatureMatches(header, parts), String(header)).toBe(false);
    expect(await signatureMatches(`mac=${mac}`, { ...parts, rawBody: '{"event_name":"unfollow"}' })).toBe(false);
    expect(await signatureMatches(`mac=${mac}`, { ...parts, timestamp: "1795360000001" })).toBe(false);
  });
});

describe("parseEvent", () => {
  it("reads texts, follows and unfollows, and ignores the rest", () => {
    const text = { event_name: "user_send_text", sender: { id: "77" }, message: { msg_id: "m1", text: "menu" } };
    expect(parseEvent(text, 5)).toEqual({
      ok: true,
      event: { kind: "text", userId: "77", messageId: "m1", text: "menu" },
    });
    expect(parseEvent({ event_name: "follow", follower: { id: "78" } }, 5)).toEqual({
      ok: true,
      event: { kind: "follow", userId: "78", timestamp: 5 },
    });
    expect(parseEvent({ event_name: "user_send_sticker" }, 5)).toEqual({
      ok: true,
      event: { kind: "ignored", eventName: "user_send_sticker" },
    });
  });

  it("names the field a handled event lacks", () => {
    expect(parseEvent({ event_name: "user_send_text", sender: { id: "77" }, message: { text: "x" } }, 5)).toMatchObject(
      {
        ok: false,
        field: "message.msg_id",
      },
    );
    expect(parseEvent({ event_name: "unfollow", follower: {} }, 5)).toMatchObject({ ok: false, field: "follower.id" });
  });
});

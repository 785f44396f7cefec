// The subscription dialogue in the engine, on a real test database (units, topics, surveys): stop words with and
// without diacritics, their meaning mid-survey, consent before any subscription, topics, and the commune lookup
// with ambiguity and a name from before the 2025 mergers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { surveyDefinitionSchema, type SurveyDefinition } from "../../surveys/schema";
import type { Effect } from "../../src/engine/effects";
import { handle, type EngineResult } from "../../src/engine/handle";
import type { EngineDeps, SubscriptionStatus } from "../../src/engine/ports";
import { newSession, type Session } from "../../src/engine/session";
import { subscriptionMessages } from "../../src/engine/subscription-messages";
import { isOptOutWord, parseSubscriptionWord } from "../../src/engine/subscription-words";
import { engineDeps } from "../support/engine-deps";
import { createTestDb, testDriver } from "../support/test-db";

const NONE: SubscriptionStatus = { topics: [], unit: null, optedOut: false };

/** A survey whose first question has the options "Đúng" and "Sai": "dung" typed there is an answer. */
const probe: SurveyDefinition = surveyDefinitionSchema.parse({
  key: "stop_word_probe",
  version: 1,
  title: "Thử từ dừng",
  purpose: "Kiểm thử.",
  collects: ["câu trả lời"],
  intro: "Bắt đầu.",
  outro: "Hết.",
  minors: "anonymous",
  questions: [
    {
      id: "truth",
      type: "single",
      text: "Câu này đúng hay sai?",
      options: [
        { code: "dung", label: "Đúng" },
        { code: "sai", label: "Sai" },
      ],
    },
    { id: "comment", type: "text", text: "Ý kiến của bạn?", maxLength: 200 },
  ],
});

function atQuestion(questionId: string): Session {
  return {
    version: 1,
    screen: {
      kind: "survey_question",
      key: probe.key,
      version: probe.version,
      waveId: 1,
      responseId: "00000000-0000-4000-8000-000000000001",
      questionId,
      answers: {},
      skipped: [],
      history: [],
      misses: 0,
      lastActivity: new Date().toISOString(),
    },
    options: [],
  };
}

describe(`subscriptions in the engine (${testDriver})`, () => {
  let db: DbHandle;
  let base: EngineDeps;
  const contactId = crypto.randomUUID();

  beforeAll(async () => {
    db = await createTestDb({ seed: "quick" });
    base = engineDeps(db.db);
  });
  afterAll(async () => db?.close());

  /** Deps whose subscription status is fixed (the engine only reads it; applying is src/subscriptions'). */
  function depsWith(status: SubscriptionStatus): EngineDeps {
    return {
      ...base,
      subscriptions: { status: async () => status, listTopics: () => base.subscriptions.listTopics() },
      surveys: { ...base.surveys, definition: (key) => (key === probe.key ? probe : base.surveys.definition(key)) },
    };
  }

  async function say(text: string, session: Session, deps: EngineDeps): Promise<EngineResult> {
    return handle({ text, contactId }, session, deps);
  }
  const options = (r: EngineResult) => r.replies.at(-1)!.options ?? [];
  const types = (effects: Effect[]) => effects.map((e) => e.type);

  it("recognises stop words with or without diacritics, any case, as Telegram commands, with punctuation", () => {
    for (const word of [
      "dừng",
      "Dừng!",
      "DỪNG",
      "dung",
      "dừng".normalize("NFD"),
      "/stop",
      "/stop@loa_phapluat_bot",
      "STOP",
      "Stop.",
      "hủy đăng ký",
      "Huỷ đăng ký",
      "huy dang ky",
      "Hủy đăng kí",
      "ngừng nhận tin",
      "Ngung nhan tin!!",
      "unsubscribe",
      "/unsubscribe",
      "  dừng nhận tin 🙏 ",
    ])
      expect(isOptOutWord(word), word).toBe(true);
    // Other words that fold to the same letters, and sentences that only contain a stop word, do not opt out.
    for (const word of [
      "đúng",
      "Đúng!",
      "Dũng",
      "dùng",
      "dung roi",
      "hủy",
      "dừng lại",
      "tôi muốn dừng",
      "stop smoking",
      "đăng ký kết hôn",
      "",
    ])
      expect(isOptOutWord(word), word).toBe(false);
    expect(parseSubscriptionWord("Đăng ký nhận tin")).toBe("subscribe");
    expect(parseSubscriptionWord("dang ky nhan tin")).toBe("subscribe");
    expect(parseSubscriptionWord("/subscribe")).toBe("subscribe");
    expect(parseSubscriptionWord("Hủy nhận tin")).toBe("unsubscribe");
    expect(parseSubscriptionWord("Tin đã đăng ký")).toBe("list");
    expect(parseSubscriptionWord("Xã/phường của tôi")).toBe("unit");
    expect(parseSubscriptionWord("đăng ký tạm trú")).toBeNull();
  });

  it("a stop word anywhere opts out of everything and says how to come back", async () => {
    const deps = depsWith({ topics: ["news", "dan-su-hon-nhan-gia-dinh"], unit: null, optedOut: false });
    for (const screen of [newSession(), { ...newSession(), screen: { kind: "topics" as const } }]) {
      const result = await say("Dừng", screen, deps);
      expect(result.effects).toEqual([{ type: "opt_out" }]);
      expect(result.replies.at(-1)!.text).toContain("2 mục đăng ký đã được hủy");
      expect(result.replies.at(-1)!.text).toContain("Đăng ký nhận tin");
      expect(result.session.screen).toEqual({ kind: "menu" });
    }
    // Not subscribed at all: still recorded, so no campaign ever reaches them.
    const none = await say("/stop", newSession(), depsWith(NONE));
    expect(none.effects).toEqual([{ type: "opt_out" }]);
    expect(none.replies.at(-1)!.text).toContain("không gửi tin nào");
  });

  it("mid-survey a stop word stops the survey and opts out, unless it spells an option of the question", async () => {
    const deps = depsWith({ topics: ["news"], unit: null, optedOut: false });
    // "dung" on a question with the option "Đúng" is that answer, not an opt-out.
    const answer = await say("dung", atQuestion("truth"), deps);
    expect(types(answer.effects)).toEqual(["save_answer"]);
    expect(answer.effects[0]).toMatchObject({ questionId: "truth", value: { kind: "options", codes: ["dung"] } });
    // "dừng" written with its marks is not "Đúng": the person means stop.
    const stop = await say("dừng", atQuestion("truth"), deps);
    expect(stop.effects).toEqual([
      { type: "finish_response", responseId: "00000000-0000-4000-8000-000000000001", status: "stopped" },
      { type: "opt_out" },
    ]);
    expect(stop.replies[0]!.text).toBe(subscriptionMessages.surveyStopped);
    // On a free-text question the stop word is not taken as the comment.
    const text = await say("stop", atQuestion("comment"), deps);
    expect(types(text.effects)).toEqual(["finish_response", "opt_out"]);
    // On the consent screen of a survey it opts out too (no response exists yet).
    const consent = await say(
      "ngừng nhận tin",
      { ...newSession(), screen: { kind: "survey_consent", key: probe.key, version: 1, waveId: 1 } },
      deps,
    );
    expect(types(consent.effects)).toEqual(["opt_out"]);
  });

  it("shows the terms and subscribes only after the person agrees, with the exact text as the consent", async () => {
    const deps = depsWith(NONE);
    const shown = await say("Đăng ký nhận tin", newSession(), deps);
    expect(shown.effects).toEqual([]);
    expect(shown.session.screen).toEqual({ kind: "sub_consent" });
    const terms = shown.replies.at(-1)!.text;
    expect(terms).toContain("Bạn sẽ nhận");
    expect(terms).toContain("Bao lâu một lần");
    expect(terms).toContain('gõ "dừng"');
    expect(options(shown).map((o) => o.label)).toEqual(["✅ Đồng ý", "Không đồng ý"]);

    // Anything but a clear yes or no asks again; nothing is written.
    const unclear = await say("để tôi xem", shown.session, deps);
    expect(unclear.effects).toEqual([]);
    expect(unclear.session.screen).toEqual({ kind: "sub_consent" });
    const declined = await say("không đồng ý", shown.session, deps);
    expect(declined.effects).toEqual([]);
    expect(declined.session.screen.kind).toBe("menu");

    // "Đồng ý" from an older message's button, away from the terms: they are shown again, nothing is recorded.
    const stale = await say("subs:yes", newSession(), deps);
    expect(stale.effects).toEqual([]);
    expect(stale.session.screen).toEqual({ kind: "sub_consent" });

    const agreed = await say("1", shown.session, deps);
    expect(agreed.effects).toHaveLength(1);
    expect(agreed.effects[0]).toMatchObject({ type: "subscribe", topic: "news", consentText: terms });
    // Then the topics, as optional extras, each one tap, and "Xong".
    expect(agreed.session.screen).toEqual({ kind: "sub_topics" });
    const topicOptions = options(agreed);
    expect(topicOptions.at(-1)!.value).toBe("subs:t-done");
    expect(topicOptions.some((o) => o.label.includes("hôn nhân"))).toBe(true);
  });

  it("subscribes to a topic with its own consent record, and offers only the topics not yet taken", async () => {
    const deps = depsWith({ topics: ["news"], unit: null, optedOut: false });
    const topics = await say("subs:topics", newSession(), deps);
    const family = options(topics).find((o) => o.label.includes("hôn nhân"))!;
    const picked = await say(family.label, topics.session, deps);
    expect(picked.effects).toHaveLength(1);
    const effect = picked.effects[0] as Extract<Effect, { type: "subscribe" }>;
    expect(effect.topic).toBe(family.value.slice("subs:t:".length));
    expect(effect.consentText).toContain(topics.replies.at(-1)!.text);
    expect(effect.consentText).toContain("Lĩnh vực đã chọn");
    expect(options(picked).some((o) => o.value === family.value)).toBe(false);
    // Done with topics, commune unknown: the commune is asked, and can be skipped.
    const done = await say("xong", picked.session, deps);
    expect(done.session.screen).toEqual({ kind: "sub_unit", flow: "subscribe" });
    const skipped = await say("bỏ qua", done.session, deps);
    expect(skipped.effects).toEqual([]);
    expect(skipped.session.screen.kind).toBe("menu");
    // A topic button of an old message after an opt-out shows the terms again instead of subscribing.
    const stale = await say(family.value, newSession(), depsWith({ ...NONE, optedOut: true }));
    expect(stale.effects).toEqual([]);
    expect(stale.session.screen).toEqual({ kind: "sub_consent" });
  });

  it("resolves the commune: one match at once, several by province, a former name to today's commune", async () => {
    const deps = depsWith(NONE);
    const asked = await say("xã/phường của tôi", newSession(), deps);
    expect(asked.session.screen).toEqual({ kind: "sub_unit", flow: "change" });

    const exact = await say("phường Ba Đình, Hà Nội", asked.session, deps);
    expect(exact.effects).toHaveLength(1);
    expect(exact.effects[0]).toMatchObject({ type: "set_contact_unit" });
    expect(exact.replies[0]!.text).toContain("Phường Ba Đình");

    // Several communes named Ba Đình: a pick-list naming each province; typing the province picks.
    const several = await say("Ba Đình", asked.session, deps);
    expect(several.effects).toEqual([]);
    const screen = several.session.screen as Extract<Session["screen"], { kind: "sub_unit" }>;
    expect(screen.choices!.length).toBeGreaterThan(1);
    const labels = options(several).filter((o) => o.value.startsWith("subs:u:"));
    for (const o of labels) expect(o.label).toMatch(/\((Tỉnh|Thành phố) [^)]+\)/);
    // Typing the province picks the one place there; a province with several narrows the list to them.
    const ngai = screen.choices!.find((c) => c.province?.includes("Quảng Ngãi"))!;
    const byProvince = await say("quang ngai", several.session, deps);
    expect(byProvince.effects).toEqual([{ type: "set_contact_unit", unitCode: ngai.code }]);
    const thanhHoa = await say("Thanh Hóa", several.session, deps);
    expect(thanhHoa.effects).toEqual([]);
    const narrowed = options(thanhHoa).filter((o) => o.value.startsWith("subs:u:"));
    expect(narrowed.length).toBeGreaterThan(1);
    for (const o of narrowed) expect(o.label).toContain("Thanh Hoá");
    const byButton = await say("1", several.session, deps);
    expect(byButton.effects).toEqual([{ type: "set_contact_unit", unitCode: screen.choices![0]!.code }]);

    // "Phường Trúc Bạch" was merged into today's Phường Ba Đình in 2025.
    const old = await say("phường Trúc Bạch", asked.session, deps);
    expect(old.effects).toEqual([{ type: "set_contact_unit", unitCode: "00004" }]);
    expect(old.replies[0]!.text).toContain("Phường Ba Đình");

    const nowhere = await say("Xyzzy Qwerty", asked.session, deps);
    expect(nowhere.effects).toEqual([]);
    expect(nowhere.replies[0]!.text).toContain("chưa tìm thấy");
    expect(nowhere.session.screen).toEqual({ kind: "sub_unit", flow: "change" });
  });

  it("lists what a person receives, and cancels one topic or everything", async () => {
    const deps = depsWith({
      topics: ["news", "dan-su-hon-nhan-gia-dinh"],
      unit: { code: "00004", name: "Phường Ba Đình", province: "Thành phố Hà Nội" },
      optedOut: false,
    });
    const listed = await say("Tin đã đăng ký", newSession(), deps);
    const text = listed.replies.at(-1)!.text;
    expect(text).toContain("Tin pháp luật chung");
    expect(text).toMatch(/Lĩnh vực: .*[Hh]ôn nhân/);
    expect(text).toContain("Phường Ba Đình, Thành phố Hà Nội");
    expect(listed.effects).toEqual([]);

    const cancel = await say("hủy nhận tin", newSession(), deps);
    const one = options(cancel).find((o) => o.value === "subs:x:dan-su-hon-nhan-gia-dinh")!;
    const ended = await say(one.value, cancel.session, deps);
    expect(ended.effects).toEqual([{ type: "unsubscribe", topic: "dan-su-hon-nhan-gia-dinh" }]);
    const all = await say("subs:stop", cancel.session, deps);
    expect(all.effects).toEqual([{ type: "opt_out" }]);

    // With only the news, "Hủy nhận tin" is the whole of it.
    const only = await say("huy nhan tin", newSession(), depsWith({ ...NONE, topics: ["news"] }));
    expect(only.effects).toEqual([{ type: "opt_out" }]);
    const nothing = await say("Tin đã đăng ký", newSession(), depsWith({ ...NONE, optedOut: true }));
    expect(nothing.replies.at(-1)!.text).toContain(subscriptionMessages.notSubscribed);
    expect(nothing.replies.at(-1)!.text).toContain(subscriptionMessages.wasOptedOut);
  });

  it("the menu offers it, and an already subscribed person sees their subscriptions instead of the terms", async () => {
    const menu = await say("menu", newSession(), depsWith(NONE));
    const entry = options(menu).find((o) => o.label === subscriptionMessages.menuEntry)!;
    expect(entry.value).toBe("subs");
    const again = await say(entry.value, menu.session, depsWith({ ...NONE, topics: ["news"] }));
    expect(again.session.screen).toEqual({ kind: "sub_list" });
    expect(again.effects).toEqual([]);
  });
});

// The subscription dialogue on every channel: "Đăng ký nhận tin" shows the terms and subscribes only after the
// person agrees (news first, then topics as optional extras, then their commune if unknown, skippable);
// "Tin đã đăng ký" lists what they receive; "Hủy nhận tin" ends one topic or everything; stop words opt out of
// everything at once; "Xã/phường của tôi" sets or changes the commune. Every change is an effect that
// src/subscriptions applies in the turn's transaction.
import { foldText } from "../text/vietnamese";
import { parseCommand } from "./commands";
import type { Effect } from "./effects";
import { withinBudget } from "./input-budget";
import { homeOption, renderMenu } from "./menu";
import { optionLabel } from "./option-label";
import type { EngineDeps, SubscriptionStatus, UnitChoice } from "./ports";
import type { Rendered } from "./rendered";
import type { ReplyOption } from "./replies";
import { newSession, type Screen, type Session } from "./session";
import { consentVersion } from "./survey-consent";
import { unitChoiceLabel } from "./survey-units";
import { subscriptionMessages as m } from "./subscription-messages";
import { NEWS_TOPIC, subscriptionValues } from "./subscription-values";
import { parseSubscriptionWord } from "./subscription-words";

const MAX_TOPIC_OPTIONS = 18;
const MAX_UNIT_CHOICES = 6;

type UnitScreen = Extract<Screen, { kind: "sub_unit" }>;

/**
 * A subscription value, word or screen answer; null when the message is for someone else (a command, a question).
 */
export async function subscriptionTurn(
  value: string,
  session: Session,
  contactId: string,
  deps: EngineDeps,
): Promise<Rendered | null> {
  const v = subscriptionValues;
  const structured = value === v.start || value.startsWith("subs:");
  const word = structured ? null : parseSubscriptionWord(value);
  if (value === v.start || word === "subscribe") return start(contactId, deps);
  if (value === v.list || word === "list") return list(await deps.subscriptions.status(contactId), deps);
  if (value === v.cancel || word === "unsubscribe") return cancelMenu(contactId, deps);
  if (value === v.unit || word === "unit") return askUnit("change", await deps.subscriptions.status(contactId));
  if (value === v.cancelAll) return optOut(session, contactId, deps);
  if (value === v.topics) {
    const status = await deps.subscriptions.status(contactId);
    return status.topics.includes(NEWS_TOPIC) ? topicsScreen(status, deps, []) : consentScreen();
  }
  if (value === v.agree || value === v.disagree) {
    // Consent counts only on the screen that showed the terms (not from a button of an older message, whose
    // wording may differ from what would be recorded): elsewhere the terms are shown again.
    if (session.screen.kind !== "sub_consent") return start(contactId, deps);
    return answerConsent(value === v.agree, contactId, deps);
  }
  if (value.startsWith("subs:t:")) return pickTopic(value.slice("subs:t:".length), session, contactId, deps);
  if (value === v.topicsDone) return afterTopics(await deps.subscriptions.status(contactId), []);
  if (value === v.unitSkip) return renderMenu([session.screen.kind === "sub_unit" ? m.unitSkipped : m.finished]);
  if (value.startsWith("subs:u:")) return pickUnit(value.slice("subs:u:".length), session, contactId, deps);
  if (value.startsWith("subs:x:")) return cancelTopic(value.slice("subs:x:".length), contactId, deps);
  if (structured) return null;

  // Free text on a screen of the dialogue, unless it is a command of its own.
  if (parseCommand(value) !== null) return null;
  if (session.screen.kind === "sub_consent") {
    const choice = foldText(value)
      .replace(/[^\p{L}\p{N} ]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (["dong y", "toi dong y", "co", "co dong y"].includes(choice)) return answerConsent(true, contactId, deps);
    if (["khong", "khong dong y", "thoi"].includes(choice)) return answerConsent(false, contactId, deps);
    return { ...consentScreen(), replies: [{ text: m.consentPrompt, options: consentOptions() }] };
  }
  if (session.screen.kind === "sub_unit") return resolveCommune(value, session.screen, deps);
  return null;
}

/** A stop word (or "Hủy tất cả"): every subscription ends and the contact is opted out; a running survey stops. */
export async function optOut(session: Session, contactId: string, deps: EngineDeps): Promise<Rendered> {
  const status = await deps.subscriptions.status(contactId);
  const effects: Effect[] = [];
  const preface: string[] = [];
  if (session.screen.kind === "survey_question") {
    effects.push({ type: "finish_response", responseId: session.screen.responseId, status: "stopped" });
    preface.push(m.surveyStopped);
  }
  effects.push({ type: "opt_out" });
  return {
    replies: [...preface.map((text) => ({ text })), { text: m.optedOut(status.topics.length), options: [homeOption] }],
    screen: { kind: "menu" },
    effects,
  };
}

function consentOptions(): ReplyOption[] {
  return [
    { label: m.agree, value: subscriptionValues.agree },
    { label: m.disagree, value: subscriptionValues.disagree },
  ];
}

function consentScreen(): Rendered {
  return { replies: [{ text: m.consent, options: consentOptions() }], screen: { kind: "sub_consent" } };
}

async function start(contactId: string, deps: EngineDeps): Promise<Rendered> {
  const status = await deps.subscriptions.status(contactId);
  // Already subscribed: show what they get, with the ways to add topics, change the commune or stop.
  return status.topics.includes(NEWS_TOPIC) ? list(status, deps) : consentScreen();
}

async function answerConsent(agreed: boolean, contactId: string, deps: EngineDeps): Promise<Rendered> {
  if (!agreed) return renderMenu([m.declined]);
  const status = await deps.subscriptions.status(contactId);
  // A second tap on "Đồng ý" (an old message's button) subscribes nothing twice.
  if (status.topics.includes(NEWS_TOPIC)) return list(status, deps);
  const effect: Effect = {
    type: "subscribe",
    topic: NEWS_TOPIC,
    consentId: deps.newId(),
    consentText: m.consent,
    consentVersion: consentVersion(m.consent),
  };
  const subscribed = { ...status, topics: [...status.topics, NEWS_TOPIC], optedOut: false };
  const next = await topicsScreen(subscribed, deps, [m.subscribed]);
  return { ...next, effects: [effect, ...(next.effects ?? [])] };
}

/** Topics not yet subscribed, one tap each; none left (or none at all) goes on to the commune. */
async function topicsScreen(status: SubscriptionStatus, deps: EngineDeps, preface: string[]): Promise<Rendered> {
  const topics = (await deps.subscriptions.listTopics()).filter((t) => !status.topics.includes(t.slug));
  if (topics.length === 0) {
    const taken = status.topics.length > 1 ? [m.allTopicsTaken] : [];
    return afterTopics(status, [...preface, ...taken]);
  }
  const options: ReplyOption[] = topics
    .slice(0, MAX_TOPIC_OPTIONS)
    .map((t) => ({ label: optionLabel(t.name), value: subscriptionValues.topic(t.slug) }));
  options.push({ label: m.done, value: subscriptionValues.topicsDone });
  return {
    replies: [...preface.map((text) => ({ text })), { text: m.topicsPrompt, options }],
    screen: { kind: "sub_topics" },
  };
}

async function pickTopic(slug: string, session: Session, contactId: string, deps: EngineDeps): Promise<Rendered> {
  const status = await deps.subscriptions.status(contactId);
  // A topic button from an old message after an opt-out: the terms are shown again first.
  if (!status.topics.includes(NEWS_TOPIC)) return consentScreen();
  const topic = (await deps.subscriptions.listTopics()).find((t) => t.slug === slug);
  // Only a pick on the topics screen subscribes (its text is the consent recorded); elsewhere it is shown again.
  if (!topic || session.screen.kind !== "sub_topics") return topicsScreen(status, deps, []);
  if (status.topics.includes(slug)) return topicsScreen(status, deps, [m.topicAdded(topic.name)]);
  const text = m.topicConsent(m.topicsPrompt, topic.name);
  const effect: Effect = {
    type: "subscribe",
    topic: slug,
    consentId: deps.newId(),
    consentText: text,
    consentVersion: consentVersion(text),
  };
  const next = await topicsScreen({ ...status, topics: [...status.topics, slug] }, deps, [m.topicAdded(topic.name)]);
  return { ...next, effects: [effect, ...(next.effects ?? [])] };
}

/** After the topics: the commune when it is unknown (skippable), else done. */
function afterTopics(status: SubscriptionStatus, preface: string[]): Rendered {
  if (status.unit === null) {
    const asked = askUnit("subscribe", status);
    return { ...asked, replies: [...preface.map((text) => ({ text })), ...asked.replies] };
  }
  return renderMenu([...preface, m.finished]);
}

function placeName(unit: { name: string; province: string | null }): string {
  return unit.province ? `${unit.name}, ${unit.province}` : unit.name;
}

function unitOptions(flow: UnitScreen["flow"]): ReplyOption[] {
  return flow === "subscribe" ? [{ label: m.skip, value: subscriptionValues.unitSkip }, homeOption] : [homeOption];
}

function askUnit(flow: UnitScreen["flow"], status: SubscriptionStatus): Rendered {
  const lines = [m.unitPrompt];
  if (status.unit) lines.push(m.unitCurrent(placeName(status.unit)));
  if (flow === "subscribe") lines.push(m.unitSkipNote);
  return { replies: [{ text: lines.join("\n"), options: unitOptions(flow) }], screen: { kind: "sub_unit", flow } };
}

function unitReprompt(screen: UnitScreen, text: string): Rendered {
  return { replies: [{ text, options: unitOptions(screen.flow) }], screen: { kind: "sub_unit", flow: screen.flow } };
}

function unitChosen(screen: UnitScreen, unit: { code: string; name: string; province: string | null }): Rendered {
  const saved = m.unitSaved(placeName(unit));
  return {
    ...renderMenu(screen.flow === "subscribe" ? [saved, m.finished] : [saved]),
    effects: [{ type: "set_contact_unit", unitCode: unit.code }],
  };
}

async function resolveCommune(text: string, screen: UnitScreen, deps: EngineDeps): Promise<Rendered> {
  const typed = text.trim();
  // Several places were offered: the province typed ("Bắc Ninh") picks among them.
  if (screen.choices) {
    const folded = foldText(typed);
    const byProvince = screen.choices.filter(
      (c) => c.province !== null && folded.length >= 2 && foldText(c.province).includes(folded),
    );
    if (byProvince.length === 1) return unitChosen(screen, byProvince[0]!);
    if (byProvince.length > 1)
      return pickList(
        screen,
        byProvince.map((c) => ({ ...c, formerly: c.formerly ?? null })),
      );
  }
  if (typed.length < 2) return unitReprompt(screen, m.unitTooShort);
  if (!withinBudget("unit", typed)) return unitReprompt(screen, m.unitTooLong);
  const matches = await deps.surveys.findUnits(typed, "commune");
  const exact = matches.filter((u) => u.exact);
  // One name, or one that alone fits best what else was written ("phường …", "…, Hà Nội"): that is the place.
  const bestFit = Math.max(-1, ...exact.map((u) => u.fit));
  const best = exact.filter((u) => u.fit === bestFit);
  if (best.length === 1 && (exact.length === 1 || bestFit > 0)) return unitChosen(screen, best[0]!);
  const choices = (exact.length > 0 ? exact : matches).slice(0, MAX_UNIT_CHOICES);
  if (choices.length === 0) return unitReprompt(screen, m.unitNotFound(typed.slice(0, 80)));
  return pickList(screen, choices);
}

/** Places of the same name, each labelled with its province (and the former name it was found by). */
function pickList(screen: UnitScreen, choices: Array<Omit<UnitChoice, "exact" | "fit">>): Rendered {
  return {
    replies: [
      {
        text: m.unitPick,
        options: [
          ...choices.map((c) => ({
            label: unitChoiceLabel({ ...c, exact: true, fit: 0 }),
            value: subscriptionValues.unitPick(c.code),
          })),
          ...unitOptions(screen.flow),
        ],
      },
    ],
    screen: {
      kind: "sub_unit",
      flow: screen.flow,
      choices: choices.map((c) => ({ code: c.code, name: c.name, province: c.province, formerly: c.formerly })),
    },
  };
}

async function pickUnit(code: string, session: Session, contactId: string, deps: EngineDeps): Promise<Rendered> {
  const screen = session.screen;
  if (screen.kind === "sub_unit") {
    const choice = screen.choices?.find((c) => c.code === code);
    if (choice) return unitChosen(screen, choice);
    return unitReprompt(screen, m.unitPrompt);
  }
  // A pick-list button tapped after the conversation moved on: ask again rather than guess.
  return askUnit("change", await deps.subscriptions.status(contactId));
}

async function topicNames(deps: EngineDeps): Promise<Map<string, string>> {
  return new Map((await deps.subscriptions.listTopics()).map((t) => [t.slug, t.name]));
}

async function list(status: SubscriptionStatus, deps: EngineDeps): Promise<Rendered> {
  const names = await topicNames(deps);
  const place = status.unit ? placeName(status.unit) : null;
  if (status.topics.length === 0) {
    const lines = [m.notSubscribed, ...(status.optedOut ? [m.wasOptedOut] : []), m.listUnit(place)];
    return {
      replies: [
        {
          text: lines.join("\n"),
          options: [
            { label: m.menuEntry, value: subscriptionValues.start },
            { label: m.changeUnit, value: subscriptionValues.unit },
            homeOption,
          ],
        },
      ],
      screen: { kind: "sub_list" },
    };
  }
  const lines: string[] = [m.listTitle];
  for (const topic of status.topics)
    lines.push(`• ${topic === NEWS_TOPIC ? m.news : m.topicLine(names.get(topic) ?? topic)}`);
  lines.push(m.listUnit(place), m.listFooter);
  return {
    replies: [
      {
        text: lines.join("\n"),
        options: [
          { label: m.addTopics, value: subscriptionValues.topics },
          { label: m.changeUnit, value: subscriptionValues.unit },
          { label: m.cancel, value: subscriptionValues.cancel },
          homeOption,
        ],
      },
    ],
    screen: { kind: "sub_list" },
  };
}

async function cancelMenu(contactId: string, deps: EngineDeps): Promise<Rendered> {
  const status = await deps.subscriptions.status(contactId);
  const topics = status.topics.filter((t) => t !== NEWS_TOPIC);
  if (status.topics.length === 0) return list(status, deps);
  // Only the news: "Hủy nhận tin" is the whole of it, at once.
  if (topics.length === 0) return optOut(newSession(), contactId, deps);
  const names = await topicNames(deps);
  const options: ReplyOption[] = topics.slice(0, MAX_TOPIC_OPTIONS).map((slug) => ({
    label: optionLabel(m.cancelTopic(names.get(slug) ?? slug)),
    value: subscriptionValues.cancelTopic(slug),
  }));
  options.push({ label: m.cancelAll, value: subscriptionValues.cancelAll }, homeOption);
  return { replies: [{ text: m.cancelPrompt, options }], screen: { kind: "sub_list" } };
}

async function cancelTopic(slug: string, contactId: string, deps: EngineDeps): Promise<Rendered> {
  const status = await deps.subscriptions.status(contactId);
  if (slug === NEWS_TOPIC) return optOut(newSession(), contactId, deps);
  if (!status.topics.includes(slug)) return list(status, deps);
  const name = (await topicNames(deps)).get(slug) ?? slug;
  return { ...renderMenu([m.topicCancelled(name)]), effects: [{ type: "unsubscribe", topic: slug }] };
}

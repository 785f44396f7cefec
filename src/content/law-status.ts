// The legal life of a statute on a given day, computed from its stored facts (effective date, end date and why,
// amendments with their dates and articles) rather than read from one stored flag: a law replaced from 2026-07-01
// is in force on 2026-06-30 and replaced on 2026-07-01, with no job having to flip anything at midnight.
// Pure: the engine, search, Q&A, the content-health report and the API all ask these functions.
import type { DocumentEndReason, FactConfidence } from "../../db/schema/content";

export const legalStatuses = ["not_yet_in_force", "in_force", "amended", "replaced", "expired"] as const;
export type LegalStatus = (typeof legalStatuses)[number];

export interface AmendmentFact {
  /** "118/2025/QH15". */
  number: string;
  name: string;
  /** The amending document when it is loaded. */
  documentId: number | null;
  /** YYYY-MM-DD; null when unknown (then it is taken as already in effect). */
  effectiveFrom: string | null;
  /** Article numbers of the statute it changed ("9", "84"). */
  articles: readonly string[];
  /** False: the list is partial or empty because unknown, so any article may have changed. */
  articlesComplete: boolean;
  note: string | null;
  recordedAt: Date;
}

export interface LawFacts {
  id: number;
  title: string;
  officialNumber: string | null;
  year: number | null;
  effectiveFrom: string | null;
  endsOn: string | null;
  endReason: DocumentEndReason | null;
  replacedBy: { documentId: number | null; number: string | null; name: string | null } | null;
  amendments: readonly AmendmentFact[];
  confidence: FactConfidence | null;
  /** For officers: who issued it, what is unverified about these facts, where they come from. */
  issuingBody?: string | null;
  note?: string | null;
  sources?: readonly string[];
  /** Visible to citizens in Loa (publication, not legal status); absent counts as published. */
  published?: boolean;
}

export interface StatusOnDate {
  status: LegalStatus;
  /** The day the status began, when known (the effective date, the end date, the latest amendment's date). */
  since: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** Today in Vietnam (UTC+7 all year, no daylight saving), YYYY-MM-DD: the day laws take effect on. */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The first instant of a Vietnamese calendar day. */
export function startOfVietnamDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** Amendments in effect on `date` (one without a known date counts as in effect), latest first. */
export function amendmentsInEffect(facts: LawFacts, date: string): AmendmentFact[] {
  return facts.amendments
    .filter((a) => a.effectiveFrom === null || a.effectiveFrom <= date)
    .sort((a, b) => (b.effectiveFrom ?? "").localeCompare(a.effectiveFrom ?? ""));
}

/** The document's status on `date` (YYYY-MM-DD, Vietnamese calendar). */
export function legalStatusOn(facts: LawFacts, date: string): StatusOnDate {
  if (facts.effectiveFrom && date < facts.effectiveFrom) {
    return { status: "not_yet_in_force", since: null };
  }
  if (facts.endsOn && date >= facts.endsOn) {
    return { status: facts.endReason ?? "expired", since: facts.endsOn };
  }
  const amendments = amendmentsInEffect(facts, date);
  if (amendments.length > 0) return { status: "amended", since: amendments[0]!.effectiveFrom };
  return { status: "in_force", since: facts.effectiveFrom };
}

/** In force on the day (amended or not): what a citizen may be taught as current law. */
export function inForceOn(facts: LawFacts, date: string): boolean {
  const { status } = legalStatusOn(facts, date);
  return status === "in_force" || status === "amended";
}

/** How a change touches one article: it surely changed it, or the changed articles are not (fully) known. */
export type ArticleChangeCertainty = "changed" | "maybe";

export interface ArticleChange {
  amendment: AmendmentFact;
  certainty: ArticleChangeCertainty;
}

/** "Điều 84 (khoản 1)", "84", "điều 12a" → "84" / "12a"; null when it names no article. */
export function articleNumberOf(text: string): string | null {
  const match = /^\s*(?:điều\s*)?(\d{1,4}[a-zđ]?)\b/iu.exec(text);
  return match ? match[1]!.toLowerCase() : null;
}

/** The amendments in effect on `date` that changed (or may have changed) article `number`. */
export function articleChangesOn(facts: LawFacts, number: string, date: string): ArticleChange[] {
  const wanted = number.trim().toLowerCase();
  return amendmentsInEffect(facts, date).flatMap((amendment): ArticleChange[] => {
    if (amendment.articles.some((a) => a.toLowerCase() === wanted)) return [{ amendment, certainty: "changed" }];
    return amendment.articlesComplete ? [] : [{ amendment, certainty: "maybe" }];
  });
}

/**
 * How citizens see a document cited: "Luật Hôn nhân và gia đình 2014 (52/2014/QH13)"; the year only when the title
 * does not already say it, and no empty parentheses when the number is unknown ("Hiến pháp 2013").
 */
export function citationName(facts: Pick<LawFacts, "title" | "year" | "officialNumber">): string {
  const withYear =
    facts.year !== null && !new RegExp(`\\b${facts.year}\\b`).test(facts.title)
      ? `${facts.title} ${facts.year}`
      : facts.title;
  return facts.officialNumber ? `${withYear} (${facts.officialNumber})` : withYear;
}

/** "01/7/2026", the way Vietnamese legal texts write dates. */
export function vietnameseDate(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${Number(m)}/${y}`;
}

/** "Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp (203/2025/QH15)". */
export function amendmentName(amendment: Pick<AmendmentFact, "name" | "number">): string {
  return amendment.name.includes(amendment.number) ? amendment.name : `${amendment.name} (${amendment.number})`;
}

/** The replacing document's name as cited, given the loaded replacing document's facts when there is one. */
export function replacementName(facts: LawFacts, loaded: LawFacts | null): string | null {
  if (loaded) return citationName(loaded);
  const by = facts.replacedBy;
  if (!by || (!by.name && !by.number)) return null;
  if (!by.name) return by.number;
  return by.number && !by.name.includes(by.number) ? `${by.name} (${by.number})` : by.name;
}

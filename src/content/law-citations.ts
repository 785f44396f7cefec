// How citizens see a statute cited anywhere (lessons, answers, search, Q&A, the article screen): its citation name,
// whether it applies on the day, the notice to show with it and the button to the text that replaced it.
import type { ReplacementLink } from "../engine/ports";
import { lawNotice, statusMark } from "./law-notice";
import type { LawRegistry } from "./law-registry";
import { citationName, inForceOn, type LawFacts } from "./law-status";

export interface DocumentPresentation {
  citation: string;
  inForce: boolean;
  /** "hết hiệu lực", … for lists; null when in force. */
  mark: string | null;
  /** The notice for the document as a whole (an article gets its own, see articleNotice). */
  notice: string | null;
  replacement: ReplacementLink | null;
}

export function presentDocument(registry: LawRegistry, facts: LawFacts, date: string): DocumentPresentation {
  const replacement = registry.replacementOf(facts);
  const visible = replacement && replacement.published !== false ? replacement : null;
  return {
    citation: citationName(facts),
    inForce: inForceOn(facts, date),
    mark: statusMark(facts, date),
    notice: lawNotice(facts, date, null, replacement),
    replacement: visible ? { documentId: visible.id, citation: citationName(visible) } : null,
  };
}

export function articleNotice(registry: LawRegistry, facts: LawFacts, number: string, date: string): string | null {
  return lawNotice(facts, date, number, registry.replacementOf(facts));
}

/**
 * "Điều 8 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)", with "(hết hiệu lực)" after a document no longer in force
 * on the day; a document Loa does not hold is cited as written.
 */
export function citationLabel(registry: LawRegistry, document: string, article: string, date: string): string {
  const facts = registry.byTitle(document) ?? registry.byNumber(document);
  if (!facts) return `Điều ${article} ${document}`;
  const mark = statusMark(facts, date);
  return `Điều ${article} ${citationName(facts)}${mark ? ` (${mark})` : ""}`;
}

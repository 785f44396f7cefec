// Whether content citing an article must be looked at again because the law changed, on a given day. One rule for
// lessons, approved answers and quiz explanations (the content-health report, and the hold on approved answers):
//  - the cited statute is replaced or expired on the day: always, however recently the content was edited (it
//    still teaches a superseded text; only citing the law in force fixes it);
//  - an amendment in effect on the day changed the article, or changed articles not (fully) known: when the content
//    was last edited or reviewed before the change took effect or before Loa recorded it (an officer editing or
//    republishing afterwards is taken as having checked it against the amended law).
import type { LawRegistry } from "./law-registry";
import {
  type ArticleChangeCertainty,
  articleChangesOn,
  citationName,
  legalStatusOn,
  startOfVietnamDay,
} from "./law-status";

export type ChangeKind = "replaced" | "expired" | "amended";

export interface CitationFlag {
  document: string;
  article: string;
  /** The cited statute as citizens see it named. */
  citation: string;
  change: ChangeKind;
  /** The day the change took effect, when known. */
  since: string | null;
  /** The replacing or amending document, by number and name, and its id when loaded. */
  by: { number: string | null; name: string | null; documentId: number | null } | null;
  /** For an amendment: whether the article surely changed or the changed articles are not known. */
  certainty: ArticleChangeCertainty | null;
}

export function citationFlags(
  registry: LawRegistry,
  citation: { document: string; article: string },
  date: string,
  /** When the content was last edited, republished or reviewed. */
  checkedAt: Date,
): CitationFlag[] {
  const facts = registry.byTitle(citation.document) ?? registry.byNumber(citation.document);
  if (!facts) return [];
  const base = { document: citation.document, article: citation.article, citation: citationName(facts) };
  const { status, since } = legalStatusOn(facts, date);
  if (status === "replaced" || status === "expired") {
    const loaded = registry.replacementOf(facts);
    const by = facts.replacedBy
      ? {
          number: loaded?.officialNumber ?? facts.replacedBy.number,
          name: loaded ? citationName(loaded) : facts.replacedBy.name,
          documentId: loaded?.id ?? null,
        }
      : null;
    return [{ ...base, change: status, since, by, certainty: null }];
  }
  return articleChangesOn(facts, citation.article, date)
    .filter(({ amendment }) => {
      const effective = amendment.effectiveFrom ? startOfVietnamDay(amendment.effectiveFrom).getTime() : 0;
      return checkedAt.getTime() < Math.max(effective, amendment.recordedAt.getTime());
    })
    .map(({ amendment, certainty }) => ({
      ...base,
      change: "amended" as const,
      since: amendment.effectiveFrom,
      by: { number: amendment.number, name: amendment.name, documentId: amendment.documentId },
      certainty,
    }));
}

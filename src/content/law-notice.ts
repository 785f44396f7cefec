// The plain Vietnamese notice a citizen reads above a statute's article (or its article list) when the text is not
// simply current law: replaced or expired (with what replaced it), not yet in force, about to be replaced, amended
// (by what, from when, and whether this article is among the changed ones), or resting on unverified facts.
// Every channel shows the same words: the engine puts the notice first in the reply.
import {
  amendmentName,
  amendmentsInEffect,
  articleChangesOn,
  type AmendmentFact,
  type LawFacts,
  legalStatusOn,
  replacementName,
  vietnameseDate,
} from "./law-status";

/** At most this many amending documents are named; the rest are counted. */
const NAMED_AMENDMENTS = 3;

function amendmentList(amendments: AmendmentFact[]): string {
  const named = amendments.slice(0, NAMED_AMENDMENTS).map((a) => {
    const when = a.effectiveFrom ? ` (từ ${vietnameseDate(a.effectiveFrom)})` : "";
    return `${amendmentName(a)}${when}`;
  });
  const more = amendments.length - named.length;
  return more > 0 ? `${named.join("; ")} và ${more} văn bản khác` : named.join("; ");
}

/**
 * The notice for `facts` on `date`; for one article when `articleNumber` is given (then an amendment that surely
 * left this article alone says nothing). `replacement` is the loaded replacing document, if any. Null when the
 * text is simply in force and its facts are verified.
 */
export function lawNotice(
  facts: LawFacts,
  date: string,
  articleNumber: string | null,
  replacement: LawFacts | null = null,
): string | null {
  const lines: string[] = [];
  const { status, since } = legalStatusOn(facts, date);
  const replacedBy = replacementName(facts, replacement);
  if (status === "replaced" || status === "expired") {
    const from = since ? ` từ ${vietnameseDate(since)}` : "";
    lines.push(
      status === "replaced" && replacedBy
        ? `⚠️ Văn bản này đã hết hiệu lực${from}, được thay thế bởi ${replacedBy}.`
        : `⚠️ Văn bản này đã hết hiệu lực${from}.`,
    );
  } else if (status === "not_yet_in_force" && facts.effectiveFrom) {
    lines.push(`ℹ️ Văn bản này chưa có hiệu lực; có hiệu lực từ ${vietnameseDate(facts.effectiveFrom)}.`);
  } else {
    if (facts.endsOn) {
      const by = facts.endReason === "replaced" && replacedBy ? `, được thay thế bởi ${replacedBy}` : "";
      lines.push(`ℹ️ Văn bản này sẽ hết hiệu lực từ ${vietnameseDate(facts.endsOn)}${by}.`);
    }
    if (articleNumber !== null) {
      const changes = articleChangesOn(facts, articleNumber, date);
      const surely = changes.filter((c) => c.certainty === "changed").map((c) => c.amendment);
      const maybe = changes.filter((c) => c.certainty === "maybe").map((c) => c.amendment);
      if (surely.length > 0) {
        lines.push(
          `⚠️ Điều này đã được sửa đổi, bổ sung bởi ${amendmentList(surely)}. Nội dung dưới đây là bản trước khi ` +
            "sửa đổi, bạn nên đối chiếu văn bản hợp nhất mới nhất.",
        );
      } else if (maybe.length > 0) {
        lines.push(
          `ℹ️ Văn bản này đã được sửa đổi, bổ sung bởi ${amendmentList(maybe)}; chưa xác định được điều này có bị ` +
            "sửa đổi hay không, bạn nên đối chiếu văn bản hợp nhất mới nhất.",
        );
      }
    } else if (status === "amended") {
      lines.push(`ℹ️ Văn bản này đã được sửa đổi, bổ sung bởi ${amendmentList(amendmentsInEffect(facts, date))}.`);
    }
  }
  if (facts.confidence === "low") {
    lines.push("Lưu ý: thông tin về hiệu lực của văn bản này chưa được kiểm chứng đầy đủ.");
  }
  return lines.length > 0 ? lines.join("\n") : null;
}

/** A short mark after a document's name in lists: "(hết hiệu lực)", "(chưa có hiệu lực)"; null when in force. */
export function statusMark(facts: LawFacts, date: string): string | null {
  const { status } = legalStatusOn(facts, date);
  if (status === "replaced") return "đã được thay thế";
  if (status === "expired") return "hết hiệu lực";
  if (status === "not_yet_in_force") return "chưa có hiệu lực";
  return null;
}

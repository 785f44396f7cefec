import { describe, expect, it } from "vitest";
import { bestSnippet, SNIPPET_LENGTH } from "../../src/content/search-snippet";
import { PLAIN_QUERY, questionClauses, queryTerms } from "../../src/text/search-analyzer";

const termsOf = (question: string) => queryTerms(questionClauses(question), PLAIN_QUERY);
const idf = () => 1;

describe("snippet", () => {
  const body =
    "1. Vợ, chồng hoặc cả hai người có quyền yêu cầu Tòa án giải quyết ly hôn.\n" +
    "2. Cha, mẹ, người thân thích khác có quyền yêu cầu Tòa án giải quyết ly hôn khi một bên vợ, chồng do bị bệnh " +
    "tâm thần không thể nhận thức được hành vi của mình.\n3. Chồng không có quyền yêu cầu ly hôn trong trường " +
    "hợp vợ đang có thai, sinh con hoặc đang nuôi con dưới 12 tháng tuổi.";

  it("is the clause that says most of what was asked", () => {
    expect(bestSnippet(body, termsOf("chồng có được ly hôn khi vợ đang có thai không"), idf)).toMatch(/^3\. Chồng/);
    expect(bestSnippet(body, termsOf("bệnh tâm thần"), idf)).toMatch(/^2\. Cha, mẹ/);
  });

  it("is cut at a word boundary near what matched when the clause is long", () => {
    const long =
      `${"Lời mở đầu rất dài về những điều không liên quan gì tới câu hỏi. ".repeat(3)}` +
      `Người thừa kế có quyền từ chối nhận di sản ${"trong những trường hợp luật định ".repeat(12)}`;
    const snippet = bestSnippet(long.replace(/\. /g, ", "), termsOf("từ chối nhận di sản"), idf);
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
    expect(snippet).toContain("từ chối nhận di sản");
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
  });

  it("keeps text as text: markup in an article comes back verbatim, never interpreted", () => {
    const snippet = bestSnippet("<script>alert(1)</script> Điều kiện kết hôn <b>đủ tuổi</b>", termsOf("kết hôn"), idf);
    expect(snippet).toBe("<script>alert(1)</script> Điều kiện kết hôn <b>đủ tuổi</b>");
  });
});

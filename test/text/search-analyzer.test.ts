import { describe, expect, it } from "vitest";
import { analyzeClauses, indexTerms, PLAIN_QUERY, questionClauses, queryTerms } from "../../src/text/search-analyzer";

const termsOf = (question: string) => queryTerms(questionClauses(question), PLAIN_QUERY).map((t) => t.term);

describe("search analyzer", () => {
  it("folds syllables and keeps the tone apart, whatever the tone placement or Unicode form", () => {
    const [hoa1, hoa2, hoa3] = ["hòa", "hoà", "HÒA".normalize("NFD")].map((w) => analyzeClauses(w)[0]![0]);
    expect(hoa1).toEqual({ folded: "hoa", accented: "hoa2", ambiguous: false });
    expect(hoa2).toEqual(hoa1);
    expect(hoa3).toEqual(hoa1);
    expect(analyzeClauses("Đất")[0]![0]).toEqual({ folded: "dat", accented: "đât1", ambiguous: false });
  });

  it("indexes syllables and pairs within a clause, never across punctuation", () => {
    const terms = indexTerms("Ly hôn, kết hôn");
    expect([...terms.keys()].sort()).toEqual(["hon", "ket", "ket_hon", "ly", "ly_hon"]);
    expect(terms.get("hon")).toBe(2);
  });

  it("drops question filler and politeness from a question, with or without diacritics", () => {
    const accented = termsOf("Cho em hỏi điều kiện kết hôn được quy định như thế nào ạ?");
    expect(accented).toEqual(termsOf("cho em hoi dieu kien ket hon duoc quy dinh nhu the nao a"));
    expect(accented).toContain("ket_hon");
    expect(accented).toContain("dieu_kien");
    for (const filler of ["cho", "em", "hoi", "nhu", "the", "nao", "a", "nhu_the"])
      expect(accented).not.toContain(filler);
  });

  it("reads a question word by its diacritics when they are typed: 'cần' is filler, 'căn' is not", () => {
    expect(termsOf("cần gì")).toEqual([]);
    expect(termsOf("căn hộ")).toContain("can");
    // Typed without diacritics, "co" may be có or cơ: read as the common one, có (the pair keeps "cơ quan").
    expect(termsOf("co quan")).not.toContain("co");
    expect(termsOf("co quan")).toContain("co_quan");
  });

  it("reads a syllable written without marks as that very word when the question is typed with diacritics", () => {
    // "vay" (borrow) folds like "vậy", "tai" (tai nạn) like "tại", "chi" (chi phí) like "chị", "ma" (ma túy) like
    // "mà": among accented words they are content, not question words.
    expect(termsOf("Cho vay lấy lãi bao nhiêu một năm?")).toContain("vay");
    expect(termsOf("Bị tai nạn giao thông thì ai trả chi phí?")).toEqual(expect.arrayContaining(["tai", "chi"]));
    expect(termsOf("Sử dụng ma túy bị xử lý ra sao?")).toContain("ma");
    // Written with marks, the question words stay filler.
    const filler = termsOf("Vậy tại sao chị không được?");
    for (const word of ["vay", "tai", "chi", "sao", "khong"]) expect(filler).not.toContain(word);
  });

  it("reads a question word typed without diacritics as the content word it mostly is", () => {
    // "nha" is nhà more often than the particle, "chi" chi phí, "boi" bồi thường, "can" căn hộ: kept.
    expect(termsOf("thue nha ma khong tra tien")).toContain("nha");
    expect(termsOf("ai tra chi phi boi thuong")).toEqual(expect.arrayContaining(["chi", "boi"]));
    expect(termsOf("mua can ho chung cu")).toContain("can");
    // Those that are mostly grammar stay filler: "co" có, "khong" không, "duoc" được, "toi" tôi.
    const grammar = termsOf("toi co duoc ly hon khong");
    for (const word of ["toi", "co", "duoc", "khong"]) expect(grammar).not.toContain(word);
    expect(grammar).toContain("ly_hon");
  });

  it("drops vậy, nhé, hả typed without diacritics only at the end of a clause, where particles go", () => {
    expect(termsOf("cho vay lay lai bao nhieu")).toContain("vay");
    expect(termsOf("co duoc cho vay khong")).toContain("vay");
    expect(termsOf("ly hon thi sao vay")).not.toContain("vay");
    expect(termsOf("ly hon thi chia tai san sao vay a")).not.toContain("vay");
    expect(termsOf("phat nhe hay nang")).toContain("nhe");
    expect(termsOf("giup em voi nhe")).not.toContain("nhe");
  });

  it("weighs a connector's pairs with content words by connectorPairWeight, other question words' whole", () => {
    const options = { pairWeight: 1, connectorPairWeight: 0.5 };
    const weights = (question: string) =>
      new Map(queryTerms(questionClauses(question), options).map((t) => [t.term, t.weight]));
    const asked = weights("Mức phạt đối với người bán hàng rong như thế nào?");
    expect(asked.get("doi_voi")).toBe(0.5);
    expect(asked.get("voi_nguoi")).toBe(0.5);
    expect(asked.get("muc_phat")).toBe(1);
    expect(asked.get("nguoi_ban")).toBe(1);
    // Typed without diacritics alike.
    expect(weights("muc phat doi voi nguoi ban hang rong").get("voi_nguoi")).toBe(0.5);
    // "bị", "là": they make the verb or quote a definition, and keep their pairs.
    expect(weights("Bị phạt khi nào?").get("bi_phat")).toBe(1);
    expect(weights("Tài sản là vật gì?").get("la_vat")).toBe(1);
    expect(weights("Quyền của người thuê nhà").get("quyen_cua")).toBe(0.5);
  });

  it("reads chat shorthand as the words it stands for, however the rest of the question was typed", () => {
    // "vk", "ck" are vợ, chồng; "dc", "ko", "j" the question words được, không, gì (dropped like them).
    const spelled = termsOf("Vợ chồng em ly hôn thì được chia gì không?");
    expect(termsOf("vk ck em ly hôn thì dc chia j ko?")).toEqual(spelled);
    expect(termsOf("vk ck em ly hon thi dc chia j ko")).toEqual(termsOf("vo chong em ly hon thi duoc chia gi khong"));
    expect(termsOf("cty nợ lương")).toEqual(termsOf("công ty nợ lương"));
    expect(termsOf("con 2 tuoi ai nuoi ak")).toEqual(termsOf("con 2 tuoi ai nuoi a"));
    expect(termsOf("ra ubnd xã hỏi")).toContain("uy_ban");
    // Shorthand does not decide how the rest was typed: four bare words and five shorthand stay a bare question.
    expect(analyzeClauses("vk ck dc ko j ly hon tai san")[0]!.at(-1)).toMatchObject({ folded: "san", ambiguous: true });
  });

  it("never reads a Vietnamese word as shorthand, nor shorthand inside a longer token", () => {
    expect(termsOf("sổ hồng")).toContain("so_hong");
    expect(termsOf("làm hỏng đồ")).toContain("hong");
    expect(termsOf("vay 50tr")).toContain("50tr");
    // The statutes are indexed as written: "điểm k" is a point of a clause there.
    expect([...indexTerms("điểm k khoản 1").keys()]).toContain("diem_k");
  });
});

// Retrieval smoke tests on the seeded statutes (marriage and family, residence, the Constitution) with questions
// written the way people ask, not taken from the benchmark sets. The expected articles are the ones a lawyer
// would cite; the same lists on PGlite and Postgres (the suite runs on both) show the ranking does not depend on
// the driver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { loadSearchIndex } from "../../src/content/search-index-cache";
import {
  DEFAULT_SEARCH_PARAMS,
  type SearchEntry,
  SearchIndex,
  type SearchParams,
} from "../../src/content/search-index";
import { createTestDb, testDriver } from "../support/test-db";

const FAMILY = "Luật Hôn nhân và gia đình";
const RESIDENCE = "Luật Cư trú";

describe(`search index on the seeded statutes (${testDriver})`, () => {
  let handle: DbHandle;
  let index: SearchIndex;
  const top = (question: string, n = 3) =>
    index
      .search(question, 20, new Set(["article"]))
      .slice(0, n)
      .map((h) => `${h.entry.document} ${h.entry.number}`);

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    index = await loadSearchIndex(handle.db);
  });
  afterAll(async () => handle?.close());

  it("answers a question with filler words by the article it is about", () => {
    expect(top("Cho em hỏi điều kiện kết hôn là gì ạ?", 1)).toEqual([`${FAMILY} 8`]);
    expect(top("Đăng ký thường trú thì cần những giấy tờ gì?", 1)).toEqual([`${RESIDENCE} 21`]);
  });

  it("ranks a question typed without diacritics exactly as with them", () => {
    expect(top("cho em hoi dieu kien ket hon la gi a", 5)).toEqual(top("Cho em hỏi điều kiện kết hôn là gì ạ?", 5));
    expect(top("dang ky tam tru o dau", 3)).toContain(`${RESIDENCE} 28`);
    // "nha" typed bare is nhà (house) far more often than the particle, and was dropped as the particle.
    expect(top("ly hon thi nha mua chung chia the nao", 5)).toEqual(top("Ly hôn thì nhà mua chung chia thế nào?", 5));
    expect(top("o nha thue thi dang ky thuong tru duoc khong", 5)).toEqual(
      top("Ở nhà thuê thì đăng ký thường trú được không?", 5),
    );
  });

  it("maps everyday words to the law's through the seeded synonyms", () => {
    // "bỏ chồng" means divorce: the article on who raises the children after a divorce.
    expect(top("Bỏ chồng thì con nhỏ ai nuôi?", 1)).toEqual([`${FAMILY} 81`]);
    // A guest staying the night is the law's "lưu trú", which the host must report.
    expect(top("Bạn tôi đến ở qua đêm thì có cần báo không?", 1)).toEqual([`${RESIDENCE} 30`]);
    // "bố mẹ" is the law's "cha mẹ".
    expect(top("Bố mẹ có nghĩa vụ gì với con?", 5).some((hit) => /^Luật Hôn nhân và gia đình (71|72)$/.test(hit))).toBe(
      true,
    );
  });

  it("maps everyday words of the second synonym batch (written from the statutes, not from questions)", () => {
    // "tuổi lấy chồng" asks the marriage age: the conditions of marriage, not how to register one.
    expect(top("Con gái tôi năm nay 17, tuổi lấy chồng theo luật là mấy?", 1)).toEqual([`${FAMILY} 8`]);
    // "tách khẩu" is the law's "tách hộ".
    expect(top("Muốn tách khẩu ra ở riêng với bố mẹ thì làm thế nào?", 1)).toEqual([`${RESIDENCE} 25`]);
  });

  it("reads a synonym phrase with a personal pronoun inside it", () => {
    // "không cho gặp con" is hindering the other parent's visits ("cản trở … thăm nom con"), which the law forbids;
    // people put themselves in the middle of it.
    const question = "Ly hôn xong vợ cũ không cho tôi gặp con thì sao?";
    expect(index.analyze(question).terms.map((t) => t.term)).toContain("tham_nom");
    expect(top(question, 3)).toContain(`${FAMILY} 82`);
  });

  it("favours the statute a question names", () => {
    const named = index.analyze("Theo Luật Cư trú, ai phải đăng ký tạm trú?");
    expect(named.statutes).toEqual([RESIDENCE]);
    expect(top("Theo Luật Cư trú, ai phải đăng ký tạm trú?", 3).every((hit) => hit.startsWith(RESIDENCE))).toBe(true);
    expect(index.analyze("luật hôn nhân gia đình quy định gì về tài sản chung").statutes).toEqual([FAMILY]);
  });

  it("finds nothing for a question with no searchable word", () => {
    expect(index.search("… ? !", 10)).toEqual([]);
    expect(index.search("cho hỏi như thế nào ạ", 10)).toEqual([]);
  });
});

/** An article of a small sample labour law, for ranking tests that need only a few texts. */
const article = (id: number, title: string, body: string): SearchEntry => ({
  type: "article",
  id,
  document: "Luật Mẫu",
  number: String(id),
  title,
  body,
});

/** Articles 3–6 of the sample law: texts that share some of the test questions' words and are about other things. */
const OTHER_LABOUR_ARTICLES = [
  article(3, "Hợp đồng lao động", "Hợp đồng lao động là sự thỏa thuận giữa người lao động và người sử dụng lao động."),
  article(4, "Thời giờ làm việc", "Thời giờ làm việc bình thường không quá 08 giờ trong 01 ngày."),
  article(5, "Nghỉ hằng năm", "Người lao động làm việc đủ 12 tháng thì được nghỉ hằng năm, hưởng nguyên lương."),
  article(6, "Kỷ luật lao động", "Kỷ luật lao động là những quy định về việc tuân theo thời gian, công nghệ."),
];

describe("title recall", () => {
  // The second article's short body says the question's words more densely than the first's; the first's title is
  // what the question asks about.
  const entries = [
    article(
      1,
      "Khen thưởng",
      "1. Người lao động có thành tích thì được khen thưởng.\n2. Việc xét khen thưởng do cơ quan quản lý thực hiện.",
    ),
    article(
      2,
      "Mục đích của đánh giá người lao động",
      "Kết quả đánh giá là căn cứ để khen thưởng, kỷ luật người lao động.",
    ),
    ...OTHER_LABOUR_ARTICLES,
  ];
  const question = "Khen thưởng người lao động thế nào?";
  const first = (params: SearchParams) => new SearchIndex(entries, [], params).search(question, 5)[0]?.entry.title;

  it("puts the article whose whole title the question says above one whose body holds its words more densely", () => {
    expect(first(DEFAULT_SEARCH_PARAMS)).toBe("Khen thưởng");
    // Without title recall, BM25 alone prefers the short body.
    expect(first({ ...DEFAULT_SEARCH_PARAMS, titleRecallWeight: 0 })).toBe("Mục đích của đánh giá người lao động");
  });
});

describe("pairs around a connector", () => {
  // The second article is about safety and only happens to be built like the question ("… đối với người lao động
  // làm việc"); the first is about the allowance the question asks for.
  const entries = [
    article(
      1,
      "Trợ cấp thôi việc",
      "1. Người lao động làm việc thường xuyên từ đủ 12 tháng trở lên thì được trợ cấp thôi việc.\n" +
        "2. Mỗi năm làm việc được trợ cấp một nửa tháng tiền lương.",
    ),
    article(2, "Trách nhiệm của doanh nghiệp", "Bảo đảm an toàn đối với người lao động làm việc."),
    ...OTHER_LABOUR_ARTICLES,
  ];
  const first = (question: string, connectorPairWeight: number) => {
    const params = { ...DEFAULT_SEARCH_PARAMS, query: { ...DEFAULT_SEARCH_PARAMS.query, connectorPairWeight } };
    return new SearchIndex(entries, [], params).search(question, 5)[0]?.entry.title;
  };

  it("does not let a text built like the question ('đối với …') outrank the one about what it asks", () => {
    const weight = DEFAULT_SEARCH_PARAMS.query.connectorPairWeight;
    expect(first("Trợ cấp đối với người lao động làm việc?", weight)).toBe("Trợ cấp thôi việc");
    expect(first("tro cap doi voi nguoi lao dong lam viec", weight)).toBe("Trợ cấp thôi việc");
    // With the pairs around "với" at full weight, the short text that shares the construction wins.
    expect(first("Trợ cấp đối với người lao động làm việc?", 1)).toBe("Trách nhiệm của doanh nghiệp");
  });
});

describe("synonyms for words the statutes never use", () => {
  // "karaoke" is in no text: only its synonym says what the question is about. "hàng xóm" is in the texts (they
  // speak of neighbours), and its synonym only adds the law's words for them.
  const entries = [
    article(1, "Tiếng ồn", "Cá nhân không được gây tiếng ồn vượt quy chuẩn trong khu dân cư vào ban đêm."),
    article(
      2,
      "Bất động sản liền kề",
      "Chủ sở hữu bất động sản liền kề, hàng xóm của nhau, thỏa thuận về ranh giới và lối đi.",
    ),
    ...OTHER_LABOUR_ARTICLES,
  ];
  const synonyms = [
    { phrase: "hàng xóm", means: "bất động sản liền kề" },
    { phrase: "karaoke", means: "tiếng ồn khu dân cư" },
  ];
  const index = new SearchIndex(entries, synonyms);
  const weightOf = (question: string, term: string) => index.analyze(question).terms.find((t) => t.term === term);

  it("weighs the legal terms of an unread word like a typed word, those of a read phrase lighter", () => {
    expect(weightOf("Hát karaoke tới khuya", "tieng_on")?.weight).toBe(1);
    expect(weightOf("Hàng xóm ồn ào", "lien_ke")?.weight).toBe(DEFAULT_SEARCH_PARAMS.synonymWeight);
    expect(index.search("Hàng xóm hát karaoke tới khuya thì sao?", 5)[0]?.entry.title).toBe("Tiếng ồn");
    expect(index.search("hang xom hat karaoke toi khuya", 5)[0]?.entry.title).toBe("Tiếng ồn");
  });
});

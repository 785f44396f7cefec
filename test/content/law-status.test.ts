// The legal status of a statute on a day, its citation name, the notices citizens read and the re-check rule for
// content: pure functions, checked across the effective dates they turn on.
import { describe, expect, it } from "vitest";
import { citationFlags } from "../../src/content/citation-check";
import { lawNotice } from "../../src/content/law-notice";
import { lawRegistryOf } from "../../src/content/law-registry";
import {
  articleNumberOf,
  citationName,
  isIsoDate,
  type LawFacts,
  legalStatusOn,
  vietnamToday,
} from "../../src/content/law-status";

const recorded = new Date("2026-01-01T00:00:00Z");
const cyber2018: LawFacts = {
  id: 1,
  title: "Luật An ninh mạng",
  officialNumber: "24/2018/QH14",
  year: 2018,
  effectiveFrom: "2019-01-01",
  endsOn: "2026-07-01",
  endReason: "replaced",
  replacedBy: { documentId: null, number: "116/2025/QH15", name: "Luật An ninh mạng 2025" },
  amendments: [],
  confidence: "high",
};
const constitution: LawFacts = {
  id: 2,
  title: "Hiến pháp",
  officialNumber: null,
  year: 2013,
  effectiveFrom: "2014-01-01",
  endsOn: null,
  endReason: null,
  replacedBy: null,
  amendments: [
    {
      number: "203/2025/QH15",
      name: "Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp",
      documentId: null,
      effectiveFrom: "2025-06-16",
      articles: ["9", "10", "84", "110", "111"],
      articlesComplete: true,
      note: null,
      recordedAt: recorded,
    },
  ],
  confidence: "medium",
};
const residence: LawFacts = {
  id: 3,
  title: "Luật Cư trú",
  officialNumber: "68/2020/QH14",
  year: 2020,
  effectiveFrom: "2021-07-01",
  endsOn: null,
  endReason: null,
  replacedBy: null,
  amendments: [
    {
      number: "118/2025/QH15",
      name: "Luật sửa đổi, bổ sung một số điều của 10 luật có liên quan đến an ninh, trật tự",
      documentId: null,
      effectiveFrom: "2026-07-01",
      articles: [],
      articlesComplete: false,
      note: null,
      recordedAt: recorded,
    },
  ],
  confidence: "medium",
};

describe("legal status on a date", () => {
  it("a law replaced from 2026-07-01 is in force on 2026-06-30 and replaced on 2026-07-01", () => {
    expect(legalStatusOn(cyber2018, "2026-06-30")).toEqual({ status: "in_force", since: "2019-01-01" });
    expect(legalStatusOn(cyber2018, "2026-07-01")).toEqual({ status: "replaced", since: "2026-07-01" });
    expect(legalStatusOn(cyber2018, "2018-12-31").status).toBe("not_yet_in_force");
    expect(legalStatusOn({ ...cyber2018, endReason: null, replacedBy: null }, "2027-01-01").status).toBe("expired");
  });

  it("an amendment counts from the day it takes effect", () => {
    expect(legalStatusOn(residence, "2026-06-30").status).toBe("in_force");
    expect(legalStatusOn(residence, "2026-07-01")).toEqual({ status: "amended", since: "2026-07-01" });
    expect(legalStatusOn(constitution, "2025-06-16").status).toBe("amended");
  });

  it("reads dates and article numbers strictly", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("1/7/2026")).toBe(false);
    expect(articleNumberOf("Điều 84 (khoản 1)")).toBe("84");
    expect(articleNumberOf("12a")).toBe("12a");
    expect(articleNumberOf("… (partial list)")).toBeNull();
    // Vietnam is UTC+7: 17:30 UTC on 30/6 is already 1/7 there.
    expect(vietnamToday(new Date("2026-06-30T17:30:00Z"))).toBe("2026-07-01");
  });
});

describe("citations and notices", () => {
  it("names a statute with its year and number, without empty parentheses", () => {
    expect(citationName({ title: "Luật Hôn nhân và gia đình", year: 2014, officialNumber: "52/2014/QH13" })).toBe(
      "Luật Hôn nhân và gia đình 2014 (52/2014/QH13)",
    );
    expect(citationName(constitution)).toBe("Hiến pháp 2013");
    expect(citationName({ title: "Luật An ninh mạng 2025", year: 2025, officialNumber: null })).toBe(
      "Luật An ninh mạng 2025",
    );
  });

  it("a replaced statute's article opens with when and by what, only from the day it applies", () => {
    expect(lawNotice(cyber2018, "2026-07-01", "8")).toBe(
      "⚠️ Văn bản này đã hết hiệu lực từ 01/7/2026, được thay thế bởi Luật An ninh mạng 2025 (116/2025/QH15).",
    );
    expect(lawNotice(cyber2018, "2026-06-30", "8")).toBe(
      "ℹ️ Văn bản này sẽ hết hiệu lực từ 01/7/2026, được thay thế bởi Luật An ninh mạng 2025 (116/2025/QH15).",
    );
  });

  it("an amended article says by what and from when; an article the amendment left alone says nothing", () => {
    expect(lawNotice(constitution, "2026-11-22", "110")).toContain(
      "Điều này đã được sửa đổi, bổ sung bởi Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp " +
        "(203/2025/QH15) (từ 16/6/2025)",
    );
    expect(lawNotice(constitution, "2026-11-22", "16")).toBeNull();
    expect(lawNotice(constitution, "2025-06-15", "110")).toBeNull();
    // Changed articles unknown: any article may have changed, and the notice says it is not known.
    expect(lawNotice(residence, "2026-07-01", "27")).toContain("chưa xác định được điều này có bị sửa đổi");
    expect(lawNotice({ ...residence, amendments: [], confidence: "low" }, "2026-07-01", "27")).toBe(
      "Lưu ý: thông tin về hiệu lực của văn bản này chưa được kiểm chứng đầy đủ.",
    );
  });
});

describe("when content citing an article must be reviewed", () => {
  const laws = lawRegistryOf([cyber2018, constitution, residence]);
  const longAgo = new Date("2024-01-01T00:00:00Z");

  it("a replaced statute flags its citations from the replacement date, however recent the edit", () => {
    const cite = { document: "Luật An ninh mạng", article: "8" };
    expect(citationFlags(laws, cite, "2026-06-30", longAgo)).toEqual([]);
    expect(citationFlags(laws, cite, "2026-07-01", new Date("2026-07-01T12:00:00Z"))).toEqual([
      {
        document: "Luật An ninh mạng",
        article: "8",
        citation: "Luật An ninh mạng 2018 (24/2018/QH14)",
        change: "replaced",
        since: "2026-07-01",
        by: { number: "116/2025/QH15", name: "Luật An ninh mạng 2025", documentId: null },
        certainty: null,
      },
    ]);
  });

  it("an amendment flags content checked before it took effect or was recorded, for the articles it touched", () => {
    const article110 = { document: "Hiến pháp", article: "110" };
    expect(citationFlags(laws, article110, "2026-11-22", longAgo)).toMatchObject([
      { change: "amended", since: "2025-06-16", certainty: "changed" },
    ]);
    // Edited after the amendment was in effect and known: taken as written against it.
    expect(citationFlags(laws, article110, "2026-11-22", new Date("2026-02-01T00:00:00Z"))).toEqual([]);
    expect(citationFlags(laws, { document: "Hiến pháp", article: "16" }, "2026-11-22", longAgo)).toEqual([]);
    // Effective later than the edit: flagged once the day comes (the daily re-check's reason to exist).
    const residence27 = { document: "Luật Cư trú", article: "27" };
    const editedInMarch = new Date("2026-03-01T00:00:00Z");
    expect(citationFlags(laws, residence27, "2026-06-30", editedInMarch)).toEqual([]);
    expect(citationFlags(laws, residence27, "2026-07-01", editedInMarch)).toMatchObject([
      { change: "amended", certainty: "maybe", by: { number: "118/2025/QH15" } },
    ]);
  });

  it("says nothing about documents Loa does not hold", () => {
    expect(
      citationFlags(laws, { document: "Luật Phổ biến, giáo dục pháp luật", article: "8" }, "2026-11-22", longAgo),
    ).toEqual([]);
  });
});

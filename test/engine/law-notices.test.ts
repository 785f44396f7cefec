// What a citizen sees of law versions in the chat (the web channel here; the engine renders the same for Telegram and
// Zalo): citations with year and number, the notice on an article of a replaced statute with a button to the text
// that replaced it once that text is imported, the amended-article notice, and in-force statutes listed first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { legalDocuments } from "../../db/schema/index";
import { importLaws } from "../../src/content/import-laws";
import { lawFileSchema } from "../../src/content/law-file";
import { createTestApp, optionValue, say } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

describe(`law versions in the chat (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    app = createTestApp(handle.db);
  });
  afterAll(async () => handle?.close());

  it("an amended article of the Constitution says by what and from when; an untouched one does not", async () => {
    const amended = await say(app, "reader-1", "điều 110 hiến pháp");
    expect(
      amended[0]!.text.startsWith(
        "⚠️ Điều này đã được sửa đổi, bổ sung bởi Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp " +
          "(203/2025/QH15) (từ 16/6/2025)",
      ),
    ).toBe(true);
    expect(amended[0]!.text).toContain("\nHiến pháp 2013\nĐiều 110");
    const plain = await say(app, "reader-1", "điều 16 hiến pháp");
    expect(plain[0]!.text).toMatch(/^Hiến pháp 2013\nĐiều 16/);
  });

  it("importing a replacing statute puts a notice and a button to it on the old text, listed after it", async () => {
    const laws = lawFileSchema.parse([
      {
        id: "Luật Cư trú 2026",
        number: "990/2026/QH15",
        issuingBody: "Quốc hội",
        year: 2026,
        effectiveFrom: "2026-07-01",
        replaces: ["68/2020/QH14"],
        articles: [
          { id: "1", text: "Phạm vi điều chỉnh\nLuật này quy định về việc cư trú của công dân Việt Nam." },
          { id: "27", text: "Điều kiện đăng ký tạm trú\nCông dân đến sinh sống từ 30 ngày trở lên phải đăng ký." },
        ],
      },
    ]);
    const result = await importLaws(handle.db, laws, {
      source: "Thử nghiệm",
      topicFor: () => "cu-tru-an-ninh-trat-tu",
    });
    expect(result).toMatchObject({ documents: 1, linked: 1, warnings: [] });

    // By name, the text in force is opened.
    const byName = await say(app, "reader-2", "điều 27 luật cư trú");
    expect(byName[0]!.text).toMatch(/^Luật Cư trú 2026 \(990\/2026\/QH15\)\nĐiều 27\. /);

    const topics = await say(app, "reader-2", "topics");
    const documents = await say(app, "reader-2", optionValue(topics, "Cư trú, an ninh"));
    const labels = documents[0]!.options.map((o) => o.label);
    const current = labels.findIndex((l) => l.startsWith("Luật Cư trú 2026"));
    const old = labels.findIndex((l) => l.startsWith("Luật Cư trú 2020 (68/2020/QH14) – đã được thay thế"));
    expect(current).toBeGreaterThanOrEqual(0);
    expect(old).toBeGreaterThan(current);

    const oldArticles = await say(app, "reader-2", documents[0]!.options[old]!.value);
    expect(oldArticles[0]!.text).toMatch(
      /^⚠️ Văn bản này đã hết hiệu lực từ 01\/7\/2026, được thay thế bởi Luật Cư trú 2026 \(990\/2026\/QH15\)\./,
    );
    // "điều 27" typed while reading the old statute opens its article 27, not the new one's.
    const article = await say(app, "reader-2", "điều 27");
    expect(
      article[0]!.text.startsWith(
        "⚠️ Văn bản này đã hết hiệu lực từ 01/7/2026, được thay thế bởi Luật Cư trú 2026 (990/2026/QH15).\n\n" +
          "Luật Cư trú 2020 (68/2020/QH14)\nĐiều 27.",
      ),
    ).toBe(true);
    const replacement = await say(app, "reader-2", optionValue(article, "📘 Đọc văn bản thay thế: Luật Cư trú 2026"));
    expect(replacement[0]!.text).toMatch(/^Luật Cư trú 2026 \(990\/2026\/QH15\) \(2 điều\)/);

    // The lesson citing the old text says so in its legal basis.
    const lessons = await say(app, "reader-2", "lessons");
    const lesson = await say(app, "reader-2", optionValue(lessons, "Đăng ký thường trú"));
    expect(lesson[0]!.text).toContain("• Điều 27 Luật Cư trú 2020 (68/2020/QH14) (đã được thay thế)");
  });

  it("a question only an out-of-force text answers says so", async () => {
    // Every statute held ends (expired) before today: nothing in force matches.
    await handle.db.update(legalDocuments).set({ endsOn: "2026-01-01", endReason: "expired" });
    const answer = await say(app, "reader-3", "chỗ ở hợp pháp thuộc quyền sở hữu đăng ký thường trú chủ hộ đồng ý");
    const text = answer.map((r) => r.text).join("\n");
    expect(text).toContain("Các quy định tìm thấy dưới đây thuộc văn bản đã hết hiệu lực");
    expect(text).toContain("(văn bản đã hết hiệu lực)");
  });
});

// Done-when of the foundation: the web chat reaches every article of every seeded statute.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { createTestApp, optionValue, say, type WebReply } from "../../support/test-app";
import { createTestDb, testDriver } from "../../support/test-db";

describe(`browsing every seeded statute in the web chat (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "full" });
    app = createTestApp(handle.db);
  });
  afterAll(async () => handle?.close());

  it("reaches the first, a middle and the last article of all 17 statutes through the menus", async () => {
    const user = "reader";
    const topics = await say(app, user, "topics");
    const topicValues = topics[0]!.options.filter((o) => o.value.startsWith("topic:")).map((o) => o.value);
    const seen = new Set<string>();
    for (const topicValue of topicValues) {
      const documents = await say(app, user, topicValue);
      const documentOptions = documents[0]!.options.filter((o) => o.value.startsWith("doc:"));
      for (const document of documentOptions) {
        const list = await say(app, user, document.value);
        // A statute not simply in force opens with its notice (law versions); the heading line follows it.
        const heading = list[0]!.text.split("\n").find((l) => /\(\d+ điều\)/.test(l))!;
        const total = Number(/\((\d+) điều\)/.exec(heading)![1]);
        const pages = Math.ceil(total / 10);
        const title = heading.replace(/ \(\d+ điều\).*$/, "");
        const titleOf = (text: string) =>
          text.split("\n").find((l) => l !== "" && !/^(⚠️|ℹ️|Lưu ý:)/.test(l) && !/^(Điều này|Văn bản này)/.test(l));
        const first = await say(app, user, list[0]!.options.find((o) => o.value.startsWith("art:"))!.value);
        expect(titleOf(first[0]!.text)).toBe(title);
        expect(first[0]!.text).toMatch(/\nĐiều 1(\.|\n)/);

        const middlePage = await say(app, user, `${document.value}:p${Math.ceil(pages / 2)}`);
        const middle = await say(app, user, middlePage[0]!.options.find((o) => o.value.startsWith("art:"))!.value);
        expect(titleOf(middle[0]!.text)).toBe(title);
        expect(middle[0]!.text.split("\n").slice(3).join("\n").length).toBeGreaterThan(0);

        // Jump straight to the last page, as a person would with "Trang sau" repeated; then open its last article.
        const lastPage = await say(app, user, `${document.value}:p${pages}`);
        const lastArticles = lastPage[0]!.options.filter((o) => o.value.startsWith("art:"));
        expect(lastArticles).toHaveLength(total - (pages - 1) * 10);
        const last = await say(app, user, lastArticles.at(-1)!.value);
        expect(last[0]!.text).toMatch(/\nĐiều \d+/);
        expect(last[0]!.options.some((o) => o.label.endsWith("▶"))).toBe(false);

        // And walk back one article from the last with the "previous" button.
        const previous = await say(app, user, optionValue(last, /^◀ Điều/));
        expect(previous[0]!.text.split("\n")[0]).toBe(last[0]!.text.split("\n")[0]);
        seen.add(title);
      }
    }
    expect(seen.size).toBe(17);
  });

  it("walks a whole short statute article by article with the next button", async () => {
    const topics = await say(app, "walker", "topics");
    const youthTopic = optionValue(topics, "Giáo dục, văn hóa");
    const documents = await say(app, "walker", youthTopic);
    const list = await say(app, "walker", optionValue(documents, "Luật Thanh niên"));
    let current: WebReply[] = await say(app, "walker", list[0]!.options[0]!.value);
    const numbers: string[] = [/\nĐiều (\d+)/.exec(current[0]!.text)![1]!];
    for (;;) {
      const next = current[0]!.options.find((o) => o.label.endsWith("▶"));
      if (!next) break;
      current = await say(app, "walker", next.value);
      numbers.push(/\nĐiều (\d+)/.exec(current[0]!.text)![1]!);
    }
    expect(numbers).toEqual(Array.from({ length: 41 }, (_, i) => String(i + 1)));
  });
});

// Zalo personal messages: a numbered list for options (no buttons from a personal account), long text split.
import { describe, expect, it } from "vitest";
import { NUMBERED_LIST_HINT } from "../../../bots/numbered-list";
import { renderZaloPersonal, splitMessage, ZALO_PERSONAL_TEXT_LIMIT } from "../../../bots/zalo-personal/render";
import { zaloPersonalPacing } from "../../../bots/zalo-personal/zalo-personal-gateway";
import { createPacer } from "../../../src/conversations/delivery";

describe("Zalo personal rendering", () => {
  it("shows options as a numbered list with the hint, one message per reply", () => {
    const parts = renderZaloPersonal([
      { text: "Chào bạn!" },
      {
        text: "Bạn muốn làm gì?",
        options: [
          { label: "📚 Tra cứu", value: "topics" },
          { label: "📝 Khảo sát", value: "survey" },
        ],
      },
    ]);
    expect(parts).toEqual([
      { text: "Chào bạn!" },
      { text: `Bạn muốn làm gì?\n\n1. 📚 Tra cứu\n2. 📝 Khảo sát\n\n${NUMBERED_LIST_HINT}` },
    ]);
    expect(renderZaloPersonal([{ text: "  " }])).toEqual([{ text: "…" }]);
  });

  it("splits long text at paragraphs, under the limit, losing nothing but the break", () => {
    const paragraph = "Điều 8. Điều kiện kết hôn. ".repeat(40).trim();
    const text = Array.from({ length: 6 }, () => paragraph).join("\n\n");
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((p) => p.length <= ZALO_PERSONAL_TEXT_LIMIT)).toBe(true);
    expect(parts.join("\n\n")).toBe(text);
    // One endless word is cut between characters, never inside one.
    const word = "🇻🇳".repeat(1500);
    expect(splitMessage(word).join("")).toBe(word);
    expect(splitMessage(word).every((p) => p.length <= ZALO_PERSONAL_TEXT_LIMIT && p.length % 4 === 0)).toBe(true);
  });

  it("paces like a person by default: 20 a minute, never a burst", async () => {
    expect(zaloPersonalPacing(20)).toEqual({ perSecond: 1 / 3, perChatPerSecond: 1 / 3, perChatBurst: 1 });
    let clock = 1_000_000;
    const waits: number[] = [];
    const pacer = createPacer(
      zaloPersonalPacing(20),
      () => clock,
      async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    );
    for (const chat of ["a", "b", "c", "a"]) await pacer.wait(chat);
    // Even after a long quiet spell no two messages leave less than 3 s apart.
    expect(waits.map((ms) => Math.round(ms))).toEqual([2000, 3000, 3000, 3000]);
  });
});

// Options as a numbered list, for channels without buttons: the number typed back is the option's position.
import { describe, expect, it } from "vitest";
import { NUMBERED_LIST_HINT, numberedList } from "../../bots/numbered-list";

describe("numberedList", () => {
  it("puts the options under the text as 1., 2., … with a hint on how to pick", () => {
    const text = numberedList({
      text: "Bạn muốn làm gì?",
      options: [
        { label: "Tra cứu pháp luật", value: "search" },
        { label: "Tham gia khảo sát", value: "survey" },
      ],
    });
    expect(text).toBe(`Bạn muốn làm gì?\n\n1. Tra cứu pháp luật\n2. Tham gia khảo sát\n\n${NUMBERED_LIST_HINT}`);
  });

  it("leaves a reply without options as its text", () => {
    expect(numberedList({ text: "Cảm ơn bạn." })).toBe("Cảm ơn bạn.");
    expect(numberedList({ text: "Cảm ơn bạn.", options: [] })).toBe("Cảm ơn bạn.");
  });

  it("numbers up to the twentieth option (what the engine accepts as a bare number)", () => {
    const options = Array.from({ length: 20 }, (_, i) => ({ label: `Mục ${i + 1}`, value: `v${i}` }));
    const lines = numberedList({ text: "", options }).split("\n");
    expect(lines[0]).toBe("1. Mục 1");
    expect(lines).toContain("20. Mục 20");
  });
});

// Replies as OA messages: one message where possible (Zalo counts each against the OA's quota), buttons when the
// options fit in five, a numbered list when they do not, long text split under 2,000 characters.
import { describe, expect, it } from "vitest";
import { consultationMessage, renderZaloOa, ZALO_OA_TEXT_LIMIT } from "../../../bots/zalo-oa/render";

const option = (n: number) => ({ label: `Lựa chọn số ${n}`, value: `v${n}` });

describe("renderZaloOa", () => {
  it("puts up to five options as hidden query buttons under the text", () => {
    const [part] = renderZaloOa([{ text: "Chọn:", options: [1, 2, 3, 4, 5].map(option) }]);
    expect(part!.text).toBe("Chọn:");
    expect(part!.buttons).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ type: "oa.query.hide", title: `Lựa chọn số ${n}`, payload: `v${n}` })),
    );
    expect(consultationMessage("42", part!)).toEqual({
      recipient: { user_id: "42" },
      message: { text: "Chọn:", attachment: { type: "template", payload: { buttons: part!.buttons } } },
    });
  });

  it("turns six or more options into a numbered list in the same message", () => {
    const parts = renderZaloOa([{ text: "Chọn:", options: [1, 2, 3, 4, 5, 6].map(option) }]);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.buttons).toBeUndefined();
    expect(parts[0]!.text).toContain("6. Lựa chọn số 6");
    expect(parts[0]!.text).toContain("Trả lời bằng số thứ tự");
    expect(consultationMessage("42", parts[0]!)).toEqual({
      recipient: { user_id: "42" },
      message: { text: parts[0]!.text },
    });
  });

  it("splits a long article at paragraphs, keeps buttons on the last part, and shortens long labels", () => {
    const paragraph = "Khoản về quyền và nghĩa vụ của công dân. ".repeat(20);
    const long = Array.from({ length: 8 }, () => paragraph).join("\n\n");
    const parts = renderZaloOa([{ text: long, options: [{ label: "Đọc tiếp ".repeat(20), value: "next" }] }]);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(ZALO_OA_TEXT_LIMIT);
    expect(parts.slice(0, -1).every((p) => p.buttons === undefined)).toBe(true);
    const title = parts.at(-1)!.buttons![0]!.title;
    expect(title.length).toBeLessThanOrEqual(100);
    expect(title.endsWith("…")).toBe(true);
  });
});

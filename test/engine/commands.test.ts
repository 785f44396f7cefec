import { describe, expect, it } from "vitest";
import { commandValues, parseCommand } from "../../src/engine/commands";

describe("parseCommand", () => {
  it("reads every option value the engine hands out", () => {
    expect(parseCommand(commandValues.topic(3))).toEqual({ kind: "topic", topicId: 3, page: 1 });
    expect(parseCommand(commandValues.topic(3, 2))).toEqual({ kind: "topic", topicId: 3, page: 2 });
    expect(parseCommand(commandValues.document(7, 4))).toEqual({ kind: "document", documentId: 7, page: 4 });
    expect(parseCommand(commandValues.article(1197))).toEqual({ kind: "article", articleId: 1197 });
    expect(parseCommand(commandValues.lessons(2))).toEqual({ kind: "lessons", page: 2 });
    expect(parseCommand(commandValues.lessons())).toEqual({ kind: "lessons", page: 1 });
    expect(parseCommand(commandValues.lesson(5))).toEqual({ kind: "lesson", lessonId: 5 });
    expect(parseCommand(commandValues.searchPrompt)).toEqual({ kind: "search_prompt" });
    expect(parseCommand(commandValues.searchPage(3))).toEqual({ kind: "search_page", page: 3 });
  });

  it('understands "huỷ", "hủy", "huy", "/start" and "menu" as the main menu', () => {
    for (const text of ["huỷ", "hủy", "Huy", "HỦY", "/start", "menu", " Menu chính ", "thoát"]) {
      expect(parseCommand(text), text).toEqual({ kind: "menu" });
    }
  });

  it("understands help in several spellings", () => {
    for (const text of ["giúp", "giup", "Trợ giúp", "hướng dẫn", "/help"])
      expect(parseCommand(text)).toEqual({ kind: "help" });
  });

  it("treats anything else as free text", () => {
    for (const text of [
      "ly hon",
      "art:",
      "art:0",
      "doc:abc",
      "topic:1:p0",
      "art:99999999999",
      "lesson:1:p2",
      "menu please",
    ]) {
      expect(parseCommand(text), text).toBeNull();
    }
  });
});

// Withdrawing consent and erasing one's data, from anywhere in the conversation and on every channel: the words
// that ask for it, the choice between deleting everything and keeping answers anonymous, and the effects that
// src/privacy applies in the turn's transaction.
import { foldText } from "../text/vietnamese";
import type { SurveyRendered } from "./survey-context";
import { surveyMessages as m } from "./survey-messages";
import { surveyValues } from "./survey-values";

export type EraseCommand = "withdraw" | "delete";

export function parseEraseCommand(text: string): EraseCommand | null {
  const folded = foldText(text)
    .replace(/^\//, "")
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (["rut dong y", "rut lai dong y", "huy dong y"].includes(folded)) return "withdraw";
  if (["xoa du lieu", "xoadulieu", "xoa toan bo du lieu", "xoa du lieu cua toi"].includes(folded)) return "delete";
  return null;
}

export function eraseCommand(command: EraseCommand): SurveyRendered {
  if (command === "delete") {
    return {
      replies: [{ text: m.erase.deleted }],
      screen: { kind: "menu" },
      effects: [{ type: "withdraw_consent" }, { type: "erase_contact", mode: "delete" }],
    };
  }
  return {
    replies: [
      {
        text: m.erase.withdrawn,
        options: [
          { label: m.erase.deleteAll, value: surveyValues.eraseDelete },
          { label: m.erase.keepAnonymous, value: surveyValues.eraseKeep },
        ],
      },
    ],
    screen: { kind: "erase_choice" },
    effects: [{ type: "withdraw_consent" }],
  };
}

export function answerEraseChoice(text: string): SurveyRendered | null {
  if (text === surveyValues.eraseDelete) return { ...eraseCommand("delete") };
  if (text === surveyValues.eraseKeep) {
    return {
      replies: [{ text: m.erase.deidentified }],
      screen: { kind: "menu" },
      effects: [{ type: "erase_contact", mode: "deidentify" }],
    };
  }
  return null;
}

export function eraseChoiceReprompt(): SurveyRendered {
  const shown = eraseCommand("withdraw");
  return { ...shown, replies: [{ text: m.erase.choose, options: shown.replies[0]!.options }], effects: [] };
}

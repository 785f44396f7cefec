// The main menu and the screens that fall back to it.
import { commandValues } from "./commands";
import { messages } from "./messages";
import type { Rendered } from "./rendered";
import type { ReplyOption } from "./replies";
import { subscriptionMessages } from "./subscription-messages";
import { subscriptionValues } from "./subscription-values";
import { surveyMessages } from "./survey-messages";

export const homeOption: ReplyOption = { label: messages.home, value: commandValues.menu };

export function menuOptions(): ReplyOption[] {
  return [
    { label: messages.menu.browse, value: commandValues.topics },
    { label: messages.menu.lessons, value: commandValues.lessons() },
    { label: messages.menu.search, value: commandValues.searchPrompt },
    { label: surveyMessages.menuEntry, value: commandValues.surveys },
    { label: subscriptionMessages.menuEntry, value: subscriptionValues.start },
    { label: messages.menu.help, value: commandValues.help },
  ];
}

export function renderMenu(preface: string[]): Rendered {
  return {
    replies: [...preface.map((text) => ({ text })), { text: messages.menuPrompt, options: menuOptions() }],
    screen: { kind: "menu" },
  };
}

export function notFound(): Rendered {
  return { replies: [{ text: messages.notFound, options: menuOptions() }], screen: { kind: "menu" } };
}

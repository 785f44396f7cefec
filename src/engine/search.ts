// Search from free text: one page of hits as buttons (channels without buttons show them as a numbered list), so
// the results are shown once, and paging through the same query.
import { commandValues } from "./commands";
import { searchQuery } from "./input-budget";
import { homeOption } from "./menu";
import { messages } from "./messages";
import { optionLabel } from "./option-label";
import { PAGE_SIZE, pageNote, pagingOptions } from "./paging";
import type { EngineDeps } from "./ports";
import type { Rendered } from "./rendered";

// A hit is only shown as its button, so the button names the article and its statute in full where it can.
const SEARCH_LABEL = 120;

export async function search(rawQuery: string, requestedPage: number, deps: EngineDeps): Promise<Rendered> {
  const query = searchQuery(rawQuery);
  const browse = { label: messages.menu.browse, value: commandValues.topics };
  if (query === null) {
    return {
      replies: [{ text: messages.searchTooLong, options: [browse, homeOption] }],
      screen: { kind: "search_prompt" },
    };
  }
  const page = await deps.content.search(query, requestedPage, PAGE_SIZE);
  if (page.total === 0) {
    const tooShort = !/[\p{L}\p{N}]{2,}/u.test(query);
    return {
      replies: [
        {
          text: tooShort ? messages.searchTooShort : messages.searchNoResults(query),
          options: [browse, homeOption],
        },
      ],
      screen: { kind: "search_prompt" },
    };
  }
  return {
    replies: [
      {
        text: messages.searchResults(query, page.total, pageNote(page)),
        options: [
          ...page.items.map((hit) => ({
            label: optionLabel(hit.context ? `${hit.title} – ${hit.context}` : hit.title, SEARCH_LABEL),
            value: hit.kind === "article" ? commandValues.article(hit.id) : commandValues.lesson(hit.id),
          })),
          ...pagingOptions(page, (p) => commandValues.searchPage(p)),
          { label: messages.searchAgain, value: commandValues.searchPrompt },
          homeOption,
        ],
      },
    ],
    screen: { kind: "search_results", query, page: page.page },
  };
}

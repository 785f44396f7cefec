// Paginated lists: the page size, the "(trang k/n)" note and the previous/next buttons, the same on every list.
import { messages } from "./messages";
import type { Page } from "./ports";
import type { ReplyOption } from "./replies";

export const PAGE_SIZE = 10;

/** Previous/next page buttons around a paginated list. */
export function pagingOptions(page: Page<unknown>, valueFor: (page: number) => string): ReplyOption[] {
  const options: ReplyOption[] = [];
  if (page.page > 1) options.push({ label: messages.previousPage, value: valueFor(page.page - 1) });
  if (page.page < page.pageCount) options.push({ label: messages.nextPage, value: valueFor(page.page + 1) });
  return options;
}

/** " (trang 2/14)" when there is more than one page, else "": goes before the colon of a list's title. */
export function pageNote(page: Page<unknown>): string {
  return page.pageCount > 1 ? ` ${messages.pageOf(page.page, page.pageCount)}` : "";
}

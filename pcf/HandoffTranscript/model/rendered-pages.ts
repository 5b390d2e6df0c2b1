import type { IPage } from "@fluentui/react";

/** What the list's opening scroll needs of a page Fluent's List reports (`onPagesUpdated`). */
export type ListPage = Pick<IPage<unknown>, "startIndex" | "itemCount" | "isSpacer">;

/**
 * Whether the list has rendered the last of its `count` messages. Fluent's List stands one spacer page in for each
 * run of messages it has not rendered, with their count, so a spacer reaching the end does not count.
 */
export function rendersLastMessage(pages: readonly ListPage[], count: number): boolean {
  return pages.some((page) => !page.isSpacer && page.startIndex + page.itemCount >= count);
}

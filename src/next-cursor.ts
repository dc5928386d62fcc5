/** The cursor of the next page, from `links.next`. */

/**
 * `links.next` is a bare cursor here, but sibling Atlassian APIs put a full URL there: take its `cursor` parameter
 * then. Absent, null or "" means the last page.
 */
export function nextCursor(links: { next?: string | null } | undefined): string | undefined {
  return cursorIn(links?.next);
}

/**
 * Says so when following `next` would go back to a cursor the walk has followed (`seen`), to the one this page was
 * fetched with, or to the page's own (`links.self`): the walk would loop. Undefined when it would not.
 */
export function cursorLoop(
  next: string | undefined,
  cursor: string | undefined,
  self: string | null | undefined,
  seen: ReadonlySet<string>,
): string | undefined {
  if (next === undefined || (next !== cursor && next !== cursorIn(self) && !seen.has(next))) return undefined;
  return `the API repeated the page cursor "${next}", so the walk stopped instead of looping`;
}

/** The cursor a link holds: the link itself, or the `cursor` parameter of a link that is a full URL. */
export function cursorIn(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  if (!/^https?:\/\//i.test(link)) return link;
  return new URL(link).searchParams.get("cursor") ?? undefined;
}

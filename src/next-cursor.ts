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

/**
 * The cursor a link holds: the link itself, or the `cursor` parameter of a link that is a full URL. An empty one
 * (`?cursor=`) is no cursor, as an empty link is.
 */
export function cursorIn(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  if (!isFullUrl(link)) return link;
  return parseUrl(link)?.searchParams.get("cursor") || undefined;
}

/**
 * What is wrong with a page's `links.next`, or undefined: not a string, or a full URL that does not parse or holds
 * no `cursor` (the walk would end there and silently drop the rest).
 */
export function nextLinkProblem(link: unknown): string | undefined {
  if (link === undefined || link === null) return undefined;
  if (typeof link !== "string") return `the page's links.next is not a string (${typeof link})`;
  if (!isFullUrl(link)) return undefined;
  const url = parseUrl(link);
  if (!url) return "the page's links.next is not a valid URL";
  return url.searchParams.has("cursor") ? undefined : "the page's links.next is a URL without a cursor";
}

const isFullUrl = (link: string) => /^https?:\/\//i.test(link);

/** The URL, or undefined when it does not parse (`URL.canParse` is missing from older browsers). */
function parseUrl(link: string): URL | undefined {
  try {
    return new URL(link);
  } catch {
    return undefined;
  }
}

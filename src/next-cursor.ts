/** The cursor of the next page, from `links.next`. */

/**
 * `links.next` is a bare cursor here, but sibling Atlassian APIs put a full URL there: take its `cursor` parameter
 * then. Absent, null or "" means the last page.
 */
export function nextCursor(links: { next?: string | null } | undefined): string | undefined {
  return cursorIn(links?.next);
}

/** The cursor a link holds: the link itself, or the `cursor` parameter of a link that is a full URL. */
export function cursorIn(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  if (!/^https?:\/\//i.test(link)) return link;
  return new URL(link).searchParams.get("cursor") ?? undefined;
}

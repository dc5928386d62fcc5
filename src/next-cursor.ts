/** The cursor of the next page, from `links.next`. */

/**
 * `links.next` is a bare cursor here, but sibling Atlassian APIs put a full URL there: take its `cursor` parameter
 * then. Absent, null or "" means the last page.
 */
export function nextCursor(links: { next?: string | null } | undefined): string | undefined {
  const next = links?.next;
  if (!next) return undefined;
  if (!/^https?:\/\//i.test(next)) return next;
  return new URL(next).searchParams.get("cursor") ?? undefined;
}

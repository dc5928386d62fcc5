import { type AdminApiClient, type ApiToken, type ApiTokenListQuery, InvalidResponseError } from "../index.js";
import type { Progress } from "./progress.js";

/** How far to follow the pages. */
export interface PageWalkOptions {
  /** Stop after this many tokens (`Number.POSITIVE_INFINITY` for every page). */
  limit: number;
  signal: AbortSignal;
  progress: Progress;
}

/**
 * The token list page by page, each page cut to what is left of `limit`, so a caller can write or classify a page
 * and drop it: memory stays one page (plus the one in flight) whatever the org's size. The next page is requested
 * while the caller handles this one, but only when it will be needed: `--limit 5` sends one request, not two (the
 * SDK's `pages()` always prefetches). Refuses a repeated cursor, as the SDK does, instead of looping.
 */
export async function* tokenPages(
  client: AdminApiClient,
  orgId: string,
  query: ApiTokenListQuery,
  { limit, signal, progress }: PageWalkOptions,
): AsyncGenerator<ApiToken[], void, undefined> {
  // Aborted when the walk ends early (a break, an error), so a prefetch in flight does not outlive it.
  const walk = new AbortController();
  const fetchPage = (startCursor: string | undefined) => {
    const pending = Promise.resolve(
      client.apiTokens.list(orgId, query, { signal: AbortSignal.any([signal, walk.signal]), startCursor }),
    );
    pending.catch(() => {});
    return pending;
  };
  const seen = new Set<string>(query.cursor === undefined ? [] : [query.cursor]);
  let taken = 0;
  let pending = fetchPage(undefined);
  try {
    for (;;) {
      const page = await pending;
      progress.page(page.data.length);
      const data = page.data.length > limit - taken ? page.data.slice(0, limit - taken) : page.data;
      taken += data.length;
      const next = taken < limit ? page.nextCursor : undefined;
      if (next !== undefined) {
        if (seen.has(next)) {
          throw new InvalidResponseError(`The API repeated the page cursor "${next}": stopped instead of looping.`);
        }
        seen.add(next);
        pending = fetchPage(next);
      }
      yield data;
      if (next === undefined) return;
    }
  } finally {
    walk.abort();
    progress.done();
  }
}

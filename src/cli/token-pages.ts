import type { AdminApiClient, ApiToken, ApiTokenListQuery } from "../index.js";
import type { Progress } from "./progress.js";

/** How far to follow the pages. */
export interface PageWalkOptions {
  /** Stop after this many tokens (`Number.POSITIVE_INFINITY` for every page). */
  limit: number;
  signal: AbortSignal;
  progress: Progress;
}

/** One page of a walk: its tokens (cut to what is left of the limit), and the cursor of the page after it. */
export interface TokenPage {
  tokens: ApiToken[];
  nextCursor: string | undefined;
}

/**
 * The token list page by page, each page cut to what is left of `limit`, so a caller can write or classify a page
 * and drop it: memory stays one page (plus the one in flight) whatever the org's size. The SDK's walk prefetches the
 * next page only when it will be needed (`--limit 5` sends one request), aborts it on an early exit, and refuses a
 * repeated cursor.
 */
export async function* tokenPages(
  client: AdminApiClient,
  orgId: string,
  query: ApiTokenListQuery,
  { limit, signal, progress }: PageWalkOptions,
): AsyncGenerator<TokenPage, void, undefined> {
  const pages = client.apiTokens.list(orgId, query, { signal }).pages(Number.isFinite(limit) ? { limit } : {});
  let taken = 0;
  try {
    for await (const page of pages) {
      progress.page(page.data.length);
      const data = page.data.length > limit - taken ? page.data.slice(0, limit - taken) : page.data;
      taken += data.length;
      yield { tokens: data, nextCursor: page.nextCursor };
    }
  } finally {
    progress.done();
  }
}

import type { AdminApiClient, ApiToken, ApiTokenListQuery } from "../index.js";
import type { Progress } from "./progress.js";

/** How far to follow the pages. */
export interface CollectOptions {
  /** Stop after this many tokens. */
  limit: number;
  signal: AbortSignal;
  progress: Progress;
}

/** Follows every page of the token list (up to `limit` tokens), reporting each page to `progress`. */
export async function collectTokens(
  client: AdminApiClient,
  orgId: string,
  query: ApiTokenListQuery,
  { limit, signal, progress }: CollectOptions,
): Promise<ApiToken[]> {
  const tokens: ApiToken[] = [];
  try {
    for await (const page of client.apiTokens.list(orgId, query, { signal }).pages()) {
      progress.page(page.data.length);
      tokens.push(...page.data.slice(0, limit - tokens.length));
      if (tokens.length >= limit) break;
    }
  } finally {
    progress.done();
  }
  return tokens;
}

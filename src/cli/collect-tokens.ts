import type { AdminApiClient, ApiToken, ApiTokenListQuery } from "../index.js";
import { type PageWalkOptions, tokenPages } from "./token-pages.js";

/**
 * Every token up to `limit`, in one array: only for output that needs them all at once (the aligned table). Other
 * output streams with `tokenPages`.
 */
export async function collectTokens(
  client: AdminApiClient,
  orgId: string,
  query: ApiTokenListQuery,
  options: PageWalkOptions,
): Promise<ApiToken[]> {
  const tokens: ApiToken[] = [];
  for await (const page of tokenPages(client, orgId, query, options)) {
    for (const token of page.tokens) tokens.push(token);
  }
  return tokens;
}

import type { ApiToken, ApiTokenListQuery } from "../types.js";
import { queryFingerprint } from "./cursor.js";
import { sortTokens, tokenFilter } from "./filter-semantics.js";
import type { SandboxState } from "./sandbox-state.js";

/** The filtered, sorted user tokens of a list query; the same array for every page of that query. */
export interface ListCache {
  matching(query: ApiTokenListQuery): readonly ApiToken[];
  /** Forgets every list: the tokens changed (a revocation). */
  clear(): void;
}

/**
 * Filters and sorts the org once per query (filters and sort; not the cursor or pageSize), so a walk of N tokens
 * costs O(N log N) once and O(pageSize) a page after that, instead of a full filter and sort per page. Keeps the
 * `size` queries used last. A list is also dropped whenever `state.userTokens` is replaced, so a revocation the
 * handlers forgot to report cannot serve stale pages.
 */
export function createListCache(state: SandboxState, size = 16): ListCache {
  const lists = new Map<string, ApiToken[]>();
  let source = state.userTokens;
  return {
    matching(query) {
      if (source !== state.userTokens) {
        lists.clear();
        source = state.userTokens;
      }
      const key = queryFingerprint({ ...query, cursor: undefined, pageSize: undefined });
      let list = lists.get(key);
      // Re-inserted on every use, so the Map's first key is the one used longest ago.
      if (list) lists.delete(key);
      // An invalid filter or sort throws here and is never cached, so a hit is always a valid query.
      list ??= sortTokens(state.userTokens.filter(tokenFilter(query, state.now)), query.sort);
      lists.set(key, list);
      if (lists.size > size) lists.delete(lists.keys().next().value as string);
      return list;
    },
    clear() {
      lists.clear();
    },
  };
}

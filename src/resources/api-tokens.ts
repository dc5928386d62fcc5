/** The org's user API tokens: list (paginated), count, revoke all. */
import type { CallContext } from "../call.js";
import { call } from "../call.js";
import { eitherSignal } from "../either-signal.js";
import { isCount } from "../is-count.js";
import { cursorLoop, nextCursor, nextLinkProblem } from "../next-cursor.js";
import { type Page, PagedList } from "../paged-list.js";
import { assertPathParam } from "../path.js";
import { jsonExcerpt } from "../shown-value.js";
import { tokensProblem } from "../token-shape.js";
import type { ApiToken, ApiTokenCountQuery, ApiTokenListQuery, ApiTokenSearchResponse } from "../types.js";
import { checkedQuery, sendable } from "../validate-query.js";
import { type CheckedRequestOptions, checkedRequestOptions } from "../validate-request-options.js";

/**
 * The page size of every list request that does not set one: the largest known to work against the real API
 * (public audit scripts use 1000), so a walk needs the fewest requests.
 */
export const DEFAULT_PAGE_SIZE = 1000;

/** Per-call options of every method. */
export interface RequestOptions {
  /** Cancels the call, including any wait between retries; the call rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/** Options of `apiTokens.list`. */
export interface ListOptions extends RequestOptions {
  /** Start the walk at this cursor: the `resumeCursor` of an error thrown by an earlier walk. */
  startCursor?: string | undefined;
}

export function apiTokens(ctx: CallContext) {
  return {
    /**
     * Lists the org's user API tokens. Await it for one page, or iterate it for every token. Scope: read:tokens:admin.
     * Bad input rejects when the list is awaited or iterated, as the other methods reject, and sends nothing.
     */
    list(orgId: string, query: ApiTokenListQuery = {}, options: ListOptions = {}): PagedList<ApiToken> {
      let checked: ApiTokenListQuery;
      let given: CheckedRequestOptions;
      try {
        assertPathParam("orgId", orgId);
        checked = checkedQuery(query, "ApiTokenListQuery");
        given = checkedRequestOptions(options, true);
      } catch (error) {
        return new PagedList<ApiToken>(() => Promise.reject(error), undefined);
      }
      const { cursor: firstCursor, ...filters } = checked;
      // An explicit `pageSize: undefined` means "not set", as for every other parameter: the default applies.
      const sent = { ...filters, pageSize: filters.pageSize ?? DEFAULT_PAGE_SIZE };
      // The caller's signal and a walk's, combined once per walk: a signal made for each page would open deadline
      // windows of its own, each holding its timer until the timeout.
      const combined = new WeakMap<AbortSignal, AbortSignal>();
      const caller = given.signal;
      const signalOf = (walk: AbortSignal | undefined): AbortSignal | undefined => {
        if (!walk || !caller) return walk ?? caller;
        const known = combined.get(walk);
        if (known) return known;
        const signal = eitherSignal(caller, walk);
        combined.set(walk, signal);
        return signal;
      };
      const fetchPage = async (
        cursor: string | undefined,
        walk?: AbortSignal,
        seen?: ReadonlySet<string>,
      ): Promise<Page<ApiToken>> => {
        const signal = signalOf(walk);
        const body = await call<ApiTokenSearchResponse>(
          ctx,
          "getAllApiTokensByOrgId",
          signal,
          (init) =>
            ctx.raw.GET("/orgs/{orgId}/api-tokens", {
              params: {
                path: { orgId },
                query: sendable<"getAllApiTokensByOrgId">(cursor === undefined ? sent : { ...sent, cursor }),
              },
              ...init,
            }),
          (data) => {
            const links = (data as Partial<ApiTokenSearchResponse> | null)?.links;
            return checkPage(data) ?? (seen && cursorLoop(nextCursor(links), cursor, links?.self, seen));
          },
        );
        return { data: body.data, nextCursor: nextCursor(body.links), links: body.links };
      };
      return new PagedList(fetchPage, given.startCursor ?? firstCursor);
    },

    /** Counts the org's user API tokens that match the filters. Scope: read:tokens:admin. */
    async count(orgId: string, query: ApiTokenCountQuery = {}, options: RequestOptions = {}): Promise<number> {
      assertPathParam("orgId", orgId);
      const checked = checkedQuery(query, "ApiTokenCountQuery");
      const { signal } = checkedRequestOptions(options);
      return call<number>(
        ctx,
        "getApiTokenCountByOrgId",
        signal,
        (init) =>
          ctx.raw.GET("/orgs/{orgId}/api-tokens/count", {
            params: { path: { orgId }, query: sendable<"getApiTokenCountByOrgId">(checked) },
            ...init,
          }),
        (data) =>
          isCount(data)
            ? undefined
            : data === undefined
              ? "the body is empty, not a count"
              : `the count is not a whole number >= 0 (${jsonExcerpt(data)})`,
      );
    },

    /**
     * Revokes EVERY managed user's API token in the org. Takes no filter. Scope: delete:tokens:admin.
     */
    async revokeAll(orgId: string, options: RequestOptions = {}): Promise<void> {
      assertPathParam("orgId", orgId);
      const { signal } = checkedRequestOptions(options);
      // Success has no documented body: whatever a 200 carries is read as text and ignored, never parsed.
      await call(ctx, "bulkRevokeApiTokens", signal, (init) =>
        ctx.raw.DELETE("/orgs/{orgId}/api-tokens", { params: { path: { orgId } }, parseAs: "text", ...init }),
      );
    },
  };
}

function checkPage(body: unknown): string | undefined {
  const page = body as Partial<ApiTokenSearchResponse> | null;
  if (page === null || typeof page !== "object") return "the page is not a JSON object";
  if (!Array.isArray(page.data)) return "the page's data is not an array";
  const tokens = tokensProblem(page.data, "the page's data");
  if (tokens) return tokens;
  if (page.links === undefined) return undefined;
  if (page.links === null || typeof page.links !== "object") return "the page's links is not an object";
  const self: unknown = page.links.self;
  if (self !== undefined && self !== null && typeof self !== "string") return "the page's links.self is not a string";
  return nextLinkProblem(page.links.next);
}

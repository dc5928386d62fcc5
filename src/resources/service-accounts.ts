/** The org's service accounts' API tokens: count (any number of ids), list, revoke. */
import type { CallContext } from "../call.js";
import { call } from "../call.js";
import { AdminApiError, InvalidInputError } from "../errors.js";
import { isCount } from "../is-count.js";
import { mapConcurrent } from "../map-concurrent.js";
import { assertPathParam } from "../path.js";
import { shownValue } from "../shown-value.js";
import { tokensProblem } from "../token-shape.js";
import type {
  ApiToken,
  ServiceAccountCredentialCountResponse,
  ServiceAccountTokenCounts,
  ServiceAccountTokenQuery,
} from "../types.js";
import { checkedQuery, sendable } from "../validate-query.js";
import { checkedRequestOptions } from "../validate-request-options.js";
import type { RequestOptions } from "./api-tokens.js";

/** The API's limit of ids per count request (maxItems in the spec). */
export const MAX_IDS_PER_COUNT = 100;

export function serviceAccounts(ctx: CallContext) {
  const countChunk = (orgId: string, ids: string[], signal: AbortSignal | undefined) =>
    call<ServiceAccountCredentialCountResponse>(
      ctx,
      "countServiceAccountApiTokens",
      signal,
      (init) =>
        ctx.raw.POST("/orgs/{orgId}/service-accounts/count", { params: { path: { orgId } }, body: ids, ...init }),
      checkCounts,
    );

  return {
    /**
     * Counts the API tokens of any number of service accounts: ids are de-duplicated and sent 100 per request,
     * `concurrency` requests at a time, and the answers merged. An empty list sends nothing. If a request still
     * fails after its retries, the error's `partialResult` holds the merged answers of the requests that succeeded.
     * Scope: read:service-accounts-tokens:admin.
     */
    async countTokens(
      orgId: string,
      ids: readonly string[],
      options: RequestOptions = {},
    ): Promise<ServiceAccountTokenCounts> {
      assertPathParam("orgId", orgId);
      if (!Array.isArray(ids)) throw new InvalidInputError("ids", "ids must be an array of service account ids");
      // Read once: what is checked is what is sent.
      const given: unknown[] = Array.from(ids);
      // Sent in a JSON body, not a path: any string goes (the API lists an unknown one as invalid), but an empty one
      // is a blank line or a missing value, not an id.
      for (const [i, id] of given.entries()) {
        if (typeof id !== "string" || id === "")
          throw new InvalidInputError(`ids[${i}]`, `ids[${i}] must be a non-empty string; got ${shownValue(id)}`);
      }
      const { signal } = checkedRequestOptions(options);
      // An empty list sends nothing, and answers an aborted signal as every call does.
      if (signal?.aborted) throw signal.reason;
      const unique = [...new Set(given as string[])];
      const chunks: string[][] = [];
      for (let i = 0; i < unique.length; i += MAX_IDS_PER_COUNT) chunks.push(unique.slice(i, i + MAX_IDS_PER_COUNT));
      const outcome = await mapConcurrent(chunks, ctx.concurrency, (chunk) => countChunk(orgId, chunk, signal));
      const merged = merge(outcome.results);
      if ("error" in outcome) {
        if (outcome.error instanceof AdminApiError) outcome.error.partialResult = merged;
        throw outcome.error;
      }
      return merged;
    },

    /** Lists one service account's API tokens (no pagination). Scope: read:service-accounts-tokens:admin. */
    async listTokens(
      orgId: string,
      accountId: string,
      query: ServiceAccountTokenQuery = {},
      options: RequestOptions = {},
    ): Promise<ApiToken[]> {
      assertPathParam("orgId", orgId);
      assertPathParam("accountId", accountId);
      const checked = checkedQuery(query, "ServiceAccountTokenQuery");
      const { signal } = checkedRequestOptions(options);
      return call<ApiToken[]>(
        ctx,
        "getServiceAccountApiToken",
        signal,
        (init) =>
          ctx.raw.GET("/orgs/{orgId}/service-accounts/{accountId}/api-tokens", {
            params: { path: { orgId, accountId }, query: sendable<"getServiceAccountApiToken">(checked) },
            ...init,
          }),
        (data) => (Array.isArray(data) ? tokensProblem(data, "the token list") : "the token list is not an array"),
      );
    },

    /** Revokes every API token of one service account. Scope: delete:service-accounts-tokens:admin. */
    async revokeTokens(orgId: string, accountId: string, options: RequestOptions = {}): Promise<void> {
      assertPathParam("orgId", orgId);
      assertPathParam("accountId", accountId);
      const { signal } = checkedRequestOptions(options);
      await call(ctx, "revokeApiTokens", signal, (init) =>
        // As for revokeAll: a 200's body, if any, is read as text and ignored.
        ctx.raw.DELETE("/orgs/{orgId}/service-accounts/{accountId}/api-tokens", {
          params: { path: { orgId, accountId } },
          parseAs: "text",
          ...init,
        }),
      );
    },
  };
}

function merge(answers: ServiceAccountCredentialCountResponse[]): ServiceAccountTokenCounts {
  return {
    validServiceAccountIds: answers.flatMap((a) => a.validServiceAccountIds ?? []),
    invalidServiceAccountIds: answers.flatMap((a) => a.invalidServiceAccountIds ?? []),
  };
}

/**
 * What is wrong with a count answer's shape, or undefined: an object whose two lists, when present, are lists, each
 * count with the fields the spec requires: an id, and a count (`isCount`, as `apiTokens.count` accepts one).
 */
function checkCounts(data: unknown): string | undefined {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return "the counts are not a JSON object";
  const { validServiceAccountIds: valid, invalidServiceAccountIds: invalid } = data as Record<string, unknown>;
  if (valid !== undefined) {
    if (!Array.isArray(valid)) return "validServiceAccountIds is not a list";
    for (const [i, count] of valid.entries()) {
      const problem = countProblem(count);
      if (problem) return `validServiceAccountIds[${i}] ${problem}`;
    }
  }
  if (invalid !== undefined && !(Array.isArray(invalid) && invalid.every((id) => typeof id === "string")))
    return "invalidServiceAccountIds is not a list of ids";
  return undefined;
}

/** What is wrong with one service account's count, or undefined. */
function countProblem(count: unknown): string | undefined {
  if (count === null || typeof count !== "object" || Array.isArray(count)) return "is not an object";
  const { serviceAccountId: id, credentialsCount: n } = count as Record<string, unknown>;
  if (typeof id !== "string") return "has no serviceAccountId string";
  if (!isCount(n)) return "has no credentialsCount (a whole number >= 0)";
  return undefined;
}

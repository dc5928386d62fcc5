import type { Context } from "openapi-backend";
import type {
  ApiToken,
  ApiTokenCountQuery,
  ApiTokenListQuery,
  ApiTokenSearchResponse,
  ServiceAccountCredentialCountResponse,
  ServiceAccountTokenQuery,
} from "../types.js";
import { BadRequestError } from "./bad-request-error.js";
import { createCursorCodec, queryFingerprint } from "./cursor.js";
import { errorBody } from "./error-body.js";
import { tokenFilter } from "./filter-semantics.js";
import { createListCache } from "./list-cache.js";
import type { Failure, NoContent, Ok } from "./reply.js";
import type { SandboxState } from "./sandbox-state.js";

/** Page size when `pageSize` is absent, and the largest accepted (the spec leaves both unconfirmed). */
export const pageSizes = { default: 50, max: 1000 } as const;

type OrgParams = { orgId: string };
type AccountParams = OrgParams & { accountId: string };
type Ctx<Params, Query = unknown, Body = unknown> = Context<Body, Params, Query>;

/** The handlers of the six operations, keyed by operationId; openapi-backend has routed and validated the request. */
export function createOperationHandlers(state: SandboxState) {
  const lists = createListCache(state);
  const cursors = createCursorCodec(state.cursorKey);
  const account = (c: Ctx<AccountParams>): ApiToken[] | Failure => {
    const tokens = state.serviceAccounts.get(c.request.params.accountId);
    return tokens ?? notFound(`Service account ${c.request.params.accountId} was not found.`);
  };
  return {
    getAllApiTokensByOrgId: inOrg(state, (c: Ctx<OrgParams, ApiTokenListQuery>): Ok<ApiTokenSearchResponse> => {
      const query = c.request.query;
      const pageSize = query.pageSize ?? pageSizes.default;
      if (pageSize > pageSizes.max) {
        throw new BadRequestError("pageSize", `Invalid value for parameter 'pageSize': at most ${pageSizes.max}`);
      }
      const matching = lists.matching(query);
      const fingerprint = queryFingerprint(query);
      const offset = query.cursor === undefined ? 0 : cursors.decode(query.cursor, fingerprint);
      const next = offset + pageSize;
      return {
        status: 200,
        body: {
          data: structuredClone(matching.slice(offset, next)),
          links: {
            self: cursors.encode(offset, fingerprint),
            ...(next < matching.length ? { next: cursors.encode(next, fingerprint) } : {}),
            ...(offset > 0 ? { prev: cursors.encode(Math.max(0, offset - pageSize), fingerprint) } : {}),
          },
        },
      };
    }),
    getApiTokenCountByOrgId: inOrg(
      state,
      (c: Ctx<OrgParams, ApiTokenCountQuery>): Ok<number> => ({
        status: 200,
        body: state.userTokens.filter(tokenFilter(c.request.query, state.now)).length,
      }),
    ),
    bulkRevokeApiTokens: inOrg(state, (): NoContent => {
      state.userTokens = [];
      lists.clear();
      return { status: 204 };
    }),
    countServiceAccountApiTokens: inOrg(
      state,
      (c: Ctx<OrgParams, unknown, string[]>): Ok<Required<ServiceAccountCredentialCountResponse>> => {
        const ids = [...new Set(c.request.requestBody)];
        const known = ids.filter((id) => state.serviceAccounts.has(id));
        return {
          status: 200,
          body: {
            validServiceAccountIds: known.map((id) => ({
              serviceAccountId: id,
              credentialsCount: state.serviceAccounts.get(id)?.length ?? 0,
            })),
            invalidServiceAccountIds: ids.filter((id) => !state.serviceAccounts.has(id)),
          },
        };
      },
    ),
    getServiceAccountApiToken: inOrg(
      state,
      (c: Ctx<AccountParams, ServiceAccountTokenQuery>): Ok<ApiToken[]> | Failure => {
        const tokens = account(c);
        if (!Array.isArray(tokens)) return tokens;
        const label = c.request.query.tokenLabel;
        return { status: 200, body: structuredClone(tokens.filter((t) => label === undefined || t.label === label)) };
      },
    ),
    revokeApiTokens: inOrg(state, (c: Ctx<AccountParams>): NoContent | Failure => {
      const tokens = account(c);
      if (!Array.isArray(tokens)) return tokens;
      state.serviceAccounts.set(c.request.params.accountId, []);
      return { status: 204 };
    }),
  };
}

/** Wraps a handler: another org id answers 404, and the sandbox's own checks (BadRequestError) answer 400. */
function inOrg<C extends Ctx<OrgParams>, R>(state: SandboxState, handler: (c: C) => R) {
  return (c: C): R | Failure => {
    if (c.request.params.orgId !== state.orgId)
      return notFound(`Organization ${c.request.params.orgId} was not found.`);
    try {
      return handler(c);
    } catch (error) {
      if (error instanceof BadRequestError) return { status: 400, body: errorBody(400, error.message) };
      throw error;
    }
  };
}

function notFound(detail: string): Failure {
  return { status: 404, body: errorBody(404, detail) };
}

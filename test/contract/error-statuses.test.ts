import { describe, expect, it } from "vitest";
import {
  type AdminApiClient,
  type AdminApiError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from "../../src/index.js";
import { ACCOUNT, ORG, prismClient } from "../helpers/prism-client.js";
import { documentedStatuses, operation, responseExample } from "../helpers/spec-examples.js";

/** Every facade method, by the operation it calls. */
const calls: Record<string, (client: AdminApiClient) => Promise<unknown>> = {
  getAllApiTokensByOrgId: async (c) => c.apiTokens.list(ORG),
  bulkRevokeApiTokens: (c) => c.apiTokens.revokeAll(ORG),
  getApiTokenCountByOrgId: (c) => c.apiTokens.count(ORG),
  countServiceAccountApiTokens: (c) => c.serviceAccounts.countTokens(ORG, [ACCOUNT]),
  getServiceAccountApiToken: (c) => c.serviceAccounts.listTokens(ORG, ACCOUNT),
  revokeApiTokens: (c) => c.serviceAccounts.revokeTokens(ORG, ACCOUNT),
};

const classes: Record<number, typeof AdminApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  429: RateLimitError,
  500: ServerError,
};

const cases = Object.keys(calls).flatMap((operationId) =>
  documentedStatuses(operationId)
    .filter((status) => status >= 400)
    .map((status) => ({ operationId, status })),
);

/** The path Prism saw for an operation called with ORG and ACCOUNT. */
function concretePath(template: string): string {
  return template.replace("{orgId}", ORG).replace("{accountId}", ACCOUNT);
}

describe("documented error statuses, forced with Prefer: code=NNN", () => {
  it("covers the six operations, each documenting 400, 401, 403, 404, 429 and 500", () => {
    expect(cases).toHaveLength(36);
    for (const operationId of Object.keys(calls)) {
      expect(documentedStatuses(operationId).filter((s) => s >= 400)).toEqual([400, 401, 403, 404, 429, 500]);
    }
  });

  it.each(cases)("maps $operationId's $status to its error class", async ({ operationId, status }) => {
    const { client, exchanges } = prismClient({ headers: { Prefer: `code=${status}` } });
    const spec = operation(operationId);
    const error = await calls[operationId]?.(client).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(classes[status]);
    const apiError = error as AdminApiError;
    expect(apiError.status).toBe(status);
    expect(apiError.body).toEqual(responseExample(operationId, status));
    expect(apiError.request?.method).toBe(spec.method);
    expect(new URL(apiError.request?.url ?? "").pathname).toBe(concretePath(spec.path));
    if (status === 403) expect(apiError.message).toContain(`needs the scope ${spec["x-atlassian-scopes"][0]};`);
    // The request itself was valid: Prism answered the forced status, not a validation error.
    expect(exchanges).toMatchObject([{ status, violations: null }]);
  });

  it("carries the 429's Retry-After and the 500's request id from the spec's examples", async () => {
    const limited = prismClient({ headers: { Prefer: "code=429" } }).client;
    await expect(limited.apiTokens.count(ORG)).rejects.toMatchObject({ retryAfterMs: 30_000 });
    const failed = prismClient({ headers: { Prefer: "code=500" } }).client;
    const body = responseExample("getApiTokenCountByOrgId", 500) as { requestId: string };
    await expect(failed.apiTokens.count(ORG)).rejects.toMatchObject({ requestId: body.requestId });
  });
});

/**
 * What the client knows about each operation, as data: where it lives, the scope it needs (named in 403 errors),
 * whether repeating it is safe (decides retries) and whether its answer is read. `satisfies` makes tsc fail when the
 * spec gains an operation this table lacks; a test checks the scopes and retry flags against the spec's x- extensions.
 */
import type { operations as GeneratedOperations } from "./generated/admin-api-access.js";

/** One operation's policy. */
export interface OperationPolicy {
  method: "GET" | "POST" | "DELETE";
  path: string;
  scope: string;
  /** Safe to send again after a failure: true for reads and idempotent revocations. */
  retrySafe: boolean;
  /** Its success answer is read: false for the revocations, whose 2xx body (none documented) is ignored. */
  readsBody: boolean;
}

export const operationPolicies = {
  getAllApiTokensByOrgId: {
    method: "GET",
    path: "/orgs/{orgId}/api-tokens",
    scope: "read:tokens:admin",
    retrySafe: true,
    readsBody: true,
  },
  bulkRevokeApiTokens: {
    method: "DELETE",
    path: "/orgs/{orgId}/api-tokens",
    scope: "delete:tokens:admin",
    retrySafe: true,
    readsBody: false,
  },
  getApiTokenCountByOrgId: {
    method: "GET",
    path: "/orgs/{orgId}/api-tokens/count",
    scope: "read:tokens:admin",
    retrySafe: true,
    readsBody: true,
  },
  // A POST, but a read: it counts and changes nothing.
  countServiceAccountApiTokens: {
    method: "POST",
    path: "/orgs/{orgId}/service-accounts/count",
    scope: "read:service-accounts-tokens:admin",
    retrySafe: true,
    readsBody: true,
  },
  getServiceAccountApiToken: {
    method: "GET",
    path: "/orgs/{orgId}/service-accounts/{accountId}/api-tokens",
    scope: "read:service-accounts-tokens:admin",
    retrySafe: true,
    readsBody: true,
  },
  revokeApiTokens: {
    method: "DELETE",
    path: "/orgs/{orgId}/service-accounts/{accountId}/api-tokens",
    scope: "delete:service-accounts-tokens:admin",
    retrySafe: true,
    readsBody: false,
  },
} as const satisfies Record<keyof GeneratedOperations, OperationPolicy>;

export type OperationId = keyof typeof operationPolicies;

const matchers = Object.values(operationPolicies).map((policy) => ({
  policy: policy as OperationPolicy,
  // Suffix match: the base URL's own path (e.g. /admin/api-access/v1) comes before the template.
  pattern: new RegExp(`${policy.path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));

/** The policy of the operation a request calls, found by method and path; undefined for any other URL. */
export function operationFor(method: string, pathname: string): OperationPolicy | undefined {
  return matchers.find((m) => m.policy.method === method && m.pattern.test(pathname))?.policy;
}

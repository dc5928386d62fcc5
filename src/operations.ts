/**
 * What the client knows about each operation, as data: where it lives, the scope it needs (named in 403 errors)
 * and whether repeating it is safe (decides retries). `satisfies` makes tsc fail when the spec gains an operation
 * this table lacks; a test checks the scopes and retry flags against the spec's x- extensions.
 */
import type { operations as GeneratedOperations } from "./generated/admin-api-access.js";

/** One operation's policy. */
export interface OperationPolicy {
  method: "GET" | "POST" | "DELETE";
  path: string;
  scope: string;
  /** Safe to send again after a failure: true for reads and idempotent revocations. */
  retrySafe: boolean;
}

export const operationPolicies = {
  getAllApiTokensByOrgId: {
    method: "GET",
    path: "/orgs/{orgId}/api-tokens",
    scope: "read:tokens:admin",
    retrySafe: true,
  },
  bulkRevokeApiTokens: {
    method: "DELETE",
    path: "/orgs/{orgId}/api-tokens",
    scope: "delete:tokens:admin",
    retrySafe: true,
  },
  getApiTokenCountByOrgId: {
    method: "GET",
    path: "/orgs/{orgId}/api-tokens/count",
    scope: "read:tokens:admin",
    retrySafe: true,
  },
  // A POST, but a read: it counts and changes nothing.
  countServiceAccountApiTokens: {
    method: "POST",
    path: "/orgs/{orgId}/service-accounts/count",
    scope: "read:service-accounts-tokens:admin",
    retrySafe: true,
  },
  getServiceAccountApiToken: {
    method: "GET",
    path: "/orgs/{orgId}/service-accounts/{accountId}/api-tokens",
    scope: "read:service-accounts-tokens:admin",
    retrySafe: true,
  },
  revokeApiTokens: {
    method: "DELETE",
    path: "/orgs/{orgId}/service-accounts/{accountId}/api-tokens",
    scope: "delete:service-accounts-tokens:admin",
    retrySafe: true,
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

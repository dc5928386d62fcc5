import { describe, expect, it } from "vitest";
import { spec } from "../../src/generated/admin-api-access.spec.js";
import { operationFor, operationPolicies } from "../../src/operations.js";

type SpecOperation = {
  operationId: string;
  "x-atlassian-scopes": string[];
  "x-retry-safe": boolean;
  responses: Record<string, { $ref?: string; content?: unknown }>;
};

/** Whether any 2xx answer of the operation has a body in the spec ($refs to components resolved). */
function hasSuccessBody(op: SpecOperation): boolean {
  const components = (spec as unknown as { components: { responses: Record<string, { content?: unknown }> } })
    .components.responses;
  return Object.entries(op.responses)
    .filter(([status]) => status.startsWith("2"))
    .some(([, response]) => {
      const resolved = response.$ref ? components[response.$ref.split("/").pop() as string] : response;
      return resolved?.content !== undefined;
    });
}

const fromSpec = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ["get", "post", "delete"].includes(method))
    .map(([method, op]) => ({ path, method: method.toUpperCase(), ...(op as unknown as SpecOperation) })),
);

describe("the operation table", () => {
  it("lists every operation of the spec with its method, path, scope, retry safety and whether it has a body", () => {
    expect(fromSpec).toHaveLength(6);
    for (const op of fromSpec) {
      expect(operationPolicies[op.operationId as keyof typeof operationPolicies]).toEqual({
        method: op.method,
        path: op.path,
        scope: op["x-atlassian-scopes"][0],
        retrySafe: op["x-retry-safe"],
        readsBody: hasSuccessBody(op),
      });
    }
    expect(Object.keys(operationPolicies).sort()).toEqual(fromSpec.map((op) => op.operationId).sort());
    expect(fromSpec.filter((op) => !hasSuccessBody(op)).map((op) => op.method)).toEqual(["DELETE", "DELETE"]);
  });

  it("finds an operation by method and concrete path, whatever the base path", () => {
    expect(operationFor("GET", "/admin/api-access/v1/orgs/o%2F1/api-tokens/count")?.scope).toBe("read:tokens:admin");
    expect(operationFor("DELETE", "/orgs/o/service-accounts/a/api-tokens")?.scope).toBe(
      "delete:service-accounts-tokens:admin",
    );
    expect(operationFor("PUT", "/orgs/o/api-tokens")).toBeUndefined();
    expect(operationFor("GET", "/orgs/o/api-tokens/extra")).toBeUndefined();
  });
});

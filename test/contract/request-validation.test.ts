import { describe, expect, inject, it } from "vitest";
import { ACCOUNT, type Exchange, ORG, prismClient } from "../helpers/prism-client.js";
import { parameterExample, queryParameterNames } from "../helpers/spec-examples.js";

/** The query parameters the spec gives no example, because their value format is unknown. */
const withoutExample = ["createdAtRangeFrom", "createdAtRangeTo", "lastActiveAtRangeFrom", "lastActiveAtRangeTo"];

/**
 * Every query parameter of an operation, set to the spec's example (a valid value), or where the spec has none to an
 * arbitrary string, which their `type: string` schema accepts.
 */
function everyParameter(operationId: string): Record<string, string | number> {
  return Object.fromEntries(
    queryParameterNames(operationId).map((name) => [
      name,
      (parameterExample(name) as string | number | undefined) ?? "any-string",
    ]),
  );
}

/** Prism, run with --errors, answers a request-validation violation with 400 or 422 and an sl-violations header. */
function expectValid(exchange: Exchange | undefined): void {
  expect(exchange).toBeDefined();
  expect(exchange?.violations).toBeNull();
  expect(exchange?.status).toBeGreaterThanOrEqual(200);
  expect(exchange?.status).toBeLessThan(300);
}

describe("every request the facade sends passes Prism's request validation", () => {
  it("has the spec's example for every query parameter but the four relative-window bounds", () => {
    const names = queryParameterNames("getAllApiTokensByOrgId");
    expect(names.filter((name) => parameterExample(name) === undefined)).toEqual(withoutExample);
  });

  it("sends all 19 query parameters of the token list, as valid values", async () => {
    const query = everyParameter("getAllApiTokensByOrgId");
    expect(Object.keys(query)).toHaveLength(19);
    const { client, exchanges } = prismClient();
    await client.apiTokens.list(ORG, query);
    expect([...(exchanges[0]?.url.searchParams.keys() ?? [])].sort()).toEqual(Object.keys(query).sort());
    expectValid(exchanges[0]);
  });

  it("sends all 16 query parameters of the token count, as valid values", async () => {
    const query = everyParameter("getApiTokenCountByOrgId");
    expect(Object.keys(query)).toHaveLength(16);
    const { client, exchanges } = prismClient();
    await client.apiTokens.count(ORG, query);
    expect([...(exchanges[0]?.url.searchParams.keys() ?? [])].sort()).toEqual(Object.keys(query).sort());
    expectValid(exchanges[0]);
  });

  it("sends tokenLabel to the service-account token list, as a valid value", async () => {
    const query = everyParameter("getServiceAccountApiToken");
    expect(query).toEqual({ tokenLabel: "nightly-backup" });
    const { client, exchanges } = prismClient();
    await client.serviceAccounts.listTokens(ORG, ACCOUNT, query);
    expect(exchanges[0]?.url.searchParams.get("tokenLabel")).toBe("nightly-backup");
    expectValid(exchanges[0]);
  });

  it("follows links.next with a cursor and filters Prism accepts", async () => {
    const { client, exchanges } = prismClient();
    // Prism's static example repeats its links.next, so the walk ends with InvalidResponseError on page 2.
    await expect(client.apiTokens.list(ORG, { status: "BLOCKED", pageSize: 10 }).toArray({ limit: 3 })).rejects.toThrow(
      /repeated the page cursor/,
    );
    expect(exchanges).toHaveLength(2);
    expect(exchanges[1]?.url.searchParams.get("cursor")).toBe("eyJvZmZzZXQiOjJ9");
    expect(exchanges[1]?.url.searchParams.get("status")).toBe("BLOCKED");
    for (const exchange of exchanges) expectValid(exchange);
  });

  it("sends the largest valid count body (100 ids) and both DELETEs without a body", async () => {
    const { client, exchanges } = prismClient();
    await client.serviceAccounts.countTokens(
      ORG,
      Array.from({ length: 250 }, (_, i) => `sa-${i}`),
    );
    await client.apiTokens.revokeAll(ORG);
    await client.serviceAccounts.revokeTokens(ORG, ACCOUNT);
    expect(exchanges.map((e) => e.method)).toEqual(["POST", "POST", "POST", "DELETE", "DELETE"]);
    for (const exchange of exchanges) expectValid(exchange);
  });
});

describe("the validation check itself", () => {
  it("is flagged by Prism for a raw request with pageSize=abc", async () => {
    const response = await fetch(`${inject("prismUrl")}/orgs/${ORG}/api-tokens?pageSize=abc`, {
      headers: { Authorization: "Bearer contract-test-key" },
    });
    expect([400, 422]).toContain(response.status);
    expect(response.headers.get("sl-violations")).toMatch(/pagesize must be integer/i);
  });

  it("fails expectValid for an invalid request sent through the same capturing fetch", async () => {
    const { client, exchanges } = prismClient();
    await client.raw.GET("/orgs/{orgId}/api-tokens", {
      params: { path: { orgId: ORG }, query: { pageSize: "abc" as never } },
    });
    await client.raw.POST("/orgs/{orgId}/service-accounts/count", {
      params: { path: { orgId: ORG } },
      body: Array.from({ length: 101 }, (_, i) => `sa-${i}`),
    });
    expect(exchanges).toHaveLength(2);
    for (const exchange of exchanges) expect(() => expectValid(exchange)).toThrow();
    expect(exchanges[1]?.violations).toMatch(/maxItems|must NOT have more than 100 items/);
  });
});

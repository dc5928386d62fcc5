import { describe, expect, it } from "vitest";
import { spec } from "../../src/generated/admin-api-access.spec.js";
import { InvalidResponseError } from "../../src/index.js";
import { ACCOUNT, ORG, prismClient } from "../helpers/prism-client.js";
import { requestExample, responseExample } from "../helpers/spec-examples.js";

describe("the facade against Prism", () => {
  it("lists the first page of tokens as the spec's example", async () => {
    const { client, exchanges } = prismClient();
    const example = responseExample("getAllApiTokensByOrgId", 200) as { data: unknown[]; links: { next: string } };
    const page = await client.apiTokens.list(ORG);
    expect(page.data).toEqual(example.data);
    expect(page.links).toEqual(example.links);
    expect(page.nextCursor).toBe(example.links.next);
    expect(exchanges).toMatchObject([{ method: "GET", status: 200, violations: null }]);
  });

  it("stops a walk with InvalidResponseError when Prism's static example repeats the cursor", async () => {
    const { client, exchanges } = prismClient();
    const walk = async () => {
      for await (const _ of client.apiTokens.list(ORG)) {
        // Prism answers the same page, with the same links.next, to every cursor.
      }
    };
    await expect(walk()).rejects.toThrow(InvalidResponseError);
    expect(exchanges.map((e) => e.url.searchParams.get("cursor"))).toEqual([null, "eyJvZmZzZXQiOjJ9"]);
  });

  it("counts tokens as the spec's example", async () => {
    const { client } = prismClient();
    expect(await client.apiTokens.count(ORG)).toBe(responseExample("getApiTokenCountByOrgId", 200));
  });

  it("counts service-account tokens as the spec's example", async () => {
    const { client, exchanges } = prismClient();
    const ids = requestExample("countServiceAccountApiTokens") as string[];
    expect(await client.serviceAccounts.countTokens(ORG, ids)).toEqual(
      responseExample("countServiceAccountApiTokens", 200),
    );
    expect(exchanges).toMatchObject([{ method: "POST", status: 200, violations: null }]);
  });

  it("lists a service account's tokens as the spec's example", async () => {
    const { client } = prismClient();
    expect(await client.serviceAccounts.listTokens(ORG, ACCOUNT)).toEqual(
      responseExample("getServiceAccountApiToken", 200),
    );
  });

  it.each([200, 204])("revokes every user token when the API answers %i", async (status) => {
    const { client, exchanges } = prismClient({ headers: { Prefer: `code=${status}` } });
    await expect(client.apiTokens.revokeAll(ORG)).resolves.toBeUndefined();
    expect(exchanges).toMatchObject([{ method: "DELETE", status, violations: null }]);
  });

  it.each([200, 204])("revokes a service account's tokens when the API answers %i", async (status) => {
    const { client, exchanges } = prismClient({ headers: { Prefer: `code=${status}` } });
    await expect(client.serviceAccounts.revokeTokens(ORG, ACCOUNT)).resolves.toBeUndefined();
    expect(exchanges).toMatchObject([{ method: "DELETE", status, violations: null }]);
  });

  it("reflects the spec's X-RateLimit-* example headers in client.rateLimit", async () => {
    const { client } = prismClient();
    await client.apiTokens.count(ORG);
    const headers = spec.components.headers;
    expect(client.rateLimit).toEqual({
      limit: headers["X-RateLimit-Limit"].example,
      remaining: headers["X-RateLimit-Remaining"].example,
      resetAt: new Date(headers["X-RateLimit-Reset"].example),
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fakeApi, json } from "./fake-api.js";

/** Ids that are valid path parameters: any well-formed unicode except "", "." and "..". */
const id = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((s) => s !== "." && s !== "..");

describe("path encoding", () => {
  it("reaches the intended route with every id intact, for arbitrary unicode ids", async () => {
    await fc.assert(
      fc.asyncProperty(id, id, async (orgId, accountId) => {
        const { client, seen } = fakeApi(() => json([]));
        await client.serviceAccounts.listTokens(orgId, accountId);
        const segments = (seen[0]?.path ?? "").split("/");
        // ["", "admin", "api-access", "v1", "orgs", org, "service-accounts", account, "api-tokens"]
        expect(segments).toHaveLength(9);
        expect(segments[4]).toBe("orgs");
        expect(decodeURIComponent(segments[5] ?? "")).toBe(orgId);
        expect(segments[6]).toBe("service-accounts");
        expect(decodeURIComponent(segments[7] ?? "")).toBe(accountId);
        expect(segments[8]).toBe("api-tokens");
        expect(seen[0]?.query.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects ids with lone surrogates before sending", async () => {
    const { client, seen } = fakeApi(() => json([]));
    await expect(client.serviceAccounts.listTokens("org", "a\uD800b")).rejects.toMatchObject({
      name: "InvalidInputError",
    });
    expect(seen).toHaveLength(0);
  });
});

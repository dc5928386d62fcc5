import { describe, expect, it } from "vitest";
import { InvalidResponseError } from "../../src/index.js";
import { json, ORG, testClient, token } from "../helpers/recording-fetch.js";

const page = (data: unknown[]) => ({ data, links: {} });

describe("each token of an answer has the fields the spec's ApiToken requires", () => {
  it.each<[string, unknown, string]>([
    ["a string", "t1", "is not an object"],
    ["null", null, "is not an object"],
    ["no user", { ...token("t1"), user: undefined }, "has no user with an id"],
    ["a user without an id", { ...token("t1"), user: { name: "Mia" } }, "has no user with an id"],
    ["a null label", { ...token("t1"), label: null }, "has no label string"],
    ["no createdAt", { ...token("t1"), createdAt: undefined }, "has no createdAt string"],
    ["a numeric id", { ...token("t1"), id: 7 }, "has no id string"],
  ])("a page holding %s is an InvalidResponseError naming the token", async (_, bad, problem) => {
    const { client } = testClient(() => json(page([token("t0"), bad])));
    const error = await client.apiTokens
      .list(ORG)
      .then()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain(`: the page's data[1] ${problem}.`);
  });

  it("a walk stops at the bad page, and says where to resume", async () => {
    const { client } = testClient((_, i) =>
      json(i === 0 ? { data: [token("t0")], links: { next: "c1" } } : page([{ id: "t1" }])),
    );
    const error = (await client.apiTokens
      .list(ORG)
      .toArray({ limit: 10 })
      .catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain("the page's data[0] has no label string");
    expect(error.resumeCursor).toBe("c1");
  });

  it("a service account's token list is checked too", async () => {
    const { client } = testClient(() => json([token("t0"), { ...token("t1"), status: 3 }]));
    await expect(client.serviceAccounts.listTokens(ORG, "sa-1")).rejects.toThrow(
      /: the token list\[1\] has no status string\./,
    );
  });

  it("passes what the spec allows: absent or null optional fields, unknown fields, any status string", async () => {
    const tokens = [
      token("t0"),
      { ...token("t1"), expiresAt: null, lastActiveAt: null, scopes: null, status: "SUSPENDED", extra: { a: 1 } },
      {
        ...token("t2"),
        scopes: ["read:jira-user"],
        user: { id: "u2", name: null, email: "a@example.com", orgId: "o" },
      },
    ];
    const { client } = testClient(() => json(page(tokens)));
    const first = await client.apiTokens.list(ORG);
    expect(first.data).toEqual(tokens);
  });
});

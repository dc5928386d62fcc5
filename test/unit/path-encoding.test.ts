import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/index.js";
import { json, ORG, testClient } from "../helpers/recording-fetch.js";

const awkwardIds = [
  "a/b",
  "a?b=c&d",
  "a#fragment",
  "x/../y",
  "..x",
  "x..",
  "%2F",
  "a b+c",
  "ünïcødé-日本-🔑",
  "$'",
  "$&",
  "pre$'mid$&post",
];

type Client = ReturnType<typeof testClient>["client"];

/** Every facade method, called with `id` as each of its path parameters. */
const methods: [string, (client: Client, id: unknown) => Promise<unknown>][] = [
  ["apiTokens.list", (c, id) => Promise.resolve(c.apiTokens.list(id as string))],
  ["apiTokens.count", (c, id) => c.apiTokens.count(id as string)],
  ["apiTokens.revokeAll", (c, id) => c.apiTokens.revokeAll(id as string)],
  ["serviceAccounts.countTokens", (c, id) => c.serviceAccounts.countTokens(id as string, ["sa"])],
  [
    "serviceAccounts.countTokens (an id in the body)",
    (c, id) => c.serviceAccounts.countTokens(ORG, ["sa", id as string]),
  ],
  ["serviceAccounts.listTokens (orgId)", (c, id) => c.serviceAccounts.listTokens(id as string, "sa")],
  ["serviceAccounts.listTokens (accountId)", (c, id) => c.serviceAccounts.listTokens(ORG, id as string)],
  ["serviceAccounts.revokeTokens (orgId)", (c, id) => c.serviceAccounts.revokeTokens(id as string, "sa")],
  ["serviceAccounts.revokeTokens (accountId)", (c, id) => c.serviceAccounts.revokeTokens(ORG, id as string)],
];

describe("path parameters", () => {
  it.each(awkwardIds)("carries the id %j intact to the intended route", async (id) => {
    const { client, requests } = testClient((request) =>
      request.method === "GET" ? json([]) : new Response(null, { status: 204 }),
    );
    await client.serviceAccounts.listTokens(id, id);
    await client.serviceAccounts.revokeTokens(id, id);
    for (const request of requests) {
      const segments = request.route.split("/");
      expect(segments).toHaveLength(6);
      expect(segments[1]).toBe("orgs");
      expect(decodeURIComponent(segments[2] ?? "")).toBe(id);
      expect(segments[3]).toBe("service-accounts");
      expect(decodeURIComponent(segments[4] ?? "")).toBe(id);
      expect(segments[5]).toBe("api-tokens");
      expect(request.url.search).toBe("");
      expect(request.url.hash).toBe("");
    }
    expect(requests.map((r) => r.method)).toEqual(["GET", "DELETE"]);
  });

  it.each(awkwardIds)("carries the org id %j intact to the token count route", async (id) => {
    const { client, requests } = testClient(() => json(1));
    await client.apiTokens.count(id);
    const segments = requests[0]?.route.split("/") ?? [];
    expect(segments).toEqual(["", "orgs", segments[2], "api-tokens", "count"]);
    expect(decodeURIComponent(segments[2] ?? "")).toBe(id);
  });

  describe.each(["", ".", "..", 42, null, undefined, {}])("the id %j", (id) => {
    // "." and ".." are path problems only: in countTokens' JSON body they are ids like any other (tested below).
    const refusing = id === "." || id === ".." ? methods.filter(([name]) => !name.includes("in the body")) : methods;
    it.each(refusing)("is refused by %s before any request", async (_, send) => {
      const { client, requests } = testClient(() => json({}));
      await expect(async () => send(client, id)).rejects.toThrow(InvalidInputError);
      expect(requests).toHaveLength(0);
    });
  });

  it.each([".", ".."])("sends %j in countTokens' body as given: the API lists an unknown id as invalid", async (id) => {
    const { client, requests } = testClient(() => json({ validServiceAccountIds: [], invalidServiceAccountIds: [id] }));
    await expect(client.serviceAccounts.countTokens(ORG, [id])).resolves.toEqual({
      validServiceAccountIds: [],
      invalidServiceAccountIds: [id],
    });
    expect(requests).toHaveLength(1);
  });
});

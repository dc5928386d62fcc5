import { describe, expect, it } from "vitest";
import { InvalidResponseError, ServerError } from "../../src/index.js";
import { API_KEY, ORG, testClient } from "../helpers/recording-fetch.js";

/** A JSON body nested `depth` arrays deep: JSON.parse reads it, a recursive copy runs out of stack. */
const nested = (depth: number, inner = "") => `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;
const answer = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "application/json", "x-request-id": "req-deep" } });

describe("a body nested deeper than a stack can recurse", () => {
  // 20,000 levels: JSON.parse takes them, JSON.stringify and a recursive copy do not.
  const DEPTH = 20_000;

  it("gives an error status its typed error, the body cut at a depth with the key still replaced", async () => {
    const { client } = testClient(() => answer(nested(DEPTH, JSON.stringify(`Bearer ${API_KEY}`)), 500));
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).requestId).toBe("req-deep");
    const shown = JSON.stringify(error);
    expect(shown).toContain("nested deeper than");
    expect(shown).not.toContain(API_KEY);
  });

  it.each([
    ["a count", (c: ReturnType<typeof testClient>["client"]) => c.apiTokens.count(ORG), nested(DEPTH)],
    ["a page", (c: ReturnType<typeof testClient>["client"]) => c.apiTokens.list(ORG), `{"data":${nested(DEPTH)}}`],
    [
      "a service-account count",
      (c: ReturnType<typeof testClient>["client"]) => c.serviceAccounts.countTokens(ORG, ["a"]),
      `{"validServiceAccountIds":${nested(DEPTH)},"invalidServiceAccountIds":[]}`,
    ],
    [
      "a service-account token list",
      (c: ReturnType<typeof testClient>["client"]) => c.serviceAccounts.listTokens(ORG, "a"),
      nested(DEPTH),
    ],
  ])("makes %s of that shape an InvalidResponseError with its request id", async (_, send, body) => {
    const { client } = testClient(() => answer(body));
    const error = await Promise.resolve(send(client)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).requestId).toBe("req-deep");
  });
});

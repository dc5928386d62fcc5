import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AdminApiError, ConnectionError, InvalidResponseError, RateLimitError, ServerError } from "../../src/index.js";
import { API_KEY, json, ORG, testClient, token } from "../helpers/recording-fetch.js";

/** Everything an error can show: its message, how Node prints it, its JSON, and its cause printed. */
function shown(error: unknown): string {
  const e = error as Error & { cause?: unknown };
  return [e.message, inspect(e, { depth: 8 }), JSON.stringify(e), inspect(e.cause, { depth: 8 })].join("\n");
}

describe("an API key echoed back never shows in an error", () => {
  it("in a count that is not a number", async () => {
    const { client } = testClient(() => json(`Bearer ${API_KEY} 5`));
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(shown(error)).not.toContain(API_KEY);
    expect((error as Error).message).toContain("[REDACTED]");
  });

  it("in a 2xx body that is not JSON, whose parse error quotes it", async () => {
    // V8 quotes a short body whole in its message: a short key, so the parse error itself shows it.
    const key = "sk_SECRET_12";
    const body = `x ${key}`;
    expect(() => JSON.parse(body)).toThrow(key);
    const { client } = testClient(() => new Response(body, { headers: { "content-type": "application/json" } }), {
      apiKey: key,
    });
    for (const call of [() => client.apiTokens.count(ORG), () => client.serviceAccounts.listTokens(ORG, "sa")]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).cause).toBeDefined();
      expect(shown(error)).not.toContain(key);
    }
  });

  it("in a request id header of an error answer", async () => {
    const { client } = testClient(() => json({}, 404, { "x-request-id": `Bearer ${API_KEY}` }));
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminApiError);
    expect((error as AdminApiError).requestId).toBe("Bearer [REDACTED]");
    expect(shown(error)).not.toContain(API_KEY);
  });

  it("in the keys of an error body", async () => {
    const { client } = testClient(() => json({ [`Bearer ${API_KEY}`]: 1 }, 400));
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect((error as AdminApiError).body).toEqual({ "Bearer [REDACTED]": 1 });
    expect(shown(error)).not.toContain(API_KEY);
  });

  it.each([
    ["a Map", () => new Map([["authorization", `Bearer ${API_KEY}`]])],
    ["a Set", () => new Set([`Bearer ${API_KEY}`])],
  ])("in %s in a fetch error's cause", async (_, holder) => {
    const { client } = testClient(
      () => {
        throw new TypeError("fetch failed", { cause: holder() });
      },
      { maxRetries: 0 },
    );
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(shown(error)).not.toContain(API_KEY);
    expect(shown(error)).toContain("[REDACTED]");
  });
});

describe("a page whose links cannot be followed is an InvalidResponseError, never a loop or a silent end", () => {
  it.each<[string, unknown, RegExp]>([
    ["an object", { a: 1 }, /links\.next is not a string \(object\)/],
    ["an array", ["c1", "c2"], /links\.next is not a string \(object\)/],
    ["a number", 7, /links\.next is not a string \(number\)/],
    ["a URL that does not parse", "http://[::1", /links\.next is not a valid URL/],
    ["a URL without a cursor", "https://api.example.test/orgs/o/api-tokens?after=abc", /a URL without a cursor/],
  ])("links.next as %s", async (_, next, message) => {
    const { client, requests } = testClient(() => json({ data: [token("t1")], links: { next } }));
    const walk = client.apiTokens.list(ORG).toArray({ limit: 1_000 });
    await expect(walk).rejects.toThrow(InvalidResponseError);
    await expect(walk).rejects.toThrow(message);
    expect(requests).toHaveLength(1);
  });

  it("follows the cursor of a full URL on any host, to baseUrl only", async () => {
    let n = 0;
    const { client, requests } = testClient(() =>
      json({ data: [token(`t${n}`)], links: n++ === 0 ? { next: "https://elsewhere.test/x?cursor=c1" } : {} }),
    );
    await expect(client.apiTokens.list(ORG).toArray({ limit: 10 })).resolves.toHaveLength(2);
    expect(requests.map((r) => r.url.host)).toEqual(["api.example.test", "api.example.test"]);
    expect(requests[1]?.query.get("cursor")).toBe("c1");
  });

  it("stops after 100 empty pages in a row that each point to a next one", async () => {
    let n = 0;
    const { client, requests } = testClient(() => json({ data: [], links: { next: `c${++n}` } }));
    const items: unknown[] = [];
    const error = await (async () => {
      for await (const item of client.apiTokens.list(ORG)) items.push(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/100 empty pages in a row/);
    expect(items).toEqual([]);
    // The 100th page's answer stops the walk; the prefetch of the 101st may already be on its way.
    expect(requests.length).toBeGreaterThanOrEqual(100);
    expect(requests.length).toBeLessThanOrEqual(101);
  });

  it("walks on through a few empty pages", async () => {
    let n = 0;
    const { client } = testClient(() => {
      n++;
      return json(n < 5 ? { data: [], links: { next: `c${n}` } } : { data: [token("last")], links: {} });
    });
    await expect(client.apiTokens.list(ORG).toArray({ limit: 10 })).resolves.toHaveLength(1);
  });
});

describe("2xx answers of the wrong shape", () => {
  it.each([-5, 1e300, 2 ** 53, 1.5])("a count of %s is an InvalidResponseError", async (count) => {
    const { client } = testClient(() => json(count));
    await expect(client.apiTokens.count(ORG)).rejects.toThrow(/the count is not a whole number >= 0/);
  });

  it("a count answered with no body says the body is empty", async () => {
    const { client } = testClient(() => new Response(null, { status: 204 }));
    await expect(client.apiTokens.count(ORG)).rejects.toThrow(/^204 on GET \S+: the body is empty, not a count\./);
  });

  it.each([
    [{ validServiceAccountIds: "abc" }, /validServiceAccountIds is not a list/],
    [{ validServiceAccountIds: [], invalidServiceAccountIds: 7 }, /invalidServiceAccountIds is not a list of ids/],
    [{ validServiceAccountIds: [1] }, /validServiceAccountIds\[0\] is not an object/],
    [
      { validServiceAccountIds: [{ serviceAccountId: "sa", credentialsCount: 1 }, { credentialsCount: 2 }] },
      /validServiceAccountIds\[1\] has no serviceAccountId string/,
    ],
    [
      { validServiceAccountIds: [{ serviceAccountId: { a: 1 }, credentialsCount: 2 }] },
      /has no serviceAccountId string/,
    ],
    [{ validServiceAccountIds: [{ serviceAccountId: "sa" }] }, /\[0\] has no credentialsCount \(a whole number >= 0\)/],
    [{ validServiceAccountIds: [{ serviceAccountId: "sa", credentialsCount: "7" }] }, /has no credentialsCount/],
    [{ validServiceAccountIds: [{ serviceAccountId: "sa", credentialsCount: -3 }] }, /has no credentialsCount/],
    [{ validServiceAccountIds: [{ serviceAccountId: "sa", credentialsCount: 1.5 }] }, /has no credentialsCount/],
  ])("countTokens answered %j is an InvalidResponseError", async (body, message) => {
    const { client } = testClient(() => json(body));
    await expect(client.serviceAccounts.countTokens(ORG, ["sa"])).rejects.toThrow(message);
  });
});

describe("X-RateLimit-Reset", () => {
  it("is read only as an ISO 8601 instant: a bare number is not a date in 2001", async () => {
    const { client } = testClient(() =>
      json({}, 429, { "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "2" }),
    );
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).rateLimit?.resetAt).toBeUndefined();
    expect((error as Error).message).not.toContain("2001");
  });

  it("keeps an ISO instant", async () => {
    const { client } = testClient(
      () => json({}, 500, { "x-ratelimit-remaining": "9", "x-ratelimit-reset": "2030-01-01T00:00:00.000Z" }),
      { maxRetries: 0 },
    );
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).rateLimit?.resetAt?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
  });
});

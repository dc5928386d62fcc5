import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { type ClientOptions, createClient, InvalidInputError } from "../../src/index.js";
import { API_KEY, BASE_URL, json, ORG, recordingFetch, testClient } from "../helpers/recording-fetch.js";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

const requestsSent: unknown[] = [];
/** A client whose every request is recorded in `requestsSent`. */
const client = () =>
  testClient((request) => {
    requestsSent.push(request);
    return json({});
  }).client;

describe("query validation", () => {
  it.each([0, -1, 1.5, "10", Number.NaN, null])(
    "refuses pageSize %j before any request: the list rejects when awaited and when iterated",
    async (pageSize) => {
      const { client, requests } = testClient(() => json({ data: [], links: {} }));
      const list = client.apiTokens.list(ORG, { pageSize } as never);
      const error = await list.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ parameter: "pageSize" });
      expect((error as Error).message).toContain("pageSize");
      // The value as given: a number as written (NaN is not JSON's null), anything else as JSON.
      const shown = typeof pageSize === "number" ? String(pageSize) : JSON.stringify(pageSize);
      expect((error as Error).message).toMatch(new RegExp(`; got ${shown.replace(/[.\\-]/g, "\\$&")}$`));
      await expect(list[Symbol.asyncIterator]().next()).rejects.toBe(error);
      await expect(list.pages().next()).rejects.toBe(error);
      expect(requests).toHaveLength(0);
    },
  );

  it.each([
    ["createdAtValue", "90"],
    ["lastActiveAtValue", -1],
    ["status", 5],
    ["q", ["a"]],
  ])("refuses %s = %j in a count before any request", async (name, value) => {
    const { client, requests } = testClient(() => json(0));
    await expect(client.apiTokens.count(ORG, { [name]: value } as never)).rejects.toMatchObject({
      name: "InvalidInputError",
      parameter: name,
    });
    expect(requests).toHaveLength(0);
  });

  it("refuses a non-string tokenLabel before any request", async () => {
    const { client, requests } = testClient(() => json([]));
    await expect(client.serviceAccounts.listTokens(ORG, "sa", { tokenLabel: 1 } as never)).rejects.toThrow(
      InvalidInputError,
    );
    expect(requests).toHaveLength(0);
  });

  it.each<[string, () => unknown]>([
    ["statuss", () => client().apiTokens.list(ORG, { statuss: "ALLOWED" } as never)],
    ["sort", () => client().apiTokens.count(ORG, { sort: "label" } as never)],
    ["pageSize", () => client().apiTokens.count(ORG, { pageSize: 10 } as never)],
    ["label", () => client().serviceAccounts.listTokens(ORG, "sa", { label: "x" } as never)],
  ])("refuses the unknown query parameter %s before any request, listing the known ones", async (name, send) => {
    requestsSent.length = 0;
    const error = await Promise.resolve()
      .then(send)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ parameter: name });
    expect((error as Error).message).toMatch(new RegExp(`Unknown query parameter "${name}": \\w+Query takes \\w+`));
    expect(requestsSent).toHaveLength(0);
  });

  it.each<[string, string, () => unknown]>([
    ["signal", "a plain object", () => client().apiTokens.count(ORG, {}, { signal: {} as AbortSignal })],
    ["signal", "a walk's", () => client().apiTokens.list(ORG, {}, { signal: "x" as never })],
    [
      "signal",
      "a look-alike without removeEventListener",
      () =>
        client().serviceAccounts.revokeTokens(ORG, "sa", {
          signal: { aborted: false, addEventListener() {} } as never,
        }),
    ],
    ["startCursor", "a number", () => client().apiTokens.list(ORG, {}, { startCursor: 5 as never })],
    ["timeout", "an unknown option", () => client().apiTokens.revokeAll(ORG, { timeout: 5 } as never)],
    ["options", "a string", () => client().serviceAccounts.revokeTokens(ORG, "sa", "fast" as never)],
  ])("refuses a per-call %s (%s) before any request", async (parameter, _what, send) => {
    requestsSent.length = 0;
    const error = await Promise.resolve()
      .then(send)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ parameter });
    expect(requestsSent).toHaveLength(0);
  });

  it("sends the default pageSize for a pageSize set to undefined, as when it is absent", async () => {
    const { client, requests } = testClient(() => json({ data: [], links: {} }));
    await client.apiTokens.list(ORG, { pageSize: undefined });
    expect(requests[0]?.query.get("pageSize")).toBe("1000");
  });

  it("sends nothing for a query parameter set to undefined", async () => {
    const { client, requests } = testClient(() => json(4));
    await expect(client.apiTokens.count(ORG, { status: undefined, q: "deploy" })).resolves.toBe(4);
    expect([...(requests[0]?.query.keys() ?? [])]).toEqual(["q"]);
  });

  it("refuses a query parameter of the wrong kind, as the spec types it", async () => {
    const { client } = testClient(() => json(4));
    await expect(client.apiTokens.count(ORG, { createdAtValue: "7" } as never)).rejects.toMatchObject({
      parameter: "createdAtValue",
      message: 'createdAtValue must be an integer from 0 to 2147483647; got "7"',
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ["pageSize", { pageSize: 2 ** 31 }],
    ["pageSize", { pageSize: 1e21 }],
    ["createdAtValue", { createdAtSearchType: "gt", createdAtUom: "day", createdAtValue: 2 ** 31 }],
  ])("refuses %s beyond int32 (%j), as the spec types it, before any request", async (parameter, query) => {
    const { client, requests } = testClient(() => json({ data: [], links: {} }));
    await expect(client.apiTokens.list(ORG, query as never)).rejects.toMatchObject({ parameter });
    expect(requests).toHaveLength(0);
  });

  it("takes the largest int32", async () => {
    const { client, requests } = testClient(() => json(1));
    const query = { createdAtSearchType: "gt", createdAtUom: "day", createdAtValue: 2 ** 31 - 1 };
    await expect(client.apiTokens.count(ORG, query)).resolves.toBe(1);
    expect(requests[0]?.query.get("createdAtValue")).toBe("2147483647");
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["createdAtUom", { createdAtSearchType: "gt", createdAtValue: 90 }, /createdAtSearchType "gt" needs createdAtUom/],
    ["lastActiveAtValue", { lastActiveAtSearchType: "lt", lastActiveAtUom: "day" }, /"lt" needs lastActiveAtValue/],
    ["createdAtSearchType", { createdAtSearchType: "range" }, /"range" needs createdAtFrom and\/or createdAtTo/],
    ["lastActiveAtUom", { lastActiveAtUom: "day", lastActiveAtValue: 90 }, /set lastActiveAtSearchType too/],
    ["createdAtFrom", { createdAtFrom: "2026-01-01T00:00:00Z" }, /createdAtFrom takes part in a search/],
    ["lastActiveAtRangeTo", { lastActiveAtRangeTo: "2026-01-01T00:00:00Z" }, /set lastActiveAtSearchType too/],
  ])("refuses a date search the API cannot run (%s: %j), before any request", async (parameter, query, message) => {
    const { client, requests } = testClient(() => json(1));
    await expect(client.apiTokens.count(ORG, query as never)).rejects.toMatchObject({
      parameter,
      message: expect.stringMatching(message),
    });
    await expect(client.apiTokens.list(ORG, query as never)).rejects.toMatchObject({ parameter });
    expect(requests).toHaveLength(0);
  });

  it.each<Record<string, unknown>>([
    { createdAtSearchType: "gt", createdAtUom: "day", createdAtValue: 90 },
    { lastActiveAtSearchType: "range", lastActiveAtFrom: "2026-01-01T00:00:00Z" },
    { lastActiveAtSearchType: "range", lastActiveAtTo: "2026-01-01T00:00:00Z" },
    { createdAtSearchType: "range", createdAtRangeFrom: "2026-01-01T00:00:00Z" },
    // A search type the SDK does not know is the API's to judge.
    { createdAtSearchType: "GT" },
    { lastActiveAtSearchType: "between", lastActiveAtFrom: "2026-01-01T00:00:00Z" },
  ])("sends a date search it can run, or does not know (%j)", async (query) => {
    const { client, requests } = testClient(() => json(1));
    await expect(client.apiTokens.count(ORG, query as never)).resolves.toBe(1);
    expect(requests).toHaveLength(1);
  });

  it("refuses a string value with a lone UTF-16 surrogate, naming it, before any request", async () => {
    const { client, requests } = testClient(() => json(1));
    await expect(client.apiTokens.count(ORG, { q: "x\uD800" })).rejects.toMatchObject({
      name: "InvalidInputError",
      parameter: "q",
    });
    await expect(client.apiTokens.list(ORG, { status: "\uDC00y" })).rejects.toMatchObject({ parameter: "status" });
    await expect(client.serviceAccounts.listTokens(ORG, "sa-1", { tokenLabel: "\uDC00" })).rejects.toMatchObject({
      parameter: "tokenLabel",
    });
    await expect(client.apiTokens.list(ORG, {}, { startCursor: "c\uD800" })).rejects.toMatchObject({
      parameter: "startCursor",
    });
    expect(requests).toHaveLength(0);
    // A whole pair is a character like any other.
    await expect(client.apiTokens.count(ORG, { q: "🚀" })).resolves.toBe(1);
    expect(requests[0]?.query.get("q")).toBe("🚀");
  });

  it("neither checks nor sends keys a query inherits: only its own, as JSON.stringify would", async () => {
    const { client, requests } = testClient((request) =>
      json(request.route.endsWith("/count") ? 1 : request.route.includes("service-accounts") ? [] : { data: [] }),
    );
    const inherited = { statuss: "x", createdAtSearchType: "gt", tokenLabel: 5, pageSize: 0 };
    const query = (own: object = {}) => Object.assign(Object.create(inherited), own);
    await expect(client.apiTokens.count(ORG, query({ status: "ALLOWED" }))).resolves.toBe(1);
    await expect(client.serviceAccounts.listTokens(ORG, "sa-1", query())).resolves.toEqual([]);
    await client.apiTokens.list(ORG, query({ pageSize: 5 }));
    expect(requests.map((r) => r.query.toString())).toEqual(["status=ALLOWED", "", "pageSize=5"]);
    // A key of its own that is not enumerable is not sent either, so it is not checked as if it were.
    const hidden = Object.defineProperty({ createdAtSearchType: "gt", createdAtUom: "day" }, "createdAtValue", {
      value: 5,
      enumerable: false,
    });
    await expect(client.apiTokens.count(ORG, hidden)).rejects.toMatchObject({ parameter: "createdAtValue" });
  });

  it("reads each query value once, so the value checked is the value sent", async () => {
    const { client, requests } = testClient((request) =>
      json(request.route.endsWith("/count") ? 1 : request.route.includes("service-accounts") ? [] : { data: [] }),
    );
    // Each getter answers a valid value the first time it is read, and an invalid one after.
    const once = <T>(first: T, later: unknown) => {
      let reads = 0;
      return () => (reads++ === 0 ? first : later);
    };
    const pageSize = once(10, 0);
    const status = once("ALLOWED", { nested: 1 });
    const tokenLabel = once("deploy", "x\uD800");
    await client.apiTokens.list(ORG, {
      get pageSize() {
        return pageSize() as number;
      },
    });
    await expect(
      client.apiTokens.count(ORG, {
        get status() {
          return status() as string;
        },
      }),
    ).resolves.toBe(1);
    await expect(
      client.serviceAccounts.listTokens(ORG, "sa-1", {
        get tokenLabel() {
          return tokenLabel() as string;
        },
      }),
    ).resolves.toEqual([]);
    expect(requests.map((r) => r.query.toString())).toEqual(["pageSize=10", "status=ALLOWED", "tokenLabel=deploy"]);
  });

  it("takes a real AbortSignal and a startCursor", async () => {
    const { client, requests } = testClient(() => json({ data: [], links: {} }));
    const page = await client.apiTokens.list(ORG, {}, { signal: new AbortController().signal, startCursor: "c9" });
    expect(page.data).toEqual([]);
    expect(requests[0]?.query.get("cursor")).toBe("c9");
  });

  it("refuses a countTokens ids that is not an array before any request", async () => {
    const { client, requests } = testClient(() => json({}));
    await expect(client.serviceAccounts.countTokens(ORG, "sa-1" as never)).rejects.toMatchObject({ parameter: "ids" });
    expect(requests).toHaveLength(0);
  });
});

describe("createClient options", () => {
  it.each<[Record<string, unknown>, string]>([
    [{ timeout: "5000" }, 'timeout must be an integer >= 1; got "5000"'],
    [{ logLevel: 3n }, "logLevel must be one of off, error, warn, info, debug; got 3n"],
    [{ concurrency: { n: 4 } }, "concurrency must be an integer >= 1; got an object"],
    [{ maxRetries: Number.NaN }, "maxRetries must be an integer >= 0; got NaN"],
    [{ maxResponseBytes: 2.5 }, "maxResponseBytes must be an integer >= 1; got 2.5"],
  ])("says what was given for a number or a choice: %o", (given, message) => {
    expect((thrown(() => createClient({ apiKey: API_KEY, ...given } as never)) as Error).message).toBe(message);
  });

  it("refuses an unknown option, naming it", () => {
    const error = thrown(() => createClient({ apiKey: API_KEY, retries: 2 } as never));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ parameter: "retries" });
    expect((error as Error).message).toContain("Unknown createClient option(s): retries");
  });

  it.each<[string, Record<string, unknown>]>([
    ["apiKey", { apiKey: "" }],
    ["apiKey", { apiKey: "   " }],
    ["apiKey", {}],
    ["headers", { apiKey: API_KEY, headers: { authorization: "Bearer x" } }],
    ["maxRetries", { apiKey: API_KEY, maxRetries: -1 }],
    ["timeout", { apiKey: API_KEY, timeout: 0 }],
    ["timeout", { apiKey: API_KEY, timeout: 2 ** 31 }],
    ["maxRetryDelay", { apiKey: API_KEY, maxRetryDelay: 2 ** 31 }],
    ["concurrency", { apiKey: API_KEY, concurrency: 1.5 }],
    ["apiKey", { apiKey: `${API_KEY}\n# rotated 2026-11` }],
    ["apiKey", { apiKey: `${API_KEY}\u0000` }],
    ["apiKey", { apiKey: "two words" }],
    ["apiKey", { apiKey: `${API_KEY}\u200b` }],
    ["baseUrl", { apiKey: API_KEY, baseUrl: "api.atlassian.com/admin/api-access/v1" }],
    ["baseUrl", { apiKey: API_KEY, baseUrl: "ftp://127.0.0.1/x" }],
    ["baseUrl", { apiKey: API_KEY, baseUrl: 42 }],
    ["baseUrl", { apiKey: API_KEY, baseUrl: "http://user:pw@127.0.0.1:4321/admin/api-access/v1" }],
    ["baseUrl", { apiKey: API_KEY, baseUrl: "https://user@api.atlassian.com/admin/api-access/v1" }],
    ["baseUrl", { apiKey: API_KEY, baseUrl: "http://127.0.0.1:4321/admin/api-access/v1?x=1" }],
    ["baseUrl", { apiKey: API_KEY, baseUrl: "http://127.0.0.1:4321/admin/api-access/v1?" }],
    ["baseUrl", { apiKey: API_KEY, baseUrl: "http://127.0.0.1:4321/admin/api-access/v1#frag" }],
    ['headers["X-A"]', { apiKey: API_KEY, headers: { "X-A": "a\nb" } }],
    ['headers["X-A"]', { apiKey: API_KEY, headers: { "X-A": 5 } }],
    ['headers["bad name"]', { apiKey: API_KEY, headers: { "bad name": "v" } }],
    ['headers["X-A"]', { apiKey: API_KEY, headers: { "X-A": "a\u0001b" } }],
    ['headers["X-A"]', { apiKey: API_KEY, headers: { "X-A": "a\u007fb" } }],
    ['headers["Transfer-Encoding"]', { apiKey: API_KEY, headers: { "Transfer-Encoding": "chunked" } }],
    ['headers["keep-alive"]', { apiKey: API_KEY, headers: { "keep-alive": "timeout=5" } }],
    ['headers["Upgrade"]', { apiKey: API_KEY, headers: { Upgrade: "h2c" } }],
    ['headers["Expect"]', { apiKey: API_KEY, headers: { Expect: "100-continue" } }],
    ['headers["Connection"]', { apiKey: API_KEY, headers: { Connection: "upgrade" } }],
    ["headers", { apiKey: API_KEY, headers: new Headers({ "X-Trace": "1" }) }],
    ["headers", { apiKey: API_KEY, headers: "X-Trace: 1" }],
    ["headers", { apiKey: API_KEY, headers: [["X-Trace", "1"]] }],
    ["fetch", { apiKey: API_KEY, fetch: null }],
    ["fetch", { apiKey: API_KEY, fetch: "fetch" }],
    ["userAgent", { apiKey: API_KEY, userAgent: "me\r\nX-Injected: 1" }],
    ["logLevel", { apiKey: API_KEY, logLevel: "none" }],
    ["logBodies", { apiKey: API_KEY, logBodies: "all" }],
    ["logger", { apiKey: API_KEY, logger: {} }],
    ["logger", { apiKey: API_KEY, logger: { debug() {}, info() {}, warn() {} } }],
  ])("refuses a bad %s (%j)", (parameter, options) => {
    const error = thrown(() => createClient(options as unknown as ClientOptions));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ parameter });
    // No message quotes the key, whatever was wrong with it.
    expect((error as Error).message).not.toContain("CANARY");
  });

  it("sends the connection headers fetch takes: Connection close or keep-alive, TE", async () => {
    for (const headers of [{ Connection: "close" }, { Connection: "Keep-Alive" }, { TE: "trailers" }]) {
      const { client, requests } = testClient(() => json(3), { headers });
      await expect(client.apiTokens.count(ORG)).resolves.toBe(3);
      const [name, value] = Object.entries(headers)[0] as [string, string];
      expect(requests[0]?.headers.get(name)).toBe(value);
    }
  });

  it("takes options inherited from a prototype, as a class's getter is", async () => {
    const { fetch } = recordingFetch(() => json(3));
    const options = Object.assign(Object.create({ apiKey: API_KEY }) as ClientOptions, { baseUrl: BASE_URL, fetch });
    await expect(createClient(options).apiTokens.count(ORG)).resolves.toBe(3);
  });

  it("sends a header value with a tab or a Latin-1 character, as HTTP allows", async () => {
    const { client, requests } = testClient(() => json(3), { headers: { "X-Note": "a\tb\u00e9" } });
    await expect(client.apiTokens.count(ORG)).resolves.toBe(3);
    expect(requests[0]?.headers.get("x-note")).toBe("a\tb\u00e9");
  });

  it("reads each option once: a getter answering differently later cannot get past the checks", async () => {
    let reads = 0;
    const options = {
      apiKey: API_KEY,
      get userAgent() {
        reads += 1;
        return reads === 1 ? "me" : "me\r\nX-Injected: 1";
      },
    };
    const { fetch, requests } = recordingFetch(() => json(3));
    const client = createClient(Object.assign(options, { baseUrl: BASE_URL, fetch }));
    await expect(client.apiTokens.count(ORG)).resolves.toBe(3);
    expect(requests[0]?.headers.get("user-agent")).toBe("me");
    expect(reads).toBe(1);
  });

  it("takes headers made in another realm, or without a prototype", async () => {
    for (const headers of [
      runInNewContext('({ "X-Trace": "1" })') as Record<string, string>,
      Object.assign(Object.create(null) as Record<string, string>, { "X-Trace": "1" }),
    ]) {
      const { client, requests } = testClient(() => json(3), { headers });
      await expect(client.apiTokens.count(ORG)).resolves.toBe(3);
      expect(requests[0]?.headers.get("x-trace")).toBe("1");
    }
  });

  it("sends a key read with its final newline, without the newline", async () => {
    const { client, requests } = testClient(() => json(3), { apiKey: `  ${API_KEY}\n` });
    await expect(client.apiTokens.count(ORG)).resolves.toBe(3);
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
  });

  it("never quotes the password of a baseUrl with credentials, and names the query of one that has it", () => {
    const withPassword = thrown(() => createClient({ apiKey: API_KEY, baseUrl: "http://user:hunter2@127.0.0.1/v1" }));
    expect((withPassword as Error).message).toMatch(/must not carry a user name or password/);
    expect((withPassword as Error).message).not.toContain("hunter2");
    const withQuery = thrown(() => createClient({ apiKey: API_KEY, baseUrl: "http://127.0.0.1/v1?x=1" }));
    expect((withQuery as Error).message).toContain(
      'must not have a query or fragment (?... or #...), which the paths would be appended to; got "http://127.0.0.1/v1" with one',
    );
  });

  it.each([
    `not a url ${API_KEY}`,
    `https://api.example.test/${API_KEY}?x=1`,
    `https://api.example.test/${API_KEY}#top`,
  ])("masks the key in a baseUrl it refuses (%s)", (baseUrl) => {
    const error = thrown(() => createClient({ apiKey: API_KEY, baseUrl }));
    expect(error).toMatchObject({ parameter: "baseUrl" });
    expect((error as Error).message).toContain("[REDACTED]");
    expect((error as Error).message).not.toContain(API_KEY);
  });

  it("takes the longest timeout a timer can wait, and waits it: the request is answered, no timer overflows", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const client = createClient({
        apiKey: API_KEY,
        timeout: 2 ** 31 - 1,
        maxRetryDelay: 2 ** 31 - 1,
        maxRetries: 0,
        fetch: async () => {
          await new Promise((resolve) => setTimeout(resolve, 30));
          return json(7);
        },
      });
      await expect(client.apiTokens.count(ORG)).resolves.toBe(7);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.name)).not.toContain("TimeoutOverflowWarning");
    } finally {
      process.off("warning", onWarning);
    }
  });
});

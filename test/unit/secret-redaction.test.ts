import { inspect } from "node:util";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { AdminApiError, createClient, InvalidInputError } from "../../src/index.js";
import { scrubSecret } from "../../src/redact.js";
import { API_KEY, json, ORG, testClient } from "../helpers/recording-fetch.js";

/** Every way an error can be shown: message, stack, JSON, and inspect with its cause chain. */
function views(error: unknown): string {
  const e = error as Error;
  return [String(e), e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })].join("\n");
}

describe("the API key in errors", () => {
  it.each([400, 401, 403, 404, 429, 500, 503])(
    "appears nowhere in a %i error, even when the server echoes it",
    async (status) => {
      const { client, requests } = testClient(() =>
        json({ message: `bad key ${API_KEY}`, errors: [{ detail: `Authorization: Bearer ${API_KEY}` }] }, status),
      );
      const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AdminApiError);
      expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
      expect((error as AdminApiError).request?.headers.authorization).toBe("Bearer [REDACTED]");
      const shown = views(error);
      expect(shown).toContain("[REDACTED]");
      expect(shown).not.toContain(API_KEY);
    },
  );

  it("appears nowhere in a connection error whose cause quotes it", async () => {
    const { client } = testClient(() => Promise.reject(new TypeError(`socket hang up, sent Bearer ${API_KEY}`)));
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConnectionError" });
    expect(views(error)).not.toContain(API_KEY);
  });

  it("appears nowhere in a connection error's message, which quotes the causes the error wraps", async () => {
    const inner = new AggregateError([new Error(`proxy refused Bearer ${API_KEY}`)], "");
    const { client } = testClient(() => Promise.reject(new TypeError("fetch failed", { cause: inner })));
    const error = (await client.apiTokens.count(ORG).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("fetch failed; cause: AggregateError: proxy refused Bearer [REDACTED]");
    expect(views(error)).not.toContain(API_KEY);
  });

  it.each([
    [
      "the request a fetch wrapper attached",
      (r: Request) => Object.assign(new TypeError("fetch failed"), { request: r }),
      "request: '[Request]'",
    ],
    [
      "the options an HTTP library attached",
      () => Object.assign(new Error("failed"), { config: { headers: { Authorization: `Bearer ${API_KEY}` } } }),
      "Authorization: 'Bearer [REDACTED]'",
    ],
    [
      "an AggregateError's inner errors",
      () => new AggregateError([new Error(`with ${API_KEY}`)], "all failed"),
      "with [REDACTED]",
    ],
    [
      "a cycle through the cause",
      () => {
        const error = new Error("outer", { cause: { token: API_KEY } });
        Object.assign(error.cause as object, { self: error });
        return error;
      },
      "token: '[REDACTED]'",
    ],
  ])("appears nowhere in a connection error whose cause holds %s", async (_, cause, shown) => {
    const { client } = testClient((_, __, raw) => Promise.reject(cause(raw.request)));
    const error = (await client.apiTokens.count(ORG).catch((e: unknown) => e)) as AdminApiError;
    expect(error).toMatchObject({ name: "ConnectionError" });
    expect(views(error)).not.toContain(API_KEY);
    expect(inspect(error.cause, { depth: 20, showHidden: true })).toContain(shown);
  });

  it.each([
    [
      "a fetch failure with its errno",
      () =>
        new TypeError("fetch failed", {
          cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED", port: 9 }),
        }),
    ],
    ["an error from another realm", () => runInNewContext('new TypeError("socket hang up")') as Error],
    [
      "an error carrying a Date and a URL",
      () => Object.assign(new Error("failed"), { at: new Date(0), url: new URL("https://api.example.test/x") }),
    ],
  ])("keeps a connection error's cause itself when nothing in it can show the key: %s", async (_, cause) => {
    const original = cause();
    const { client } = testClient(() => Promise.reject(original));
    const error = (await client.apiTokens.count(ORG).catch((e: unknown) => e)) as AdminApiError;
    expect(error.cause).toBe(original);
  });

  it("appears nowhere in the request an error shows when a header of the caller's own carries it", async () => {
    const { client, requests } = testClient(() => json({}, 403), {
      headers: { "X-Gateway-Auth": `Bearer ${API_KEY}` },
    });
    const error = (await client.apiTokens.count(ORG).catch((e: unknown) => e)) as AdminApiError;
    expect(requests[0]?.headers.get("x-gateway-auth")).toBe(`Bearer ${API_KEY}`);
    expect(error.request?.headers["x-gateway-auth"]).toBe("Bearer [REDACTED]");
    expect(views(error)).not.toContain(API_KEY);
  });

  it("appears nowhere in a cause's symbol-keyed property, which inspect prints too", async () => {
    const cause = Object.assign(new TypeError("fetch failed"), {
      [Symbol("request")]: { authorization: `Bearer ${API_KEY}` },
    });
    const { client } = testClient(() => Promise.reject(cause));
    const error = (await client.apiTokens.count(ORG).catch((e: unknown) => e)) as AdminApiError;
    expect(error).toMatchObject({ name: "ConnectionError" });
    expect(views(error)).not.toContain(API_KEY);
    expect(inspect(error.cause, { depth: 10 })).toContain("[Symbol(request)]: { authorization: 'Bearer [REDACTED]' }");
  });

  it("replaces a cause that cannot be read safely with a note, still a ConnectionError", async () => {
    const cause = Object.defineProperty(new Error(`with ${API_KEY}`), "detail", {
      enumerable: true,
      get() {
        throw new Error("getter");
      },
    });
    const { client } = testClient(() => Promise.reject(cause));
    const error = (await client.apiTokens.count(ORG).catch((e: unknown) => e)) as AdminApiError;
    expect(error).toMatchObject({ name: "ConnectionError" });
    expect(String(error.cause)).toBe("Error: The cause could not be read safely, so it is not shown.");
    expect(views(error)).not.toContain(API_KEY);
  });

  it("appears nowhere in an error about a huge body that repeats it", async () => {
    const huge = Array.from({ length: 20_000 }, () => API_KEY).join(" ");
    const { client } = testClient(() => json({ message: huge }, 400));
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect(views(error)).not.toContain(API_KEY);
  });

  it("appears nowhere in an options error or the inspected client", () => {
    const error = (() => {
      try {
        createClient({ apiKey: API_KEY, retries: 2 } as never);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(views(error)).not.toContain(API_KEY);
    const { client } = testClient(() => json(0));
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(API_KEY);
    expect(JSON.stringify(client)).not.toContain(API_KEY);
  });
});

describe("a key cut short inside a quoted body", () => {
  const start = API_KEY.slice(0, 8);

  it("is not quoted by a count check's excerpt of the body", async () => {
    const { client } = testClient(() => json(`${API_KEY} is not a number`));
    const error = await client.apiTokens.count(ORG).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/the count is not a whole number >= 0 \("\[REDACTED\] is not a n/);
    expect(views(error)).not.toContain(start);
  });

  it("is not quoted by JSON.parse's excerpt of a body that does not parse", async () => {
    const body = `{"data": [], "k": ${API_KEY}}`;
    const { client } = testClient(() => new Response(body, { headers: { "content-type": "application/json" } }));
    const error = await client.apiTokens.list(ORG).then(undefined, (e: unknown) => e);
    expect((error as Error).message).toContain("the body is not valid JSON");
    expect(((error as Error).cause as Error).message).toBe("Unexpected token 'C' (the body is not quoted)");
    expect(views(error)).not.toContain(start);
  });
});

describe("scrubSecret", () => {
  const key = "ATATT3xFfGF0-abc_def=1A2B3C4D";

  it("replaces the key as it is, percent-encoded, form-encoded and JSON-escaped", () => {
    const quoted = `${key}"\\`;
    const text = [key, encodeURIComponent(key), new URLSearchParams({ q: key }).toString(), JSON.stringify(quoted)];
    expect(scrubSecret(text.join(" "), key)).toBe('[REDACTED] [REDACTED] q=[REDACTED] "[REDACTED]\\"\\\\"');
    expect(scrubSecret(JSON.stringify(quoted), quoted)).toBe('"[REDACTED]"');
  });

  it('replaces the key in a query as the URL parser writes it, which encodes the "\'" encodeURIComponent leaves', async () => {
    const key = "ATATT3xFfGF0-kL'm(n)*o!p=ABCD1234";
    const { client } = testClient(() => json({}, 500), { apiKey: key });
    const error = await client.apiTokens.count(ORG, { q: key }).catch((e: unknown) => e);
    expect((error as AdminApiError).request?.url).toMatch(/\?q=\[REDACTED\]$/);
    expect(views(error)).not.toContain("kL%27m(n)");
  });

  it("leaves text alone for a key too short to be a real one, rather than shred it", () => {
    expect(scrubSecret("GET /orgs/org-1/api-tokens/count", "k")).toBe("GET /orgs/org-1/api-tokens/count");
  });
});

/** The same fault cases over real sockets: the sandbox on 127.0.0.1 acts them out. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ConnectionError,
  createClient,
  InvalidResponseError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from "../../src/index.js";
import { type Fault, type Sandbox, startSandbox } from "../../src/testing/index.js";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ tokens: 30 });
});
afterAll(async () => {
  await sb.close();
});

const client = (options: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ apiKey: sb.apiKey, baseUrl: sb.baseUrl, timeout: 500, ...options });
const total = () => sb.tokens().length;
let before = 0;
beforeEach(() => {
  before = sb.requests.length;
});
const sent = () => sb.requests.length - before;

describe("faults over real sockets", () => {
  it.each<[string, Fault]>([
    ["429 with Retry-After in seconds", { kind: "429", retryAfter: 1 }],
    ["429 with Retry-After as an HTTP-date", { kind: "429", retryAfter: new Date(Date.now() + 1_000) }],
    ["429 with Retry-After 0", { kind: "429", retryAfter: "0" }],
    ["429 with a garbage Retry-After", { kind: "429", retryAfter: "soon" }],
    ["429 with only X-RateLimit-Reset", { kind: "429", resetAfterSeconds: 1 }],
    ["500 with HTML", { kind: "server-error", status: 500 }],
    ["502 with HTML", { kind: "server-error", status: 502 }],
    ["503 with HTML", { kind: "server-error", status: 503 }],
    ["504 with HTML", { kind: "server-error", status: 504 }],
    ["a reset connection", { kind: "reset" }],
    ["a response that never comes", { kind: "hang" }],
  ])("recovers from %s", async (_, fault) => {
    sb.fault(fault);
    await expect(client().apiTokens.count(sb.orgId)).resolves.toBe(total());
    expect(sent()).toBe(2);
  });

  it("throws RateLimitError when 429s outlast the retries", async () => {
    sb.fault(...Array.from({ length: 2 }, () => ({ kind: "429", retryAfter: "0" }) as const));
    await expect(client({ maxRetries: 1 }).apiTokens.count(sb.orgId)).rejects.toBeInstanceOf(RateLimitError);
  });

  it("throws ServerError when 5xx outlast the retries", async () => {
    sb.fault({ kind: "server-error", status: 503 }, { kind: "server-error", status: 503 });
    await expect(client({ maxRetries: 1 }).apiTokens.count(sb.orgId)).rejects.toBeInstanceOf(ServerError);
  });

  it("throws PermissionDeniedError naming the scope for a 403, without retrying", async () => {
    sb.fault({ kind: "forbidden" });
    const error = await client()
      .apiTokens.count(sb.orgId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).status).toBe(403);
    expect((error as Error).message).toMatch(/needs the scope read:tokens:admin/);
    expect(sent()).toBe(1);
  });

  it("throws ConnectionError when every attempt is reset", async () => {
    sb.fault({ kind: "reset" }, { kind: "reset" });
    const error = await client({ maxRetries: 1 })
      .apiTokens.count(sb.orgId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBeDefined();
  });

  it("throws TimeoutError when every attempt hangs", async () => {
    sb.fault({ kind: "hang" }, { kind: "hang" });
    await expect(client({ maxRetries: 1, timeout: 200 }).apiTokens.count(sb.orgId)).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });

  it.each<[string, Fault]>([
    ["truncated JSON on 200", { kind: "truncated-json" }],
    ["a 200 with the wrong content type", { kind: "wrong-content-type" }],
    ["a page whose data is not an array", { kind: "data-not-array" }],
  ])("throws InvalidResponseError for %s", async (_, fault) => {
    sb.fault(fault);
    await expect(client().apiTokens.list(sb.orgId).toArray({ limit: 100 })).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });

  it("stops on a repeated cursor instead of looping", async () => {
    sb.fault({ kind: "repeat-cursor", match: { method: "GET" } }, { kind: "repeat-cursor", match: { method: "GET" } });
    const walk = client().apiTokens.list(sb.orgId, { pageSize: 10 }).toArray({ limit: 1_000 });
    await expect(walk).rejects.toBeInstanceOf(InvalidResponseError);
    expect(sent()).toBeLessThanOrEqual(3);
  });

  it("lists every token exactly once while the sandbox injects random faults", async () => {
    const flaky = await startSandbox({ tokens: 300, faultRate: 0.1, seed: 7 });
    try {
      const c = createClient({ apiKey: flaky.apiKey, baseUrl: flaky.baseUrl, timeout: 500, maxRetries: 8 });
      const ids: string[] = [];
      for await (const token of c.apiTokens.list(flaky.orgId, { pageSize: 20 })) ids.push(token.id);
      expect(ids).toEqual(flaky.tokens().map((t) => t.id));
      expect(flaky.requests.length).toBeGreaterThan(15);
    } finally {
      await flaky.close();
    }
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { call } from "./sandbox-client.js";

const rateLimitHeaders = (response: Response) => ({
  limit: response.headers.get("x-ratelimit-limit"),
  remaining: response.headers.get("x-ratelimit-remaining"),
  reset: response.headers.get("x-ratelimit-reset"),
});

describe("the 429 fault's headers", () => {
  let sb: Sandbox | undefined;
  afterEach(() => sb?.close());

  it.each([2.5, 0.1, 1e-7])("refuses retryAfter %s, which is not whole seconds", async (retryAfter) => {
    sb = await startSandbox({ tokens: 1 });
    expect(() => sb?.fault({ kind: "429", retryAfter })).toThrow(/retryAfter must be whole seconds/);
  });

  it("sends the configured limit, none left, and Reset resetAfterSeconds ahead", async () => {
    sb = await startSandbox({ tokens: 1, rateLimit: { limit: 50, windowMs: 60_000 } });
    sb.fault({ kind: "429", retryAfter: 7, resetAfterSeconds: 30 });
    const response = await call(sb, "/api-tokens/count");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    const { limit, remaining, reset } = rateLimitHeaders(response);
    expect({ limit, remaining }).toEqual({ limit: "50", remaining: "0" });
    expect(Date.parse(reset ?? "") - Date.now()).toBeGreaterThan(25_000);
  });

  it("sends no X-RateLimit-* with rateLimit: false, only the Retry-After it is given", async () => {
    sb = await startSandbox({ tokens: 1, rateLimit: false });
    sb.fault({ kind: "429", retryAfter: 3 }, { kind: "429" });
    const given = await call(sb, "/api-tokens/count");
    expect(given.status).toBe(429);
    expect(given.headers.get("retry-after")).toBe("3");
    expect(rateLimitHeaders(given)).toEqual({ limit: null, remaining: null, reset: null });
    const bare = await call(sb, "/api-tokens/count");
    expect(bare.status).toBe(429);
    expect(bare.headers.get("retry-after")).toBeNull();
    expect(rateLimitHeaders(bare)).toEqual({ limit: null, remaining: null, reset: null });
  });
});

describe("X-RateLimit-* on injected faults", () => {
  let sb: Sandbox | undefined;
  afterEach(() => sb?.close());

  it("carries the budget on every answered fault, which uses none of it", async () => {
    sb = await startSandbox({ tokens: 3, rateLimit: { limit: 50, windowMs: 60_000 } });
    expect(rateLimitHeaders(await call(sb, "/api-tokens/count")).remaining).toBe("49");
    sb.fault(
      { kind: "server-error", status: 503 },
      { kind: "forbidden" },
      { kind: "truncated-json" },
      { kind: "wrong-content-type" },
      { kind: "data-not-array" },
      { kind: "repeat-cursor" },
    );
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await call(sb, "/api-tokens");
      statuses.push(response.status);
      const { limit, remaining, reset } = rateLimitHeaders(response);
      expect({ limit, remaining: Number(remaining) }).toEqual({ limit: "50", remaining: expect.any(Number) });
      expect(Date.parse(reset ?? "")).toBeGreaterThan(Date.now());
    }
    expect(statuses).toEqual([503, 403, 200, 200, 200, 200]);
    // The 503 and 403 answered before the budget; the four distorted answers each used one.
    expect(rateLimitHeaders(await call(sb, "/api-tokens/count")).remaining).toBe("44");
  });

  it("carries them on the random faults of faultRate", async () => {
    sb = await startSandbox({ tokens: 3, faultRate: 1, rateLimit: { limit: 50, windowMs: 60_000 } });
    const answered: Response[] = [];
    for (let i = 0; i < 30 && answered.length < 8; i++) {
      const response = await call(sb, "/api-tokens/count").catch(() => undefined);
      if (response) answered.push(response);
    }
    expect(new Set(answered.map((r) => r.status)).size).toBeGreaterThan(1);
    for (const response of answered) expect(rateLimitHeaders(response).limit).toBe("50");
  });
});

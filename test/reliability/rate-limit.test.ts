import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeApi, json, ORG, settle } from "./fake-api.js";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-11-28T12:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe("client-wide rate limit", () => {
  it("holds every parallel request after one 429 until the window resets", async () => {
    let limited = false;
    const { client, seen } = fakeApi((_, __, i) => {
      if (i === 0) {
        limited = true;
        return json({}, 429, { "retry-after": "4" });
      }
      return json(1);
    });
    const first = client.apiTokens.count(ORG);
    await advance(1);
    expect(limited).toBe(true);
    const others = Promise.all([client.apiTokens.count(ORG), client.apiTokens.count(ORG), client.apiTokens.count(ORG)]);
    await settle(Promise.all([first, others]), advance);
    const start = seen[0]?.at ?? 0;
    expect(seen).toHaveLength(5);
    for (const later of seen.slice(1)) expect(later.at - start).toBeGreaterThanOrEqual(4_000);
  });

  it("waits for the reset when X-RateLimit-Remaining reaches 0 instead of provoking a 429", async () => {
    const reset = new Date(Date.now() + 3_000);
    const { client, seen } = fakeApi((_, __, i) =>
      json(1, 200, {
        "x-ratelimit-limit": "2",
        "x-ratelimit-remaining": i === 0 ? "0" : "1",
        "x-ratelimit-reset": (i === 0 ? reset : new Date(Date.now() + 60_000)).toISOString(),
      }),
    );
    await settle(client.apiTokens.count(ORG), advance);
    await settle(client.apiTokens.count(ORG), advance);
    expect(seen[1]?.at).toBeGreaterThanOrEqual(reset.getTime());
    expect(client.rateLimit).toEqual({ limit: 2, remaining: 1, resetAt: expect.any(Date) });
  });

  it("does not pre-wait for a reset beyond maxRetryDelay (clock skew): the server decides", async () => {
    const { client, seen } = fakeApi(() =>
      json(1, 200, {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": new Date(Date.now() + 3_600_000).toISOString(),
      }),
    );
    await settle(client.apiTokens.count(ORG), advance);
    await settle(client.apiTokens.count(ORG), advance);
    expect((seen[1]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeLessThan(1_000);
  });

  it("carries the latest rate-limit state on errors", async () => {
    const reset = new Date(Date.now() + 120_000).toISOString();
    const { client } = fakeApi(() =>
      json({}, 429, { "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }),
    );
    const error = await settle(client.apiTokens.count(ORG), advance).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, rateLimit: { limit: 100, remaining: 0 } });
    expect((error as { rateLimit: { resetAt: Date } }).rateLimit.resetAt.toISOString()).toBe(reset);
  });
});

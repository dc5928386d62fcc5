import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SLOW_START_END } from "../../src/rate-limit.js";
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

  it("waits for a 429's own reset, not for that of an answer of a longer window it crossed", async () => {
    const minute = new Date(Date.now() + 60_000).toISOString();
    const second = new Date(Date.now() + 1_000).toISOString();
    const { client, seen } = fakeApi((_, __, i) => {
      if (i === 0) {
        const refused = json({}, 429, {
          "retry-after": "1",
          "x-ratelimit-limit": "10",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": second,
        });
        return new Promise<Response>((resolve) => setTimeout(() => resolve(refused), 10));
      }
      const answer = json(1, 200, {
        "x-ratelimit-limit": "100",
        "x-ratelimit-remaining": "99",
        "x-ratelimit-reset": minute,
      });
      // The second request, sent before the 429 arrived, is answered after it: the two answers cross.
      return i === 1 ? new Promise<Response>((resolve) => setTimeout(() => resolve(answer), 50)) : answer;
    });
    await settle(Promise.all([client.apiTokens.count(ORG), client.apiTokens.count(ORG)]), advance, 10);
    const start = seen[0]?.at ?? 0;
    expect(seen.map((r) => r.at - start)).toEqual([0, 0, 1_010]);
  });

  it("after a 429 without headers, waits as that 429 says, not for the reset of the headers before it", async () => {
    const reset = new Date(Date.now() + 30_000).toISOString();
    const { client, seen } = fakeApi((_, __, i) =>
      i === 1
        ? json({}, 429, { "retry-after": "1" })
        : json(1, 200, { "x-ratelimit-limit": "100", "x-ratelimit-remaining": "50", "x-ratelimit-reset": reset }),
    );
    await settle(client.apiTokens.count(ORG), advance, 10);
    await settle(client.apiTokens.count(ORG), advance, 10);
    const start = seen[1]?.at ?? 0;
    expect(seen.slice(1).map((r) => r.at - start)).toEqual([0, 1_000]);
  });

  it("after a 429 without headers that crossed an answer with headers, waits as the 429 says", async () => {
    const reset = new Date(Date.now() + 4_000).toISOString();
    const headered = () =>
      json(1, 200, { "x-ratelimit-limit": "100", "x-ratelimit-remaining": "50", "x-ratelimit-reset": reset });
    const later = (ms: number, answer: Response) =>
      new Promise<Response>((resolve) => setTimeout(() => resolve(answer), ms));
    const { client, seen } = fakeApi((_, __, i) =>
      i === 0 ? later(50, headered()) : i === 1 ? later(100, json({}, 429, { "retry-after": "1" })) : headered(),
    );
    await settle(Promise.all([client.apiTokens.count(ORG), client.apiTokens.count(ORG)]), advance, 10);
    const start = seen[0]?.at ?? 0;
    // The 429 (sent before the headers arrived, answered after them) is retried a second after it came.
    expect(seen.map((r) => r.at - start)).toEqual([0, 0, 1_100]);
  });

  describe("after a cool-down, without X-RateLimit-* headers", () => {
    /** Sends per instant, from the first request after `from` (ms since the first request). */
    const burstsAfter = (seen: { at: number }[], from: number) => {
      const start = seen[0]?.at ?? 0;
      const counts = new Map<number, number>();
      for (const { at } of seen) if (at - start > from) counts.set(at - start, (counts.get(at - start) ?? 0) + 1);
      return [...counts.values()];
    };

    it("lets requests return gradually, twice as many per round trip, instead of all at once", async () => {
      // A fixed window of 10 requests a second, a 429 with only Retry-After beyond it, 20 ms per answer.
      const windows = new Map<number, number>();
      let refused = 0;
      const { client, seen } = fakeApi(
        () => {
          const window = Math.floor(Date.now() / 1000);
          const n = (windows.get(window) ?? 0) + 1;
          windows.set(window, n);
          if (n > 10) refused++;
          const answer = n > 10 ? json({}, 429, { "retry-after": "1" }) : json(1);
          return new Promise<Response>((resolve) => setTimeout(() => resolve(answer), 20));
        },
        { maxRetries: 20 },
      );
      const counts = await settle(
        Promise.all(Array.from({ length: 50 }, () => client.apiTokens.count(ORG))),
        advance,
        10,
      );
      expect(counts).toEqual(Array(50).fill(1));
      // The first burst knows nothing of the limit; after its 429s, one request probes alone, and each answer lets
      // one more go: 1, 2, 4, 8 requests at successive round trips.
      expect(burstsAfter(seen, 0).slice(0, 4)).toEqual([1, 2, 4, 8]);
      expect(Math.max(...burstsAfter(seen, 0))).toBeLessThanOrEqual(8);
      // All 40 of the first burst's excess were refused; each window after it refuses only what its ramp overshot.
      expect(refused).toBeLessThan(100);
    });

    it("counts only answers to requests sent after the cool-down", async () => {
      const { client, seen } = fakeApi((_, __, i) => {
        // Sent before the 429 and answered after the cool-down: it says nothing of the new window.
        if (i === 0) return new Promise<Response>((resolve) => setTimeout(() => resolve(json(1)), 1_500));
        if (i === 1) return json({}, 429, { "retry-after": "1" });
        return new Promise<Response>((resolve) => setTimeout(() => resolve(json(1)), 20));
      });
      const slow = client.apiTokens.count(ORG);
      await advance(1);
      const limited = client.apiTokens.count(ORG);
      await advance(10);
      const waiting = [client.apiTokens.count(ORG), client.apiTokens.count(ORG), client.apiTokens.count(ORG)];
      await settle(Promise.all([slow, limited, ...waiting]), advance, 10);
      const start = seen[0]?.at ?? 0;
      const after = seen.slice(2).map((r) => r.at - start);
      // The straggler holds the probe until it answers; then one goes alone, then two.
      expect(after).toEqual([1500, 1520, 1520, 1540]);
    });

    it("ends the ramp once SLOW_START_END requests may be in flight", async () => {
      const { client, seen } = fakeApi((_, __, i) => {
        if (i === 0) return json({}, 429, { "retry-after": "1" });
        return new Promise<Response>((resolve) => setTimeout(() => resolve(json(1)), 20));
      });
      const first = client.apiTokens.count(ORG);
      await advance(1);
      const waiting = Array.from({ length: 99 }, () => client.apiTokens.count(ORG));
      await settle(Promise.all([first, ...waiting]), advance, 10);
      const bursts = burstsAfter(seen, 0);
      expect(SLOW_START_END).toBe(32);
      // 1 + 2 + 4 + 8 + 16 sent; the 31st answer makes room for 32, and the ramp ends: the rest go at once.
      expect(bursts).toEqual([1, 2, 4, 8, 16, 100 - 31]);
    });

    it("paces by the headers as soon as an answer carries them", async () => {
      const reset = new Date(Date.now() + 60_000).toISOString();
      const { client, seen } = fakeApi((_, __, i) => {
        if (i === 0) return json({}, 429, { "retry-after": "1" });
        const answer = json(1, 200, {
          "x-ratelimit-limit": "100",
          "x-ratelimit-remaining": "90",
          "x-ratelimit-reset": reset,
        });
        return new Promise<Response>((resolve) => setTimeout(() => resolve(answer), 20));
      });
      const first = client.apiTokens.count(ORG);
      await advance(1);
      const waiting = Array.from({ length: 9 }, () => client.apiTokens.count(ORG));
      await settle(Promise.all([first, ...waiting]), advance, 10);
      // The probe, then the other nine at once: 90 left is room for all of them.
      expect(burstsAfter(seen, 0)).toEqual([1, 9]);
    });
  });
});

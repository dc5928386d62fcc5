import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { fakeApi, html, json, ORG, pageOf, settle } from "./fake-api.js";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-11-28T12:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A seeded PRNG (mulberry32), so a failing soak run can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

it("lists exactly 20,000 distinct tokens in order while 10% of requests fail at random", async () => {
  const random = prng(20_000);
  const faults = [
    () => json({}, 429, { "retry-after": "1" }),
    () => html(500),
    () => html(502),
    () => html(503),
    () => html(504),
    () => Promise.reject(new TypeError("fetch failed", { cause: new Error("ECONNRESET") })),
    () => new Response("<html>", { status: 502 }),
  ];
  let failures = 0;
  const { client, seen } = fakeApi(
    (_, request) => {
      if (random() < 0.1) {
        failures++;
        return (faults[Math.floor(random() * faults.length)] as () => Response | Promise<Response>)();
      }
      return json(pageOf(20_000, 100, request.query));
    },
    { maxRetries: 10 },
  );
  const ids: string[] = [];
  const walk = (async () => {
    for await (const token of client.apiTokens.list(ORG, { pageSize: 100 })) ids.push(token.id);
  })();
  await settle(walk, (ms) => vi.advanceTimersByTimeAsync(ms), 250);
  expect(ids).toHaveLength(20_000);
  expect(new Set(ids).size).toBe(20_000);
  expect(ids).toEqual(Array.from({ length: 20_000 }, (_, i) => `t${i}`));
  expect(failures).toBeGreaterThan(10);
  expect(seen).toHaveLength(200 + failures);
});

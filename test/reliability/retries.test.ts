import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createClient,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from "../../src/index.js";
import { BASE, fakeApi, html, json, ORG, settle } from "./fake-api.js";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-11-28T12:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const count = (client: ReturnType<typeof fakeApi>["client"]) => settle(client.apiTokens.count(ORG), advance);

/** Fails the first `n` requests with `failure`, then answers a count of 7. */
const failFirst = (n: number, failure: () => Response) => (_: Request, __: unknown, i: number) =>
  i < n ? failure() : json(7, 200);

describe("retries", () => {
  it.each([500, 502, 503, 504])("recovers from %i answered with an HTML page", async (status) => {
    const { client, seen } = fakeApi(failFirst(2, () => html(status)));
    await expect(count(client)).resolves.toBe(7);
    expect(seen).toHaveLength(3);
  });

  it("throws ServerError with the HTML body as text once retries run out", async () => {
    const { client, seen } = fakeApi(() => html(503), { maxRetries: 2 });
    const error = await count(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(503);
    expect((error as ServerError).body).toContain("<html>");
    expect(seen).toHaveLength(3);
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
  ])("never retries %i", async (status, type) => {
    const { client, seen } = fakeApi(() => json({ message: "no" }, status));
    await expect(count(client)).rejects.toBeInstanceOf(type);
    expect(seen).toHaveLength(1);
  });

  it("recovers from connection errors and wraps the last one in ConnectionError with its cause", async () => {
    const reset = new TypeError("fetch failed", { cause: new Error("ECONNRESET") });
    const flaky = fakeApi((_, __, i) => (i < 2 ? Promise.reject(reset) : json(7)));
    await expect(count(flaky.client)).resolves.toBe(7);
    const down = fakeApi(() => Promise.reject(reset), { maxRetries: 1 });
    const error = await count(down.client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBe(reset);
    expect(down.seen).toHaveLength(2);
  });

  it("re-arms the per-attempt timeout for every attempt and throws TimeoutError when all time out", async () => {
    const hang = (signal: AbortSignal) =>
      new Promise<Response>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    const slowFirst = fakeApi((_, __, i, signal) => (i === 0 ? hang(signal) : json(7)), { timeout: 1_000 });
    await expect(count(slowFirst.client)).resolves.toBe(7);
    const allSlow = fakeApi((_, __, ___, signal) => hang(signal), { timeout: 1_000, maxRetries: 2 });
    const error = await count(allSlow.client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(allSlow.seen).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("sends the same body again when it retries a POST", async () => {
    const { client, seen } = fakeApi((_, request, i) =>
      i === 0 ? html(503) : json({ validServiceAccountIds: [], invalidServiceAccountIds: JSON.parse(request.body) }),
    );
    const result = await settle(client.serviceAccounts.countTokens(ORG, ["a", "b"]), advance);
    expect(result.invalidServiceAccountIds).toEqual(["a", "b"]);
    expect(seen.map((s) => s.body)).toEqual(['["a","b"]', '["a","b"]']);
  });

  it("keeps the body it built for the retries, without cloning the request's stream", async () => {
    const clone = vi.spyOn(Request.prototype, "clone");
    try {
      const { client, seen } = fakeApi((_, request, i) =>
        i < 2 ? html(503) : json({ validServiceAccountIds: [], invalidServiceAccountIds: JSON.parse(request.body) }),
      );
      await settle(client.serviceAccounts.countTokens(ORG, ["a"]), advance);
      expect(seen.map((s) => s.body)).toEqual(['["a"]', '["a"]', '["a"]']);
      expect(clone).not.toHaveBeenCalled();
    } finally {
      clone.mockRestore();
    }
  });

  it("sends a body of another kind again too, from a copy read before the first attempt (raw client)", async () => {
    const { client, seen } = fakeApi((_, request, i) =>
      i === 0 ? html(503) : json({ validServiceAccountIds: [], invalidServiceAccountIds: JSON.parse(request.body) }),
    );
    const sent = client.raw.POST("/orgs/{orgId}/service-accounts/count", {
      params: { path: { orgId: ORG } },
      body: ["x", "y"],
      bodySerializer: (body) => new TextEncoder().encode(JSON.stringify(body)),
    });
    const { data } = await settle(sent, advance);
    expect(data?.invalidServiceAccountIds).toEqual(["x", "y"]);
    expect(seen.map((s) => s.body)).toEqual(['["x","y"]', '["x","y"]']);
  });

  it.each([0, 2])(
    "ends with the attempt's ConnectionError, no rejection unhandled, when a body stream fails (raw, maxRetries %i)",
    async (maxRetries) => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on("unhandledRejection", onUnhandled);
      try {
        let attempts = 0;
        // Reads the body as a real fetch sends it: the caller's stream fails it.
        const fetch = async (request: Request) => {
          attempts += 1;
          return json(JSON.parse(await request.text()));
        };
        const client = createClient({ apiKey: "test-key", baseUrl: BASE, fetch, maxRetries });
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('["a"'));
            controller.error(new Error("the caller's stream broke"));
          },
        });
        const sent = client.raw.POST("/orgs/{orgId}/service-accounts/count", {
          params: { path: { orgId: ORG } },
          body: ["unused"],
          bodySerializer: () => body,
          duplex: "half",
        } as Parameters<typeof client.raw.POST>[1]);
        const error = await settle(sent, advance).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConnectionError);
        // Sent once: a retry would have had no body to send.
        expect(attempts).toBe(1);
        await new Promise((resolve) => process.nextTick(resolve));
        await advance(100);
        expect(unhandled).toEqual([]);
      } finally {
        process.off("unhandledRejection", onUnhandled);
      }
    },
  );

  it("does not retry when maxRetries is 0", async () => {
    const { client, seen } = fakeApi(() => html(502), { maxRetries: 0 });
    await expect(count(client)).rejects.toBeInstanceOf(ServerError);
    expect(seen).toHaveLength(1);
  });
});

describe("delays", () => {
  it("waits at least Retry-After seconds", async () => {
    const { client, seen } = fakeApi(failFirst(1, () => json({}, 429, { "retry-after": "3" })));
    await expect(count(client)).resolves.toBe(7);
    expect((seen[1]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(3_000);
  });

  it("waits until a Retry-After HTTP-date", async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    const { client, seen } = fakeApi(failFirst(1, () => json({}, 429, { "retry-after": at })));
    await expect(count(client)).resolves.toBe(7);
    expect((seen[1]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(5_000);
  });

  it.each(["0", "soon", "-1"])("falls back to backoff for Retry-After %j and still retries", async (value) => {
    const { client, seen } = fakeApi(failFirst(2, () => json({}, 429, { "retry-after": value })));
    await expect(count(client)).resolves.toBe(7);
    expect(seen).toHaveLength(3);
    // Full jitter under a 0.5 s then 1 s ceiling.
    expect((seen[2]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeLessThanOrEqual(1_500);
  });

  it("waits until X-RateLimit-Reset for a 429 without Retry-After", async () => {
    const reset = new Date(Date.now() + 7_000).toISOString();
    const { client, seen } = fakeApi(
      failFirst(1, () => json({}, 429, { "x-ratelimit-reset": reset, "x-ratelimit-remaining": "0" })),
    );
    await expect(count(client)).resolves.toBe(7);
    expect(seen[1]?.at).toBeGreaterThanOrEqual(Date.parse(reset));
  });

  it("throws RateLimitError at once when the wait exceeds maxRetryDelay", async () => {
    const reset = new Date(Date.now() + 600_000).toISOString();
    const { client, seen } = fakeApi(() => json({}, 429, { "retry-after": "600", "x-ratelimit-reset": reset }), {
      maxRetryDelay: 60_000,
    });
    const started = Date.now();
    const error = (await count(client).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(600_000);
    expect(error.resetAt?.toISOString()).toBe(reset);
    expect(error.message).toMatch(/retry in 600 s/);
    expect(seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("RateLimitError.retryAfterMs", () => {
  it.each(["0", "soon"])("falls back to the time until the reset for Retry-After %j", async (value) => {
    const reset = new Date(Date.now() + 5_000).toISOString();
    const { client } = fakeApi(() => json({}, 429, { "retry-after": value, "x-ratelimit-reset": reset }), {
      maxRetries: 0,
    });
    const error = (await count(client).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBeGreaterThan(4_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(5_000);
    expect(error.message).toContain(`retry after ${reset}`);
  });
});

describe("the cool-down after a 429 that is not retried", () => {
  it("makes the next call throw RateLimitError without sending when the wait is beyond maxRetryDelay", async () => {
    const { client, seen } = fakeApi(
      failFirst(1, () => json({}, 429, { "retry-after": "120" })),
      {
        maxRetryDelay: 60_000,
      },
    );
    await expect(count(client)).rejects.toBeInstanceOf(RateLimitError);
    await advance(1_000);
    const error = (await count(client).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    // What is left of the 120 s after the second passed here (and whatever settling the first call took).
    expect(error.retryAfterMs).toBeGreaterThan(118_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(119_000);
    expect(error.message).toMatch(/^GET \/.*\/api-tokens\/count: rate limited for 119 s more/);
    // The request it refused to send, redacted, as every error carries it.
    expect(error.request).toEqual({
      method: "GET",
      url: expect.stringMatching(/\/orgs\/org-1\/api-tokens\/count$/),
      headers: expect.objectContaining({ authorization: "Bearer [REDACTED]" }),
    });
    expect(seen).toHaveLength(1);
  });

  it.each([
    ["a Retry-After over a day", { "retry-after": "9000000000000" }],
    ["a Retry-After too long to be a number", { "retry-after": "9".repeat(400) }],
    [
      "an X-RateLimit-Reset beyond maxRetryDelay (clock skew)",
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": new Date(Date.now() + 3 * 3_600_000).toISOString() },
    ],
  ])("sends the next call after %s, not holding the client", async (_, headers) => {
    const { client, seen } = fakeApi(
      failFirst(1, () => json({}, 429, headers)),
      { maxRetries: 0 },
    );
    await expect(count(client)).rejects.toBeInstanceOf(RateLimitError);
    await expect(count(client)).resolves.toBe(7);
    expect(seen).toHaveLength(2);
  });

  it("makes the next call wait out Retry-After when retries are off", async () => {
    const { client, seen } = fakeApi(
      failFirst(1, () => json({}, 429, { "retry-after": "3" })),
      { maxRetries: 0 },
    );
    await expect(count(client)).rejects.toBeInstanceOf(RateLimitError);
    await expect(count(client)).resolves.toBe(7);
    expect(seen).toHaveLength(2);
    expect((seen[1]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(3_000);
  });
});

describe("maxRetryDelay", () => {
  it.each([0, 300])("caps the backoff between 5xx retries at %i ms, and still makes every retry", async (cap) => {
    const { client, seen } = fakeApi(
      failFirst(4, () => html(502)),
      { maxRetries: 5, maxRetryDelay: cap },
    );
    await expect(count(client)).resolves.toBe(7);
    expect(seen).toHaveLength(5);
    const gaps = seen.slice(1).map((s, i) => s.at - (seen[i]?.at ?? 0));
    // A timer set for 0 ms fires after 1.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(Math.max(cap, 1));
  });
});

describe("cancellation", () => {
  it("rejects with the signal's reason during a retry wait and sends nothing more", async () => {
    const { client, seen } = fakeApi(() => json({}, 429, { "retry-after": "30" }));
    const controller = new AbortController();
    const pending = client.apiTokens.count(ORG, {}, { signal: controller.signal });
    pending.catch(() => {});
    await advance(1_000);
    const reason = new Error("stop");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await advance(60_000);
    expect(seen).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("abandons a fetch that ignores its signal: the timeout still ends the attempt, and the call", async () => {
    const deaf = fakeApi(() => new Promise<Response>(() => {}), { timeout: 1_000, maxRetries: 1 });
    const error = await count(deaf.client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(deaf.seen).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("hands fetch a signal that aborts on timeout, with a TimeoutError reason", async () => {
    const reasons: unknown[] = [];
    const { client } = fakeApi(
      (_, __, ___, signal) =>
        new Promise<Response>((_, reject) =>
          signal.addEventListener("abort", () => {
            reasons.push(signal.reason);
            reject(signal.reason);
          }),
        ),
      { timeout: 1_000, maxRetries: 0 },
    );
    await expect(count(client)).rejects.toBeInstanceOf(TimeoutError);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatchObject({ name: "TimeoutError" });
  });

  it("rejects with the signal's reason while a request is in flight", async () => {
    const { client } = fakeApi(
      (_, __, ___, signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
    );
    const controller = new AbortController();
    const pending = client.apiTokens.list(ORG, {}, { signal: controller.signal }).toArray({ limit: 10 });
    pending.catch(() => {});
    await advance(10);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(vi.getTimerCount()).toBe(0);
  });
});

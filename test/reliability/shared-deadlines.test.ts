import { describe, expect, it } from "vitest";
import { MAX_SHARED } from "../../src/deadlines.js";
import { fakeApi, json, ORG, pageOf } from "./fake-api.js";

describe("shared per-attempt deadlines", () => {
  it("lets a fetch listen on the signal of every request without Node warning of a leak", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const signals: AbortSignal[] = [];
    const { client } = fakeApi((_, __, ___, signal) => {
      // As undici does: a listener per request, never removed by the fetch itself.
      signal.addEventListener("abort", () => {});
      signals.push(signal);
      return json(7);
    });
    try {
      for (let i = 0; i < 50; i++) await client.apiTokens.count(ORG);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    // Shared, MAX_SHARED requests to a signal at most.
    const distinct = new Set(signals).size;
    expect(distinct).toBeLessThan(50);
    expect(distinct).toBeGreaterThanOrEqual(50 / MAX_SHARED);
  });
});

describe("a walk with the caller's signal", () => {
  it("shares deadline windows across its pages, as a walk without one does", async () => {
    const signals: AbortSignal[] = [];
    const { client } = fakeApi((_, sent, ___, signal) => {
      signals.push(signal);
      return json(pageOf(50, 1, new URL(sent.url).searchParams));
    });
    const caller = new AbortController();
    let tokens = 0;
    for await (const _ of client.apiTokens.list(ORG, { pageSize: 1 }, { signal: caller.signal })) tokens++;
    expect(tokens).toBe(50);
    // Fifty pages within the slack of one timeout: windows of MAX_SHARED attempts, not one per page.
    expect(new Set(signals).size).toBe(50 / MAX_SHARED);
  });
});

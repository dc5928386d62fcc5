import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { onAbort } from "../../src/abort-relay.js";
import { createClient } from "../../src/index.js";

describe("onAbort", () => {
  it("puts one listener on the signal however many listen, and takes it off when the last stops", () => {
    const controller = new AbortController();
    const stops = Array.from({ length: 25 }, () => onAbort(controller.signal, () => {}));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    for (const stop of stops) stop();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("calls every listener still listening, once, when the signal aborts", () => {
    const controller = new AbortController();
    const called: number[] = [];
    onAbort(controller.signal, () => called.push(1));
    const stop = onAbort(controller.signal, () => called.push(2));
    onAbort(controller.signal, () => called.push(3));
    stop();
    controller.abort();
    controller.abort();
    expect(called).toEqual([1, 3]);
  });
});

describe("a fan-out above 10 at once with the caller's signal", () => {
  it("makes Node print no MaxListenersExceededWarning, and an abort still ends every request", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const caller = new AbortController();
    let inFlight = 0;
    let most = 0;
    let abortOnFetch = false;
    const client = createClient({
      apiKey: "fan-out-key",
      concurrency: 16,
      fetch: async (request) => {
        inFlight++;
        most = Math.max(most, inFlight);
        // Aborted while the requests are in flight, whatever the machine's speed.
        if (abortOnFetch) setTimeout(() => caller.abort(new Error("stop")), 0);
        await new Promise((resolve) => setTimeout(resolve, 10));
        inFlight--;
        const ids = (await request.json()) as string[];
        const valid = ids.map((serviceAccountId) => ({ serviceAccountId, credentialsCount: 1 }));
        return new Response(JSON.stringify({ validServiceAccountIds: valid, invalidServiceAccountIds: [] }));
      },
    });
    try {
      const ids = Array.from({ length: 1_600 }, (_, i) => `sa-${i}`);
      const counts = await client.serviceAccounts.countTokens("org", ids, { signal: caller.signal });
      expect(counts.validServiceAccountIds).toHaveLength(1_600);
      expect(most).toBe(16);
      expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
      abortOnFetch = true;
      await expect(client.serviceAccounts.countTokens("org", ids, { signal: caller.signal })).rejects.toThrow("stop");
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });
});

import { describe, expect, it, vi } from "vitest";
import { createProgress, progressLine } from "../../src/cli/progress.js";
import { retryLogger } from "../../src/cli/retry-logger.js";
import { createStatusLine } from "../../src/cli/status-line.js";
import { createClient } from "../../src/index.js";

describe("progressLine", () => {
  it("shows pages and tokens so far", () => {
    expect(progressLine("audit", { pages: 1, tokens: 1 })).toBe("audit: 1 page, 1 token");
    expect(progressLine("audit", { pages: 3, tokens: 2500 })).toBe("audit: 3 pages, 2500 tokens");
  });

  it("shows a rate-limit wait in whole seconds", () => {
    expect(progressLine("audit", { pages: 2, tokens: 9, waitSeconds: 11.2 })).toBe(
      "audit: 2 pages, 9 tokens (waiting 12 s for rate limit)",
    );
  });
});

describe("createProgress", () => {
  it("writes nothing when disabled (stderr is not a terminal)", () => {
    const written: string[] = [];
    const progress = createProgress(createStatusLine({ write: (t: string) => written.push(t) }), false, "audit");
    progress.page(10);
    progress.waiting(3);
    progress.done();
    expect(written).toEqual([]);
  });

  it("rewrites one line in place and clears it when done", () => {
    const written: string[] = [];
    const progress = createProgress(createStatusLine({ write: (t: string) => written.push(t) }), true, "audit");
    progress.page(10);
    progress.waiting(3);
    progress.page(5);
    progress.done();
    expect(written).toEqual([
      "\r\u001b[2Kaudit: 1 page, 10 tokens",
      "\r\u001b[2Kaudit: 1 page, 10 tokens (waiting 3 s for rate limit)",
      "\r\u001b[2Kaudit: 2 pages, 15 tokens",
      "\r\u001b[2K",
    ]);
  });
});

describe("retryLogger", () => {
  it("turns the SDK's retry line into a wait in seconds", () => {
    const waits: number[] = [];
    const logger = retryLogger({ onWait: (s) => waits.push(s) });
    logger.info("GET /orgs/{orgId}/api-tokens: retrying after HTTP 429 in 1500 ms (retry 1 of 3)");
    logger.info("GET /orgs/{orgId}/api-tokens: 200 in 12 ms");
    expect(waits).toEqual([1.5]);
  });

  it("understands the line the SDK really logs when it waits to retry", async () => {
    vi.useFakeTimers();
    try {
      const waits: number[] = [];
      let calls = 0;
      const client = createClient({
        apiKey: "k",
        baseUrl: "http://127.0.0.1:9",
        logLevel: "info",
        logger: retryLogger({ onWait: (s) => waits.push(s) }),
        fetch: async () =>
          calls++ === 0 ? new Response("{}", { status: 429, headers: { "retry-after": "2" } }) : new Response("7"),
      });
      const count = client.apiTokens.count("org-1");
      await vi.advanceTimersByTimeAsync(2_100);
      expect(await count).toBe(7);
      expect(waits).toEqual([2]);
    } finally {
      vi.useRealTimers();
    }
  });
});

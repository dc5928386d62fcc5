import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { call } from "./sandbox-client.js";

describe("sandbox rate limiting", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ tokens: 5, rateLimit: { limit: 3, windowMs: 60_000 } });
  });
  afterAll(() => sb.close());

  it("carries X-RateLimit-* on successes and answers 429 with Retry-After after the limit", async () => {
    const responses = [];
    for (let i = 0; i < 4; i++) responses.push(await call(sb, "/api-tokens/count"));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(responses.map((r) => r.headers.get("x-ratelimit-remaining"))).toEqual(["2", "1", "0", "0"]);
    for (const r of responses) {
      expect(r.headers.get("x-ratelimit-limit")).toBe("3");
      expect(Date.parse(r.headers.get("x-ratelimit-reset") ?? "")).toBeGreaterThan(Date.now());
    }
    const [limited] = responses.slice(3);
    if (!limited) throw new Error("the fourth response is missing");
    expect(limited.headers.get("retry-after")).toMatch(/^(59|60)$/);
    expect((await limited.json()).errors[0].status).toBe("429");
  });
});

describe("sandbox rate limiting with faults", () => {
  it("keeps a queued distorting fault for the first request the rate limit lets through", async () => {
    const sb = await startSandbox({ tokens: 5, rateLimit: { limit: 1, windowMs: 300 } });
    try {
      expect((await call(sb, "/api-tokens")).status).toBe(200);
      sb.fault({ kind: "truncated-json" });
      expect((await call(sb, "/api-tokens")).status).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 350));
      const distorted = await call(sb, "/api-tokens");
      expect(distorted.status).toBe(200);
      await expect(distorted.json()).rejects.toThrow(SyntaxError);
      expect((await call(sb, "/api-tokens/count")).status).toBe(429);
    } finally {
      await sb.close();
    }
  });

  it("lets many requests wait out their latency at once without a listener-leak warning", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const sb = await startSandbox({ tokens: 5, latencyMs: 20 });
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => call(sb, "/api-tokens/count")));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
    } finally {
      process.off("warning", onWarning);
      await sb.close();
    }
  });
});

describe("sandbox rate-limit default", () => {
  it("sends the X-RateLimit headers on every answer by default, as the real API does", async () => {
    const sb = await startSandbox({ tokens: 1 });
    try {
      const first = (await call(sb, "/api-tokens/count")).headers;
      const second = (await call(sb, "/api-tokens?pageSize=1")).headers;
      expect(first.get("x-ratelimit-limit")).toBe("100000");
      expect(first.get("x-ratelimit-remaining")).toBe("99999");
      expect(second.get("x-ratelimit-remaining")).toBe("99998");
      expect(Date.parse(second.get("x-ratelimit-reset") ?? "")).toBeGreaterThan(Date.now());
    } finally {
      await sb.close();
    }
  });

  it("sends none with rateLimit: false", async () => {
    const sb = await startSandbox({ tokens: 1, rateLimit: false });
    try {
      expect((await call(sb, "/api-tokens/count")).headers.get("x-ratelimit-limit")).toBeNull();
    } finally {
      await sb.close();
    }
  });
});

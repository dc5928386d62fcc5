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

describe("sandbox without a rate limit", () => {
  it("sends no X-RateLimit headers by default", async () => {
    const sb = await startSandbox({ tokens: 1 });
    try {
      expect((await call(sb, "/api-tokens/count")).headers.get("x-ratelimit-limit")).toBeNull();
    } finally {
      await sb.close();
    }
  });
});

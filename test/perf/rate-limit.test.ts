import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, startFixture } from "../../bench/lib/fixture.js";
import { createClient } from "../../src/index.js";

let fixture: Fixture;
beforeAll(async () => {
  fixture = await startFixture({ tokens: 1_200 });
  await fixture.configure({ latencyMs: 0, bucket: { capacity: 3, refillPerSecond: 40 } });
});
afterAll(() => fixture.close());

describe("against a token-bucket server with X-RateLimit-* and Retry-After", () => {
  it("sends no request before the announced reset during a walk", async () => {
    await fixture.reset();
    const client = createClient({ apiKey: "k", baseUrl: fixture.baseUrl });
    let pages = 0;
    for await (const page of client.apiTokens.list(fixture.orgId, { pageSize: 100 }).pages()) if (page.data) pages++;
    const stats = await fixture.stats();
    expect(pages).toBe(12);
    expect(stats.lists).toBe(12);
    expect(stats.early).toBe(0);
    expect(stats.tooMany).toBe(0);
  });

  it("waits for Retry-After after a 429 before sending again", async () => {
    // An empty bucket: the first request gets a 429 with Retry-After: 1.
    await fixture.configure({ latencyMs: 0, bucket: { capacity: 1, refillPerSecond: 2, initial: 0 } });
    const client = createClient({ apiKey: "k", baseUrl: fixture.baseUrl });
    await expect(client.apiTokens.count(fixture.orgId)).resolves.toBe(1_200);
    const stats = await fixture.stats();
    expect(stats.tooMany).toBe(1);
    expect(stats.counts).toBe(1);
    expect(stats.requests).toBe(2);
    expect(stats.early).toBe(0);
    expect(stats.earlyAny).toBe(0);
  });

  it("fans out 10 chunks at concurrency 4 against a token bucket without a single 429", async () => {
    // The first 4 go out before any answer: the bucket holds 4. After that the client paces itself.
    await fixture.configure({ latencyMs: 0, bucket: { capacity: 4, refillPerSecond: 40 } });
    await fixture.reset();
    const client = createClient({ apiKey: "k", baseUrl: fixture.baseUrl, concurrency: 4 });
    const ids = Array.from({ length: 1_000 }, (_, i) => `sa-${i}`);
    await client.serviceAccounts.countTokens(fixture.orgId, ids);
    const stats = await fixture.stats();
    expect(stats.posts).toBe(10);
    expect(stats.tooMany).toBe(0);
    expect(stats.early).toBe(0);
  });

  it("keeps fanning out without a 429 when answers cross: 10 fresh clients, 30 chunks each", async () => {
    // Concurrent answers arrive out of order and a token bucket's reset moves with every answer: only reading them
    // together (lower remaining, later reset) and probing after a used-up reset keeps every run clean.
    await fixture.configure({ latencyMs: 0, bucket: { capacity: 10, refillPerSecond: 200 } });
    const ids = Array.from({ length: 3_000 }, (_, i) => `sa-${i}`);
    const tooMany: number[] = [];
    for (let run = 0; run < 10; run++) {
      await fixture.reset();
      const client = createClient({ apiKey: "k", baseUrl: fixture.baseUrl, concurrency: 4 });
      await client.serviceAccounts.countTokens(fixture.orgId, ids);
      const stats = await fixture.stats();
      expect(stats.posts).toBe(30);
      tooMany.push(stats.tooMany);
    }
    expect(tooMany).toEqual(Array(10).fill(0));
  });
});

import { describe, expect, it } from "vitest";
import { ConnectionError, createClient } from "../../src/index.js";

describe("an injected fetch that resolves something other than a Response", () => {
  it("fails that call with ConnectionError, and leaves the client free for the next calls", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      // Looks like a Response to a glance: status, ok and text(), but no headers.
      if (calls === 1) return { status: 200, ok: true, text: async () => "1" } as unknown as Response;
      return new Response("2", { headers: { "content-type": "application/json", "x-ratelimit-remaining": "1" } });
    };
    const client = createClient({ apiKey: "bad-fetch-key", fetch, maxRetries: 0, timeout: 1_000 });
    const first = await client.apiTokens.count("org").catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ConnectionError);
    expect((first as Error).message).toContain("not a Response");
    await expect(client.apiTokens.count("org")).resolves.toBe(2);
    // Before the fix the first request was never settled, and this one waited for its answer forever.
    const third = await Promise.race([
      client.apiTokens.count("org"),
      new Promise((resolve) => setTimeout(() => resolve("hung"), 2_000)),
    ]);
    expect(third).toBe(2);
  });
});

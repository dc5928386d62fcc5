import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { generatingFetch } from "../../bench/lib/tokens.js";
import { createClient } from "../../src/index.js";

const BASE = "https://api.example.test/admin/api-access/v1";

function client() {
  const generated = generatingFetch(10_000);
  return { ...generated, client: createClient({ apiKey: "k", baseUrl: BASE, fetch: generated.fetch }) };
}

describe("an early exit from a walk with prefetch", () => {
  for (const stopAfter of [1, 3]) {
    it(`sends at most one request beyond the ${stopAfter} page(s) consumed`, async () => {
      const { client: sdk, counter } = client();
      let pages = 0;
      for await (const page of sdk.apiTokens.list("org-1", { pageSize: 100 }).pages()) {
        if (page.data.length > 0 && ++pages >= stopAfter) break;
      }
      await sleep(20);
      expect(counter.requests).toBeGreaterThanOrEqual(stopAfter);
      expect(counter.requests).toBeLessThanOrEqual(stopAfter + 1);
    });
  }

  it("sends at most one extra request when item iteration breaks on the first token", async () => {
    const { client: sdk, counter } = client();
    for await (const token of sdk.apiTokens.list("org-1", { pageSize: 100 })) if (token.id) break;
    await sleep(20);
    expect(counter.requests).toBeLessThanOrEqual(2);
  });

  it("sends no extra request when toArray's limit fits in the first page", async () => {
    const { client: sdk, counter } = client();
    const items = await sdk.apiTokens.list("org-1", { pageSize: 100 }).toArray({ limit: 50 });
    await sleep(20);
    expect(items).toHaveLength(50);
    expect(counter.requests).toBe(1);
  });
});

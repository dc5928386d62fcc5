import { describe, expect, it } from "vitest";
import { generatingFetch } from "../../bench/lib/tokens.js";
import { createClient } from "../../src/index.js";

const BASE = "https://api.example.test/admin/api-access/v1";

describe("a full walk", () => {
  for (const [tokens, pageSize] of [
    [10_000, 1000],
    [10_000, 100],
    [10_050, 100],
  ] as const) {
    it(`sends ceil(N / pageSize) requests for N=${tokens}, pageSize ${pageSize}`, async () => {
      const { fetch, counter } = generatingFetch(tokens);
      const client = createClient({ apiKey: "k", baseUrl: BASE, fetch });
      let items = 0;
      for await (const token of client.apiTokens.list("org-1", { pageSize })) if (token.id) items++;
      expect(items).toBe(tokens);
      expect(counter.requests).toBe(Math.ceil(tokens / pageSize));
    });
  }

  it("sends ceil(N / pageSize) requests through pages() too", async () => {
    const { fetch, counter } = generatingFetch(10_000);
    const client = createClient({ apiKey: "k", baseUrl: BASE, fetch });
    let pages = 0;
    for await (const page of client.apiTokens.list("org-1", { pageSize: 1000 }).pages()) if (page.data.length) pages++;
    expect(pages).toBe(10);
    expect(counter.requests).toBe(10);
  });
});

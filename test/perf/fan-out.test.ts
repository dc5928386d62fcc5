import { describe, expect, it } from "vitest";
import { createClient } from "../../src/index.js";

const BASE = "https://api.example.test/admin/api-access/v1";

function countingClient(concurrency: number) {
  const posts: string[][] = [];
  const fetch = async (request: Request) => {
    const ids = (await request.json()) as string[];
    posts.push(ids);
    const valid = ids.map((serviceAccountId) => ({ serviceAccountId, credentialsCount: 1 }));
    return Response.json({ validServiceAccountIds: valid, invalidServiceAccountIds: [] });
  };
  return { posts, client: createClient({ apiKey: "k", baseUrl: BASE, fetch, concurrency }) };
}

const idsOf = (n: number) => Array.from({ length: n }, (_, i) => `sa-${i}`);

describe("countTokens fan-out", () => {
  for (const [label, ids, unique] of [
    ["1,000 ids", idsOf(1000), 1000],
    ["1,000 ids and 250 repeats", [...idsOf(1000), ...idsOf(250)], 1000],
    ["101 ids", idsOf(101), 101],
    ["one id", ["sa-0"], 1],
    ["no id", [], 0],
  ] as const) {
    for (const concurrency of [1, 4]) {
      it(`sends exactly ceil(unique / 100) POSTs for ${label} at concurrency ${concurrency}`, async () => {
        const { client, posts } = countingClient(concurrency);
        const result = await client.serviceAccounts.countTokens("org-1", ids);
        expect(posts).toHaveLength(Math.ceil(unique / 100));
        expect(posts.every((chunk) => chunk.length <= 100)).toBe(true);
        expect(new Set(posts.flat()).size).toBe(unique);
        expect(result.validServiceAccountIds).toHaveLength(unique);
      });
    }
  }
});

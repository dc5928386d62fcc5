/** Against the sandbox's real rate limit: the client paces itself and provokes no 429. */
import { describe, expect, it } from "vitest";
import { createClient } from "../../src/index.js";
import { startSandbox } from "../../src/testing/index.js";

describe("pacing against a rate limit", () => {
  it("walks every page without a single 429", async () => {
    const sb = await startSandbox({ tokens: 60, rateLimit: { limit: 4, windowMs: 250 } });
    try {
      const client = createClient({ apiKey: sb.apiKey, baseUrl: sb.baseUrl });
      const ids: string[] = [];
      for await (const token of client.apiTokens.list(sb.orgId, { pageSize: 5 })) ids.push(token.id);
      expect(ids).toEqual(sb.tokens().map((t) => t.id));
      expect(sb.requests.map((r) => r.status)).toEqual(Array(12).fill(200));
    } finally {
      await sb.close();
    }
  });

  it("fans out with concurrency 4 against a limit of 4 without a single 429", async () => {
    const sb = await startSandbox({ serviceAccounts: 5, rateLimit: { limit: 4, windowMs: 250 } });
    try {
      const client = createClient({ apiKey: sb.apiKey, baseUrl: sb.baseUrl, concurrency: 4 });
      const ids = [...sb.serviceAccountIds, ...Array.from({ length: 1_195 }, (_, i) => `unknown-${i}`)];
      const result = await client.serviceAccounts.countTokens(sb.orgId, ids);
      expect(result.invalidServiceAccountIds).toHaveLength(1_195);
      expect(sb.requests).toHaveLength(12);
      expect(sb.requests.filter((r) => r.status === 429)).toEqual([]);
    } finally {
      await sb.close();
    }
  });
});

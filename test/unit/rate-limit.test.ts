import { describe, expect, it } from "vitest";
import { json, ORG, testClient } from "../helpers/recording-fetch.js";

const headers = (limit: number, remaining: number, reset: string) => ({
  "X-RateLimit-Limit": String(limit),
  "X-RateLimit-Remaining": String(remaining),
  "X-RateLimit-Reset": reset,
});

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1_000).toISOString();

/**
 * Two requests in flight at once; the first one's answer is held back until the second one's has arrived.
 * Returns the client's rate-limit view after both.
 */
async function crossing(first: Record<string, string>, second: Record<string, string>) {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const { client } = testClient(async (_, i) => {
    if (i === 0) {
      await held;
      return json(0, 200, first);
    }
    return json(0, 200, second);
  });
  const pending = client.apiTokens.count(ORG);
  await new Promise((resolve) => setTimeout(resolve, 5));
  await client.apiTokens.count(ORG);
  release();
  await pending;
  return client.rateLimit;
}

describe("client.rateLimit", () => {
  it("is undefined before any response", () => {
    const { client } = testClient(() => json(0));
    expect(client.rateLimit).toBeUndefined();
  });

  it("reflects the X-RateLimit-* headers of the latest response", async () => {
    const answers = [headers(1000, 998, "2020-01-01T00:01:00Z"), headers(1000, 999, "2020-01-01T00:02:00Z")];
    const { client } = testClient((_, i) => json(0, 200, answers[i]));
    await client.apiTokens.count(ORG);
    expect(client.rateLimit).toEqual({ limit: 1000, remaining: 998, resetAt: new Date("2020-01-01T00:01:00Z") });
    await client.apiTokens.count(ORG);
    expect(client.rateLimit).toEqual({ limit: 1000, remaining: 999, resetAt: new Date("2020-01-01T00:02:00Z") });
  });

  it("takes the answer to a request sent after the latest answer arrived as the server's word now", async () => {
    const answers = [headers(50, 10, inSeconds(30)), headers(50, 12, inSeconds(30))];
    const { client } = testClient((_, i) => json(0, 200, answers[i]));
    await client.apiTokens.count(ORG);
    await client.apiTokens.count(ORG);
    expect(client.rateLimit?.remaining).toBe(12);
  });

  it("keeps the lowest remaining of one window when crossing answers arrive out of order", async () => {
    const rateLimit = await crossing(headers(50, 12, inSeconds(30)), headers(50, 10, inSeconds(30)));
    expect(rateLimit?.remaining).toBe(10);
  });

  it("keeps the open window when a crossing answer, arriving last, describes one that is over", async () => {
    const open = inSeconds(30);
    const rateLimit = await crossing(headers(50, 0, new Date(Date.now() - 1_000).toISOString()), headers(50, 40, open));
    expect(rateLimit).toEqual({ limit: 50, remaining: 40, resetAt: new Date(open) });
  });

  it("keeps the stricter of two crossing answers whole: its remaining with its own reset", async () => {
    const sooner = inSeconds(1);
    const rateLimit = await crossing(headers(10, 0, sooner), headers(10, 1, inSeconds(60)));
    expect(rateLimit).toEqual({ limit: 10, remaining: 0, resetAt: new Date(sooner) });
    const other = await crossing(headers(10, 1, inSeconds(60)), headers(10, 0, sooner));
    expect(other).toEqual({ limit: 10, remaining: 0, resetAt: new Date(sooner) });
  });

  it("is carried by an error", async () => {
    const { client } = testClient(() => json({}, 404, headers(10, 3, "2020-01-01T00:01:00Z")));
    await expect(client.apiTokens.count(ORG)).rejects.toMatchObject({
      rateLimit: { limit: 10, remaining: 3, resetAt: new Date("2020-01-01T00:01:00Z") },
    });
    expect(client.rateLimit?.remaining).toBe(3);
  });

  it("leaves a malformed value undefined", async () => {
    const { client } = testClient(() => json(0, 200, { "X-RateLimit-Limit": "many", "X-RateLimit-Reset": "soon" }));
    await client.apiTokens.count(ORG);
    expect(client.rateLimit).toEqual({ limit: undefined, remaining: undefined, resetAt: undefined });
  });
});

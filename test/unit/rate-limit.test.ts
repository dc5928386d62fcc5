import { describe, expect, it } from "vitest";
import { json, ORG, testClient } from "../helpers/recording-fetch.js";

const headers = (limit: number, remaining: number, reset: string) => ({
  "X-RateLimit-Limit": String(limit),
  "X-RateLimit-Remaining": String(remaining),
  "X-RateLimit-Reset": reset,
});

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

  it("keeps the lowest remaining of one window when answers arrive out of order", async () => {
    const answers = [headers(50, 10, "2020-01-01T00:01:00Z"), headers(50, 12, "2020-01-01T00:01:00Z")];
    const { client } = testClient((_, i) => json(0, 200, answers[i]));
    await client.apiTokens.count(ORG);
    await client.apiTokens.count(ORG);
    expect(client.rateLimit?.remaining).toBe(10);
  });

  it("drops the headers of an answer overtaken by the answer to a request sent after it", async () => {
    // Two requests in flight: the first one's answer (older news: more was left then) arrives last.
    let releaseFirst = () => {};
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const { client } = testClient(async (_, i) => {
      if (i === 0) {
        await firstHeld;
        return json(0, 200, headers(50, 12, "2020-01-01T00:01:00Z"));
      }
      return json(0, 200, headers(50, 3, "2020-01-01T00:01:05Z"));
    });
    const first = client.apiTokens.count(ORG);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await client.apiTokens.count(ORG);
    releaseFirst();
    await first;
    expect(client.rateLimit).toEqual({ limit: 50, remaining: 3, resetAt: new Date("2020-01-01T00:01:05Z") });
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

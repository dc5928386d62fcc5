import { describe, expect, it } from "vitest";
import { fakeApi, json, ORG, pageOf } from "./fake-api.js";

describe("prefetch", () => {
  it("requests page n+1 while the caller still handles page n", async () => {
    const { client, seen } = fakeApi((_, request) => json(pageOf(30, 10, request.query)));
    const requestsWhenHandled: number[] = [];
    for await (const _page of client.apiTokens.list(ORG, { pageSize: 10 }).pages()) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      requestsWhenHandled.push(seen.length);
    }
    expect(requestsWhenHandled).toEqual([2, 3, 3]);
  });

  it("aborts the in-flight prefetch on an early break, with no unhandled rejection and one extra request at most", async () => {
    const aborted: string[] = [];
    const { client, seen } = fakeApi(async (_, entry, __, signal) => {
      if (entry.query.get("cursor") === null) return json(pageOf(100, 10, entry.query));
      return new Promise<Response>((_, reject) =>
        signal.addEventListener("abort", () => {
          aborted.push(entry.query.get("cursor") ?? "");
          reject(signal.reason);
        }),
      );
    });
    for await (const token of client.apiTokens.list(ORG, { pageSize: 10 })) {
      if (token.id === "t3") break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(2);
    expect(aborted).toEqual(["c10"]);
  });

  it("sends no extra request when toArray's limit fits in the pages already fetched", async () => {
    const { client, seen } = fakeApi((_, request) => json(pageOf(100, 10, request.query)));
    expect(await client.apiTokens.list(ORG, { pageSize: 10 }).toArray({ limit: 10 })).toHaveLength(10);
    expect(seen).toHaveLength(1);
    expect(await client.apiTokens.list(ORG, { pageSize: 10 }).toArray({ limit: 25 })).toHaveLength(25);
    expect(seen).toHaveLength(4);
  });

  it("sends exactly ceil(N / pageSize) requests for a full walk", async () => {
    const { client, seen } = fakeApi((_, request) => json(pageOf(1_000, 30, request.query)));
    let n = 0;
    for await (const _ of client.apiTokens.list(ORG, { pageSize: 30 })) n++;
    expect(n).toBe(1_000);
    expect(seen).toHaveLength(Math.ceil(1_000 / 30));
  });
});

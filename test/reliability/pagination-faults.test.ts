import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type AdminApiError, InvalidResponseError, ServerError } from "../../src/index.js";
import { fakeApi, html, json, ORG, pageOf, settle, token } from "./fake-api.js";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-11-28T12:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

async function collect(iterable: AsyncIterable<{ id: string }>): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of iterable) ids.push(item.id);
  return ids;
}

describe("pagination under faults", () => {
  it("retries a failed page on its own: no restart, no duplicate", async () => {
    const { client, seen } = fakeApi((_, request, i) =>
      i === 3 || i === 4 ? html(503) : json(pageOf(50, 10, request.query)),
    );
    const ids = await settle(collect(client.apiTokens.list(ORG, { pageSize: 10 })), advance);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => `t${i}`));
    expect(seen.map((s) => s.query.get("cursor"))).toEqual([null, "c10", "c20", "c30", "c30", "c30", "c40"]);
  });

  it("carries the cursor to resume from, and startCursor resumes there", async () => {
    let broken = true;
    const { client } = fakeApi(
      (_, request) =>
        broken && request.query.get("cursor") === "c30" ? html(502) : json(pageOf(50, 10, request.query)),
      { maxRetries: 1 },
    );
    const got: string[] = [];
    const walk = (async () => {
      for await (const token of client.apiTokens.list(ORG, { pageSize: 10 })) got.push(token.id);
    })();
    const error = (await settle(walk, advance).catch((e: unknown) => e)) as AdminApiError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.resumeCursor).toBe("c30");
    broken = false;
    const rest = await settle(
      collect(client.apiTokens.list(ORG, { pageSize: 10 }, { startCursor: error.resumeCursor })),
      advance,
    );
    expect([...got, ...rest]).toEqual(Array.from({ length: 50 }, (_, i) => `t${i}`));
  });

  it("stops with InvalidResponseError when the server repeats a cursor", async () => {
    const { client, seen } = fakeApi(() => json({ data: [token("x")], links: { next: "same" } }));
    const walk = collect(client.apiTokens.list(ORG) as AsyncIterable<{ id: string }>);
    await expect(settle(walk, advance)).rejects.toBeInstanceOf(InvalidResponseError);
    expect(seen).toHaveLength(2);
  });

  it.each([
    ["truncated JSON", () => new Response('{"data":[{"id":"t', { headers: { "content-type": "application/json" } })],
    [
      "a 200 with an HTML content type",
      () => new Response("<html>login</html>", { headers: { "content-type": "text/html" } }),
    ],
    ["a page whose data is not an array", () => json({ data: { id: "t1" }, links: {} })],
  ])("throws InvalidResponseError for %s", async (_, answer) => {
    const { client } = fakeApi(answer);
    const error = await settle(Promise.resolve(client.apiTokens.list(ORG)), advance).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(200);
    expect((error as Error).message).toMatch(/GET \/admin\/api-access\/v1\/orgs\/org-1\/api-tokens/);
  });
});

describe("fan-out", () => {
  it("keeps at most `concurrency` chunks in flight and sends ceil(unique / 100) requests", async () => {
    let inFlight = 0;
    let most = 0;
    const { client, seen } = fakeApi(
      async (_, request) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
        const ids = JSON.parse(request.body) as string[];
        return json({
          validServiceAccountIds: ids.map((id) => ({ serviceAccountId: id, credentialsCount: 1 })),
          invalidServiceAccountIds: [],
        });
      },
      { concurrency: 3 },
    );
    const ids = Array.from({ length: 1_050 }, (_, i) => `sa-${i % 1_000}`);
    const result = await settle(client.serviceAccounts.countTokens(ORG, ids), advance, 5);
    expect(seen).toHaveLength(10);
    expect(most).toBe(3);
    expect(result.validServiceAccountIds).toHaveLength(1_000);
  });

  it("attaches the merged results of the chunks that succeeded to the error", async () => {
    const { client } = fakeApi(
      (_, request, i) => {
        const ids = JSON.parse(request.body) as string[];
        if (i === 1) return html(500);
        return json({
          validServiceAccountIds: ids.map((id) => ({ serviceAccountId: id, credentialsCount: 2 })),
          invalidServiceAccountIds: [],
        });
      },
      { maxRetries: 0, concurrency: 1 },
    );
    const ids = Array.from({ length: 300 }, (_, i) => `sa-${i}`);
    const error = (await settle(client.serviceAccounts.countTokens(ORG, ids), advance).catch(
      (e: unknown) => e,
    )) as AdminApiError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.partialResult?.validServiceAccountIds).toHaveLength(100);
  });
});

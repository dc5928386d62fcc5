import { describe, expect, it } from "vitest";
import { AdminApiError } from "../../src/index.js";
import { json, ORG, type SentRequest, testClient } from "../helpers/recording-fetch.js";

/** Counts ids "sa-<n>" as n tokens; any other id is not a service account. */
function countAnswer(request: SentRequest) {
  const ids = JSON.parse(request.body) as string[];
  return json({
    validServiceAccountIds: ids
      .filter((id) => id.startsWith("sa-"))
      .map((id) => ({ serviceAccountId: id, credentialsCount: Number(id.slice(3)) })),
    invalidServiceAccountIds: ids.filter((id) => !id.startsWith("sa-")),
  });
}

describe("serviceAccounts.countTokens", () => {
  it("de-duplicates 250 ids, sends at most 100 per request and merges the answers", async () => {
    const unique = [
      ...Array.from({ length: 220 }, (_, i) => `sa-${i}`),
      ...Array.from({ length: 10 }, (_, i) => `x${i}`),
    ];
    const ids = [...unique, ...unique.slice(0, 20)];
    expect(ids).toHaveLength(250);
    const { client, requests } = testClient(countAnswer);

    const result = await client.serviceAccounts.countTokens(ORG, ids);

    expect(requests).toHaveLength(3);
    const sent = requests.map((r) => JSON.parse(r.body) as string[]);
    for (const [i, chunk] of sent.entries()) {
      expect(chunk.length).toBeLessThanOrEqual(100);
      expect(requests[i]?.method).toBe("POST");
      expect(requests[i]?.route).toBe(`/orgs/${ORG}/service-accounts/count`);
      expect(requests[i]?.headers.get("content-type")).toMatch(/^application\/json/);
    }
    expect(sent.flat().sort()).toEqual([...unique].sort());
    expect(result.validServiceAccountIds).toHaveLength(220);
    expect(result.validServiceAccountIds).toContainEqual({ serviceAccountId: "sa-219", credentialsCount: 219 });
    expect(result.invalidServiceAccountIds.sort()).toEqual(unique.filter((id) => id.startsWith("x")).sort());
  });

  it("sends exactly 100 ids in one request", async () => {
    const { client, requests } = testClient(countAnswer);
    await client.serviceAccounts.countTokens(
      ORG,
      Array.from({ length: 100 }, (_, i) => `sa-${i}`),
    );
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0]?.body ?? "")).toHaveLength(100);
  });

  it("sends nothing for an empty list and returns empty results", async () => {
    const { client, requests } = testClient(countAnswer);
    expect(await client.serviceAccounts.countTokens(ORG, [])).toEqual({
      validServiceAccountIds: [],
      invalidServiceAccountIds: [],
    });
    expect(requests).toHaveLength(0);
  });

  it("rejects with the reason of a signal already aborted, an empty list too, as every call does", async () => {
    const { client, requests } = testClient(countAnswer);
    const reason = new Error("stopped");
    await expect(client.serviceAccounts.countTokens(ORG, [], { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
    expect(requests).toHaveLength(0);
  });

  it("sends the ids it checked: each is read once", async () => {
    const { client, requests } = testClient(countAnswer);
    let reads = 0;
    const ids = ["sa-1"];
    Object.defineProperty(ids, 0, {
      get: () => {
        reads += 1;
        return reads === 1 ? "sa-1" : 42;
      },
    });
    await client.serviceAccounts.countTokens(ORG, ids);
    expect(JSON.parse(requests[0]?.body ?? "null")).toEqual(["sa-1"]);
    expect(reads).toBe(1);
  });

  it("keeps the merged answers of the chunks that succeeded in a failure's partialResult", async () => {
    const { client } = testClient(
      (request) => ((JSON.parse(request.body) as string[]).includes("sa-150") ? json({}, 400) : countAnswer(request)),
      { concurrency: 1 },
    );
    const ids = Array.from({ length: 200 }, (_, i) => `sa-${i}`);
    const error = await client.serviceAccounts.countTokens(ORG, ids).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "BadRequestError", status: 400 });
    expect(error).toBeInstanceOf(AdminApiError);
    expect((error as AdminApiError).partialResult?.validServiceAccountIds).toHaveLength(100);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { createListCache } from "../../src/testing/list-cache.js";
import type { SandboxState } from "../../src/testing/sandbox-state.js";
import { seedData } from "../../src/testing/seed-data.js";
import type { ApiTokenSearchResponse } from "../../src/types.js";
import { call, getJson } from "./sandbox-client.js";

describe("the sandbox's list cache", () => {
  const now = new Date("2026-11-01T00:00:00Z");
  const fresh = (): SandboxState => ({
    orgId: "org-1",
    now,
    cursorKey: "test",
    ...seedData({ seed: 2, tokens: 300, serviceAccounts: 0, orgId: "org-1", now }),
  });

  it("filters and sorts once per query, whatever the cursor and pageSize", () => {
    const lists = createListCache(fresh());
    const first = lists.matching({ status: "ALLOWED", sort: "-lastActiveAt", pageSize: 10 });
    expect(lists.matching({ status: "ALLOWED", sort: "-lastActiveAt", pageSize: 50, cursor: "x" })).toBe(first);
    expect(lists.matching({ status: "ALLOWED", sort: "lastActiveAt" })).not.toBe(first);
    expect(first.every((t) => t.status === "ALLOWED")).toBe(true);
  });

  it("keeps a filter whose value spells out other filters apart from those filters", () => {
    const lists = createListCache(fresh());
    const filtered = lists.matching({ q: "a", status: "BLOCKED" });
    expect(filtered.length).toBeGreaterThan(0);
    expect(lists.matching({ q: "a&status=BLOCKED" })).toEqual([]);
  });

  it("forgets its lists on clear() and when the tokens are replaced", () => {
    const state = fresh();
    const lists = createListCache(state);
    const before = lists.matching({});
    lists.clear();
    expect(lists.matching({})).not.toBe(before);
    state.userTokens = state.userTokens.slice(0, 5);
    expect(lists.matching({})).toHaveLength(5);
  });

  it("keeps only the queries used last", () => {
    const lists = createListCache(fresh(), 2);
    const a = lists.matching({ q: "a" });
    lists.matching({ q: "b" });
    lists.matching({ q: "a" });
    lists.matching({ q: "c" });
    expect(lists.matching({ q: "a" })).toBe(a);
    const b = lists.matching({ q: "b" });
    expect(lists.matching({ q: "b" })).toBe(b);
  });
});

describe("paging across a revocation", () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await startSandbox({ tokens: 30 });
  });
  afterEach(() => sb.close());

  it("serves no token that a bulk revoke removed, even on a cursor issued before it", async () => {
    const first = await getJson<ApiTokenSearchResponse>(sb, "/api-tokens?pageSize=10");
    expect(first.data).toHaveLength(10);
    expect((await call(sb, "/api-tokens", { method: "DELETE" })).status).toBe(204);
    const next = await getJson<ApiTokenSearchResponse>(
      sb,
      `/api-tokens?pageSize=10&cursor=${encodeURIComponent(String(first.links.next))}`,
    );
    expect(next.data).toEqual([]);
    expect(next.links.next).toBeUndefined();
    expect((await getJson<ApiTokenSearchResponse>(sb, "/api-tokens?pageSize=10")).data).toEqual([]);
  });
});

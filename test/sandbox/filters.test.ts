import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import type { ApiToken, ApiTokenSearchResponse } from "../../src/types.js";
import { call, getJson } from "./sandbox-client.js";

const DAY = 86_400_000;
const now = Date.parse("2026-11-01T00:00:00Z");
const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : undefined);

/** Each filter, with the rule docs/sandbox.md states for it, applied to the sandbox's own tokens. */
const cases: [query: string, rule: (t: ApiToken) => boolean][] = [
  ["q=MIA", (t) => [t.label, t.user.name, t.user.email].some((s) => s?.toLowerCase().includes("mia"))],
  ["q=backup", (t) => [t.label, t.user.name, t.user.email].some((s) => s?.toLowerCase().includes("backup"))],
  ["status=BLOCKED", (t) => t.status === "BLOCKED"],
  [
    "lastActiveAtSearchType=gt&lastActiveAtUom=day&lastActiveAtValue=90",
    (t) => (time(t.lastActiveAt) ?? Number.POSITIVE_INFINITY) < now - 90 * DAY,
  ],
  [
    "lastActiveAtSearchType=lt&lastActiveAtUom=day&lastActiveAtValue=30",
    (t) => (time(t.lastActiveAt) ?? Number.NEGATIVE_INFINITY) > now - 30 * DAY,
  ],
  ["createdAtSearchType=gt&createdAtUom=day&createdAtValue=365", (t) => Date.parse(t.createdAt) < now - 365 * DAY],
  [
    "createdAtSearchType=range&createdAtFrom=2025-01-01T00:00:00Z&createdAtTo=2025-06-30T23:59:59Z",
    (t) => t.createdAt >= "2025-01-01T00:00:00Z" && t.createdAt <= "2025-06-30T23:59:59Z",
  ],
  ["createdAtSearchType=range&createdAtRangeFrom=2026-01-01T00:00:00Z", (t) => t.createdAt >= "2026-01-01T00:00:00Z"],
  [
    "status=ALLOWED&lastActiveAtSearchType=range&lastActiveAtTo=2026-06-01T00:00:00Z",
    (t) => t.status === "ALLOWED" && t.lastActiveAt != null && t.lastActiveAt <= "2026-06-01T00:00:00Z",
  ],
];

describe("sandbox filters and count", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  it.each(cases)("lists and counts exactly the documented matches of %s", async (query, rule) => {
    const expected = sb
      .tokens()
      .filter(rule)
      .map((t) => t.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(250);
    const page = await getJson<ApiTokenSearchResponse>(sb, `/api-tokens?pageSize=1000&${query}`);
    expect(page.data.map((t) => t.id).sort()).toEqual(expected.sort());
    expect(await getJson<number>(sb, `/api-tokens/count?${query}`)).toBe(expected.length);
  });

  it("counts every token without filters", async () => {
    expect(await getJson<number>(sb, "/api-tokens/count")).toBe(250);
  });

  it("leaves never-used tokens out of both gt and lt lastActiveAt searches", async () => {
    const q = (type: string) =>
      `/api-tokens?pageSize=1000&lastActiveAtSearchType=${type}&lastActiveAtUom=day&lastActiveAtValue=90`;
    const [gt, lt] = [
      await getJson<ApiTokenSearchResponse>(sb, q("gt")),
      await getJson<ApiTokenSearchResponse>(sb, q("lt")),
    ];
    const used = sb.tokens().filter((t) => t.lastActiveAt).length;
    expect(gt.data.length + lt.data.length).toBe(used);
    expect(used).toBeLessThan(250);
  });

  it("sorts by -lastActiveAt newest first, never-used last", async () => {
    const page = await getJson<ApiTokenSearchResponse>(sb, "/api-tokens?pageSize=1000&sort=-lastActiveAt");
    const dates = page.data.map((t) => t.lastActiveAt ?? "");
    const used = dates.filter((d) => d !== "");
    expect(used).toEqual([...used].sort().reverse());
    expect(dates.slice(used.length).every((d) => d === "")).toBe(true);
  });

  it("reads an unencoded + in sort (a space once decoded) as ascending", async () => {
    const page = await getJson<ApiTokenSearchResponse>(sb, "/api-tokens?pageSize=1000&sort=+lastActiveAt");
    const used = page.data.map((t) => t.lastActiveAt).filter((d): d is string => typeof d === "string");
    expect(used).toEqual([...used].sort());
  });

  it("reads empty values as docs/sandbox.md says: q and status filter nothing, the others answer 400", async () => {
    const all = await getJson<ApiTokenSearchResponse>(sb, "/api-tokens?pageSize=1000");
    for (const query of ["q=", "status=", "q=&status="]) {
      const page = await getJson<ApiTokenSearchResponse>(sb, `/api-tokens?pageSize=1000&${query}`);
      expect(page.data, query).toEqual(all.data);
      expect(await getJson<number>(sb, `/api-tokens/count?${query}`), query).toBe(all.data.length);
    }
    const refused: [query: string, names: string][] = [
      ["sort=", "sort"],
      ["cursor=", "cursor"],
      ["pageSize=", "pageSize"],
      ["createdAtSearchType=", "createdAtSearchType"],
      ["lastActiveAtSearchType=gt&lastActiveAtUom=&lastActiveAtValue=1", "lastActiveAtUom"],
      ["createdAtSearchType=range&createdAtFrom=&createdAtTo=2027-01-01", "createdAtFrom"],
    ];
    for (const [query, name] of refused) {
      const response = await call(sb, `/api-tokens?${query}`);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(await response.json()), query).toContain(name);
    }
    // An exact match, not "no filter": an account with labelled tokens, none of them empty, gets none back.
    let checked = 0;
    for (const account of sb.serviceAccountIds) {
      const tokens = await getJson<{ label: string }[]>(sb, `/service-accounts/${account}/api-tokens`);
      if (tokens.length === 0) continue;
      expect(tokens.every((t) => t.label !== "")).toBe(true);
      expect(await getJson<unknown[]>(sb, `/service-accounts/${account}/api-tokens?tokenLabel=`)).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

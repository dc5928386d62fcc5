import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import type { ApiTokenSearchResponse } from "../../src/types.js";
import { call, getJson } from "./sandbox-client.js";

async function collect(sb: Sandbox, query: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null | undefined;
  let pages = 0;
  do {
    const page = await getJson<ApiTokenSearchResponse>(
      sb,
      `/api-tokens?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    ids.push(...page.data.map((t) => t.id));
    cursor = page.links.next;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe("sandbox pagination", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ tokens: 100 });
  });
  afterAll(() => sb.close());

  it("covers every token exactly once with pageSize 7", async () => {
    const { ids, pages } = await collect(sb, "pageSize=7");
    expect(pages).toBe(Math.ceil(100 / 7));
    expect(new Set(ids).size).toBe(100);
    expect(ids.sort()).toEqual(
      sb
        .tokens()
        .map((t) => t.id)
        .sort(),
    );
  });

  it("serves 50 tokens per page when pageSize is absent", async () => {
    const page = await getJson<ApiTokenSearchResponse>(sb, "/api-tokens");
    expect(page.data).toHaveLength(50);
    expect(page.links.self).toEqual(expect.any(String));
    expect(page.links.next).toEqual(expect.any(String));
  });

  it("omits links.next on the last page", async () => {
    const page = await getJson<ApiTokenSearchResponse>(sb, "/api-tokens?pageSize=1000");
    expect(page.data).toHaveLength(100);
    expect(page.links).not.toHaveProperty("next");
  });

  it("refuses a cursor sent with other filters", async () => {
    const first = await getJson<ApiTokenSearchResponse>(sb, "/api-tokens?pageSize=5");
    const response = await call(sb, `/api-tokens?pageSize=5&status=BLOCKED&cursor=${first.links.next}`);
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].detail).toContain("cursor");
  });

  it("refuses a cursor sent with a filter whose value spells out the original query's other filters", async () => {
    const page = await getJson<ApiTokenSearchResponse>(sb, "/api-tokens?q=a&status=ALLOWED&pageSize=2");
    const cursor = encodeURIComponent(page.links.next ?? "");
    expect(cursor).not.toBe("");
    const lookalike = `q=${encodeURIComponent("a&status=ALLOWED")}&pageSize=2`;
    const response = await call(sb, `/api-tokens?${lookalike}&cursor=${cursor}`);
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].detail).toContain("other filters, sort or pageSize");
    expect((await call(sb, `/api-tokens?q=a&status=ALLOWED&pageSize=2&cursor=${cursor}`)).status).toBe(200);
  });

  it("refuses a cursor it did not issue: mangled, edited, or from a sandbox with other data", async () => {
    const next = (await getJson<ApiTokenSearchResponse>(sb, "/api-tokens?pageSize=5")).links.next ?? "";
    const edited = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(next, "base64url").toString("utf8")), o: 50 }),
    ).toString("base64url");
    const other = await startSandbox({ tokens: 100, seed: 2 });
    const foreign = (await getJson<ApiTokenSearchResponse>(other, "/api-tokens?pageSize=5")).links.next ?? "";
    await other.close();
    expect(foreign).not.toBe(next);
    for (const cursor of [`${next}!!!`, `${next}=`, `${next}A`, edited, foreign, "e30", "bm90IGpzb24"]) {
      const response = await call(sb, `/api-tokens?pageSize=5&cursor=${encodeURIComponent(cursor)}`);
      expect(response.status, cursor).toBe(400);
      expect((await response.json()).errors[0].detail, cursor).toBe(
        "Invalid value for parameter 'cursor': not a cursor this API issued",
      );
    }
    const page = await getJson<ApiTokenSearchResponse>(sb, `/api-tokens?pageSize=5&cursor=${next}`);
    expect(page.data).toHaveLength(5);
  });

  it("accepts its cursors after a restart with the same options, as the API's survive between calls", async () => {
    const next = (await getJson<ApiTokenSearchResponse>(sb, "/api-tokens?pageSize=5")).links.next ?? "";
    const again = await startSandbox({ tokens: 100, now: new Date("2026-12-01T00:00:00Z") });
    try {
      const page = await getJson<ApiTokenSearchResponse>(again, `/api-tokens?pageSize=5&cursor=${next}`);
      expect(page.data.map((t) => t.id)).toEqual(
        again
          .tokens()
          .slice(5, 10)
          .map((t) => t.id),
      );
    } finally {
      await again.close();
    }
  });

  it("pages through a filtered and sorted list in order", async () => {
    const { ids } = await collect(sb, "pageSize=4&sort=-createdAt&status=ALLOWED");
    const expected = sb
      .tokens()
      .filter((t) => t.status === "ALLOWED")
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((t) => t.id);
    expect(ids).toEqual(expected);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { call } from "./sandbox-client.js";

async function detailOf(response: Response): Promise<string> {
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.errors[0]).toMatchObject({ code: "INVALID_REQUEST", status: "400", title: "Bad Request" });
  return body.errors[0].detail;
}

describe("sandbox request validation", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ tokens: 20 });
  });
  afterAll(() => sb.close());

  it.each([
    ["pageSize=0", "pageSize"],
    ["pageSize=abc", "pageSize"],
    ["pageSize=1001", "pageSize"],
    ["createdAtSearchType=between", "createdAtSearchType"],
    ["lastActiveAtSearchType=gt&lastActiveAtUom=fortnight&lastActiveAtValue=1", "lastActiveAtUom"],
    ["lastActiveAtSearchType=gt&lastActiveAtUom=day", "lastActiveAtValue"],
    ["createdAtFrom=2025-01-01T00:00:00Z", "createdAtSearchType"],
    ["createdAtSearchType=range&createdAtFrom=yesterday", "createdAtFrom"],
    ["sort=-label", "sort"],
    ["cursor=not-a-cursor", "cursor"],
  ])("answers 400 naming the parameter for %s", async (query, parameter) => {
    expect(await detailOf(await call(sb, `/api-tokens?${query}`))).toContain(parameter);
  });

  it.each([
    "pageSize=1e2",
    "pageSize=0x10",
    "pageSize=%2010",
    "pageSize=10.0",
    "createdAtSearchType=gt&createdAtUom=day&createdAtValue=1e1",
  ])("answers 400 to an integer not written in decimal digits: %s", async (query) => {
    expect(await detailOf(await call(sb, `/api-tokens?${query}`))).toMatch(
      /^Invalid value for parameter '\w+': must be integer$/,
    );
  });

  it("still takes an integer in decimal digits, and names a negative one by the schema's minimum", async () => {
    expect((await call(sb, "/api-tokens?pageSize=7")).status).toBe(200);
    expect(await detailOf(await call(sb, "/api-tokens?pageSize=-1"))).toContain("must be >= 1");
  });

  it.each([
    "/service-accounts/%ZZ/api-tokens",
    "/service-accounts/%E0%A4%A/api-tokens",
    "/service-accounts/%/api-tokens",
  ])("answers 400, not a sandbox error, to a path that does not percent-decode: %s", async (path) => {
    for (const method of ["GET", "DELETE"]) {
      expect(await detailOf(await call(sb, path, { method }))).toBe(
        "The path holds malformed percent-encoding (each % must begin a %XX escape of UTF-8)",
      );
    }
  });

  it("answers 400 to an unknown search type on the count too", async () => {
    expect(await detailOf(await call(sb, "/api-tokens/count?lastActiveAtSearchType=older"))).toContain(
      "lastActiveAtSearchType",
    );
  });

  it.each([
    ["GET", "/api-tokens?pagesize=2", "pagesize"],
    ["GET", "/api-tokens/count?sort=-lastActiveAt", "sort"],
    ["DELETE", "/api-tokens?status=BLOCKED", "status"],
  ])("answers 400 naming an unknown query parameter on %s %s", async (method, path, parameter) => {
    expect(await detailOf(await call(sb, path, { method }))).toBe(`Unknown query parameter '${parameter}'`);
  });

  it("revokes nothing when a DELETE carries an unknown query parameter", async () => {
    const before = sb.tokens().length;
    expect(before).toBeGreaterThan(0);
    await call(sb, "/api-tokens?status=BLOCKED", { method: "DELETE" });
    expect(sb.tokens()).toHaveLength(before);
  });

  it.each(["2026-10-01T00:00:00", "2026/10/01", "October 1, 2026", "1", "2026-02-30"])(
    "answers 400 to a range bound that is not an ISO 8601 instant with a zone (%s): no machine time zone applies",
    async (value) => {
      const path = `/api-tokens/count?lastActiveAtSearchType=range&lastActiveAtFrom=${encodeURIComponent(value)}`;
      expect(await detailOf(await call(sb, path))).toMatch(/^lastActiveAtFrom must be an ISO 8601 date/);
    },
  );

  it.each(["2026-10-01", "2026-10-01T00:00:00Z", "2026-10-01T02:00:00+02:00"])(
    "reads the range bound %s as midnight UTC",
    async (value) => {
      const from = Date.parse("2026-10-01T00:00:00Z");
      const expected = sb.tokens().filter((t) => Date.parse(t.createdAt) >= from).length;
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(sb.tokens().length);
      const path = `/api-tokens/count?createdAtSearchType=range&createdAtFrom=${encodeURIComponent(value)}`;
      expect(await (await call(sb, path)).json()).toBe(expected);
    },
  );

  it("answers 400 to more than 100 service account ids", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    const response = await call(sb, "/service-accounts/count", { method: "POST", body: JSON.stringify(ids) });
    expect(await detailOf(response)).toContain("100");
  });

  it("accepts exactly 100 service account ids", async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `id-${i}`);
    const response = await call(sb, "/service-accounts/count", { method: "POST", body: JSON.stringify(ids) });
    expect(response.status).toBe(200);
  });

  it("answers 400 to a count body that is not an array", async () => {
    const response = await call(sb, "/service-accounts/count", { method: "POST", body: JSON.stringify({ id: "x" }) });
    expect(response.status).toBe(400);
  });

  it("answers 400 to a count body that is not JSON, saying only that", async () => {
    const response = await call(sb, "/service-accounts/count", { method: "POST", body: '["a", ' });
    const detail = await detailOf(response);
    expect(detail).toMatch(/^Invalid request body: not JSON, /);
    // Not also "must be array", which is what the unparsed text fails as.
    expect(detail).not.toContain(";");
  });
});

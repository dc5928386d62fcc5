import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import type { ApiTokenSearchResponse } from "../../src/types.js";
import { call, getJson } from "./sandbox-client.js";

describe("sandbox faults", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ tokens: 12 });
  });
  afterAll(() => sb.close());

  it.each([
    [{ kind: "429", retryAfter: 7 } as const, "7"],
    [{ kind: "429", retryAfter: "0" } as const, "0"],
    [{ kind: "429", retryAfter: "soon" } as const, "soon"],
    [{ kind: "429", retryAfter: new Date("2030-01-01T00:00:00Z") } as const, "Tue, 01 Jan 2030 00:00:00 GMT"],
  ])("answers 429 with the Retry-After of %j", async (fault, header) => {
    sb.fault(fault);
    const response = await call(sb, "/api-tokens");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe(header);
  });

  it("answers 429 with only X-RateLimit-Reset when retryAfter is absent", async () => {
    sb.fault({ kind: "429", resetAfterSeconds: 5 });
    const response = await call(sb, "/api-tokens");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBeNull();
    const reset = Date.parse(response.headers.get("x-ratelimit-reset") ?? "");
    expect(reset - Date.now()).toBeGreaterThan(3000);
  });

  it.each([500, 502, 503, 504] as const)("answers %i with an HTML body", async (status) => {
    sb.fault({ kind: "server-error", status });
    const response = await call(sb, "/api-tokens/count");
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain(`<h1>${status}`);
  });

  it("answers 403 with the spec's error body to a forbidden fault, on any operation", async () => {
    sb.fault({ kind: "forbidden", match: { method: "DELETE" } });
    const response = await call(sb, "/api-tokens", { method: "DELETE" });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { errors: { code: string; status: string; detail: string }[] };
    expect(body.errors).toEqual([expect.objectContaining({ code: "FORBIDDEN", status: "403" })]);
    expect(body.errors[0]?.detail).toMatch(/scope/);
    // Nothing was revoked: the fault answered instead of the API.
    expect(await getJson<number>(sb, "/api-tokens/count")).toBe(12);
  });

  it("consumes each fault once, so the next request succeeds", async () => {
    sb.fault({ kind: "server-error", status: 503 });
    expect((await call(sb, "/api-tokens/count")).status).toBe(503);
    expect((await call(sb, "/api-tokens/count")).status).toBe(200);
  });

  it("matches a fault's path against a request with a trailing slash, and records the path without it", async () => {
    sb.fault({ kind: "server-error", status: 503, match: { path: `/orgs/${sb.orgId}/api-tokens/count` } });
    const response = await call(sb, "/api-tokens/count/");
    expect(response.status).toBe(503);
    expect(sb.requests.at(-1)?.path).toBe(`/orgs/${sb.orgId}/api-tokens/count`);
  });

  it("keeps a fault with a match for the request it matches", async () => {
    sb.fault({ kind: "server-error", status: 500, match: { method: "POST" } });
    expect((await call(sb, "/api-tokens/count")).status).toBe(200);
    const response = await call(sb, "/service-accounts/count", { method: "POST", body: "[]" });
    expect(response.status).toBe(500);
  });

  it("makes fetch reject on reset", async () => {
    sb.fault({ kind: "reset" });
    await expect(call(sb, "/api-tokens")).rejects.toThrow();
  });

  it("never answers on hang, so the caller's timeout aborts", async () => {
    sb.fault({ kind: "hang" });
    await expect(call(sb, "/api-tokens", { signal: AbortSignal.timeout(150) })).rejects.toThrow(/abort|timeout/i);
  });

  it("cuts the JSON in half on truncated-json, so response.json() rejects", async () => {
    sb.fault({ kind: "truncated-json" });
    const response = await call(sb, "/api-tokens");
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("answers 200 text/html on wrong-content-type", async () => {
    sb.fault({ kind: "wrong-content-type" });
    const response = await call(sb, "/api-tokens");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("answers a page whose data is an object on data-not-array", async () => {
    sb.fault({ kind: "data-not-array" });
    const body = await getJson<{ data: unknown }>(sb, "/api-tokens?pageSize=2");
    expect(typeof body.data).toBe("object");
    expect(Array.isArray(body.data)).toBe(false);
  });

  it("repeats the received cursor as links.next on repeat-cursor", async () => {
    const first = await getJson<ApiTokenSearchResponse>(sb, "/api-tokens?pageSize=3");
    sb.fault({ kind: "repeat-cursor" });
    const second = await getJson<ApiTokenSearchResponse>(sb, `/api-tokens?pageSize=3&cursor=${first.links.next}`);
    expect(second.links.next).toBe(first.links.next);
    expect(second.data).toHaveLength(3);
  });

  it.each([
    [{ kind: "bogus" }, /unknown kind "bogus"; one of 429, server-error/],
    [{ kind: "server-error", status: 418 }, /server-error needs status 500, 502, 503 or 504; got 418/],
    [{ kind: "server-error", status: 5n }, /server-error needs status 500, 502, 503 or 504; got 5n/],
    [{ kind: Symbol("x") }, /unknown kind a symbol; one of 429/],
    [{ kind: "429", retryAfter: -1 }, /retryAfter must be whole seconds >= 0/],
    [{ kind: "429", retryAfter: new Date("nope") }, /retryAfter must be/],
    [{ kind: "429", resetAfterSeconds: "1" }, /resetAfterSeconds must be a number from 0 to 1e9/],
    [{ kind: "429", resetAfterSeconds: Number.POSITIVE_INFINITY }, /resetAfterSeconds must be a number from 0/],
    [{ kind: "429", retryAfter: "1\r\nX-Evil: 1" }, /no control characters/],
    [{ kind: "reset", delayMs: -5 }, /delayMs must be an integer from 0/],
    [{ kind: "reset", match: { path: 5 } }, /match.path must be a string or a RegExp/],
    ["reset", /each fault must be an object/],
  ])("refuses the fault %o, queueing none of the faults passed with it", async (fault, message) => {
    const before = sb.requests.length;
    expect(() => sb.fault({ kind: "reset" }, fault as never)).toThrow(message);
    expect((await call(sb, "/api-tokens/count")).status).toBe(200);
    expect(sb.requests.slice(before).map((r) => r.status)).toEqual([200]);
  });

  it("takes a match.path RegExp from another realm", async () => {
    sb.fault({ kind: "server-error", status: 503, match: { path: runInNewContext("/count$/") as RegExp } });
    expect((await call(sb, "/api-tokens?pageSize=1")).status).toBe(200);
    expect((await call(sb, "/api-tokens/count")).status).toBe(503);
  });

  it("answers its own failure 500 and records that status", async () => {
    class Throwing extends RegExp {
      override test(): boolean {
        throw new Error("match failed");
      }
    }
    // A sandbox of its own: the fault that fails to match stays queued.
    const own = await startSandbox({ tokens: 1 });
    try {
      own.fault({ kind: "reset", match: { path: new Throwing("x") } });
      const response = await call(own, "/api-tokens/count");
      expect(response.status).toBe(500);
      expect(await response.text()).toContain("match failed");
      expect(own.requests.map((r) => r.status)).toEqual([500]);
    } finally {
      await own.close();
    }
  });

  it("waits delayMs before acting out a fault", async () => {
    sb.fault({ kind: "server-error", status: 502, delayMs: 120 });
    const started = performance.now();
    expect((await call(sb, "/api-tokens/count")).status).toBe(502);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe("sandbox random faults", () => {
  it("injects only retryable faults at faultRate, the same ones for the same seed", async () => {
    const run = async () => {
      const sb = await startSandbox({ tokens: 3, faultRate: 0.5, seed: 11 });
      const statuses: (number | "reset")[] = [];
      for (let i = 0; i < 40; i++) {
        statuses.push(
          await call(sb, "/api-tokens/count").then(
            (r) => r.status,
            () => "reset" as const,
          ),
        );
      }
      await sb.close();
      return statuses;
    };
    const statuses = await run();
    expect(statuses).toEqual(await run());
    expect(new Set(statuses).size).toBeGreaterThan(2);
    expect(statuses.every((s) => [200, 429, 500, 502, 503, 504, "reset"].includes(s))).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(5);
  });
});

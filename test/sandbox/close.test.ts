import { describe, expect, it } from "vitest";
import { startSandbox } from "../../src/testing/index.js";
import { call } from "./sandbox-client.js";

describe("sandbox close", () => {
  it("resolves with a hanging request open, which then fails", async () => {
    const sb = await startSandbox({ tokens: 1 });
    sb.fault({ kind: "hang" });
    const hanging = call(sb, "/api-tokens").then(
      () => "answered",
      () => "failed",
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sb.requests.at(-1)?.status).toBe(0);
    await sb.close();
    expect(await hanging).toBe("failed");
  });

  it("frees the port, so a new sandbox can listen on it", async () => {
    const sb = await startSandbox({ tokens: 1 });
    const port = Number(new URL(sb.baseUrl).port);
    await call(sb, "/api-tokens/count");
    await sb.close();
    const again = await startSandbox({ tokens: 1, port });
    expect(again.baseUrl).toContain(`:${port}/`);
    await again.close();
  });

  it.each([null, "tokens=3", 3])(
    "refuses options that are not an object (%j) with a TypeError saying so",
    async (options) => {
      await expect(startSandbox(options as never)).rejects.toThrow(new TypeError("Sandbox options must be an object"));
    },
  );

  it("refuses unknown options", async () => {
    await expect(startSandbox({ tokenz: 3 } as never)).rejects.toThrow(/tokenz/);
  });

  it.each<[string, Record<string, unknown>]>([
    ["rateLimit", { rateLimit: { limit: 3, windowMs: Number.POSITIVE_INFINITY } }],
    ["rateLimit", { rateLimit: { limit: 1.5, windowMs: 1000 } }],
    ["seed", { seed: 1.9 }],
    ["seed", { seed: 2 ** 32 + 1 }],
    ["seed", { seed: Number.NaN }],
    ["latencyMs", { latencyMs: 3e9 }],
    ["now", { now: "2026-01-01" }],
    ["apiKey", { apiKey: "" }],
    ["apiKey", { apiKey: "a b" }],
    ["orgId", { orgId: "" }],
    ["port", { port: "sock" }],
    ["port", { port: null }],
    ["port", { port: -1 }],
    ["port", { port: 65_536 }],
    ["port", { port: 80.5 }],
    ["faultRate", { faultRate: true }],
    ["faultRate", { faultRate: "0.5" }],
    ["faultRate", { faultRate: null }],
    ["faultRate", { faultRate: Number.NaN }],
    ["rateLimit", { rateLimit: null }],
    ["rateLimit", { rateLimit: true }],
    ["rateLimit", { rateLimit: { limit: 3, windowMs: 1000, burst: 3 } }],
  ])("refuses an out-of-range %s at start (%j), naming it", async (name, options) => {
    await expect(startSandbox(options as never)).rejects.toThrow(new RegExp(`Sandbox option ${name} `));
  });

  it("refuses a bad port before seeding anything", async () => {
    // Seeding checks the signal first: a port checked only when listening would reject with the abort instead.
    const signal = AbortSignal.abort(new Error("seeding started"));
    await expect(startSandbox({ port: 70_000, signal })).rejects.toThrow(/Sandbox option port /);
  });

  it("names the unknown field of rateLimit", async () => {
    await expect(startSandbox({ rateLimit: { limit: 3, windowMs: 1000, burst: 3 } as never })).rejects.toThrow(/burst/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { call } from "./sandbox-client.js";

describe("sandbox auth and routing", () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ tokens: 20 });
  });
  afterAll(() => sb.close());

  it("listens on 127.0.0.1 under the real base path", () => {
    expect(sb.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin\/api-access\/v1$/);
  });

  it("answers 401 with an ErrorResponse body without an Authorization header", async () => {
    const response = await fetch(`${sb.baseUrl}/orgs/${sb.orgId}/api-tokens`);
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.errors[0]).toMatchObject({ code: "UNAUTHORIZED", status: "401" });
  });

  it("answers 401 to a wrong key", async () => {
    const response = await call(sb, "/api-tokens", { headers: { Authorization: "Bearer not-the-key" } });
    expect(response.status).toBe(401);
  });

  it("answers 404 for another organization", async () => {
    const response = await fetch(`${sb.baseUrl}/orgs/another-org/api-tokens`, {
      headers: { Authorization: `Bearer ${sb.apiKey}` },
    });
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0].detail).toContain("another-org");
  });

  it("answers 404 for a path the spec does not have", async () => {
    expect((await call(sb, "/users")).status).toBe(404);
  });

  it("answers 404 for an unknown service account", async () => {
    expect((await call(sb, "/service-accounts/nobody/api-tokens")).status).toBe(404);
    expect((await call(sb, "/service-accounts/nobody/api-tokens", { method: "DELETE" })).status).toBe(404);
  });

  it("records method, path, query and status of every request, and never the API key", async () => {
    const before = sb.requests.length;
    await call(sb, "/api-tokens?pageSize=3");
    await fetch(`${sb.baseUrl}/orgs/${sb.orgId}/api-tokens/count`);
    await call(sb, "/api-tokens/count?status=ALLOWED&status=BLOCKED");
    expect(sb.requests.slice(before)).toEqual([
      {
        method: "GET",
        path: `/orgs/${sb.orgId}/api-tokens`,
        query: { pageSize: "3" },
        body: undefined,
        status: 200,
        authorized: true,
      },
      {
        method: "GET",
        path: `/orgs/${sb.orgId}/api-tokens/count`,
        query: {},
        body: undefined,
        status: 401,
        authorized: false,
      },
      {
        method: "GET",
        path: `/orgs/${sb.orgId}/api-tokens/count`,
        query: { status: ["ALLOWED", "BLOCKED"] },
        body: undefined,
        status: 400,
        authorized: true,
      },
    ]);
    expect(JSON.stringify(sb.requests)).not.toContain(sb.apiKey);
  });
});

describe("CORS", () => {
  it("answers a browser's preflight outside the rate limit, records it, and exposes the headers the SDK reads", async () => {
    const sb = await startSandbox({ rateLimit: { limit: 5, windowMs: 60_000 } });
    try {
      const url = `${sb.baseUrl}/orgs/${sb.orgId}/api-tokens`;
      const preflight = await fetch(url, {
        method: "OPTIONS",
        headers: {
          Origin: "http://127.0.0.1:1",
          "Access-Control-Request-Method": "GET",
          "Access-Control-Request-Headers": "authorization",
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization");
      expect(sb.requests).toEqual([
        {
          method: "OPTIONS",
          path: `/orgs/${sb.orgId}/api-tokens`,
          query: {},
          body: undefined,
          status: 204,
          authorized: false,
        },
      ]);
      const answer = await fetch(url, { headers: { Authorization: `Bearer ${sb.apiKey}` } });
      expect(answer.headers.get("x-ratelimit-remaining")).toBe("4");
      expect(answer.headers.get("access-control-allow-origin")).toBe("*");
      expect(answer.headers.get("access-control-expose-headers")).toContain("X-RateLimit-Remaining");
    } finally {
      await sb.close();
    }
  });
});

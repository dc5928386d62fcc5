import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, UnexpectedStatusError } from "../../src/index.js";

/**
 * A server where every API path redirects to /elsewhere, which would answer 200 to anything: a client that follows
 * redirects reads a count from it, or "revokes" by fetching it.
 */
let server: Server;
let base: string;
const seen: { method: string; path: string; authorization: string | undefined }[] = [];
const STATUS_FOR: Record<string, number> = { GET: 302, DELETE: 303, POST: 307 };

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    seen.push({ method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization });
    if (req.url?.startsWith("/elsewhere")) {
      res.writeHead(200, { "content-type": "application/json" }).end("42");
      return;
    }
    const status = STATUS_FOR[req.method ?? ""] ?? 302;
    res.writeHead(status, { location: `/elsewhere${req.url}?token=secret-in-query`, "x-request-id": "req-redirect" });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/api-access/v1`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const client = () => createClient({ apiKey: "redirect-test-key", baseUrl: base });
const followed = () => seen.filter((s) => s.path.startsWith("/elsewhere"));

describe("a redirect is an error, never followed", () => {
  it("GET: UnexpectedStatusError naming the status, the target and the request id; /elsewhere never asked", async () => {
    seen.length = 0;
    const error = await client()
      .apiTokens.count("org-1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    const e = error as UnexpectedStatusError;
    expect(e.status).toBe(302);
    expect(e.requestId).toBe("req-redirect");
    expect(e.message).toMatch(
      /^302 on GET \/admin\/api-access\/v1\/orgs\/org-1\/api-tokens\/count \(request id req-redirect\)\./,
    );
    expect(e.message).toContain(
      `does not redirect (to ${new URL(base).origin}/elsewhere/admin/api-access/v1/orgs/org-1/api-tokens/count)`,
    );
    expect(e.message).not.toContain("secret-in-query");
    expect(e.message).toContain("check baseUrl");
    expect(seen).toHaveLength(1);
    expect(followed()).toEqual([]);
  });

  it("DELETE (revokeAll): rejects, and no request reaches the redirect's target", async () => {
    seen.length = 0;
    await expect(client().apiTokens.revokeAll("org-1")).rejects.toMatchObject({
      name: "UnexpectedStatusError",
      status: 303,
    });
    expect(seen.map((s) => s.method)).toEqual(["DELETE"]);
    expect(followed()).toEqual([]);
  });

  it("POST (countTokens): rejects, once, without following", async () => {
    seen.length = 0;
    await expect(client().serviceAccounts.countTokens("org-1", ["sa-1"])).rejects.toMatchObject({ status: 307 });
    expect(seen.map((s) => s.method)).toEqual(["POST"]);
    expect(followed()).toEqual([]);
  });

  it("a walk stops on the redirect of its first page", async () => {
    seen.length = 0;
    await expect(client().apiTokens.list("org-1").toArray({ limit: 10 })).rejects.toBeInstanceOf(UnexpectedStatusError);
    expect(followed()).toEqual([]);
  });

  it("client.raw hands the 3xx over as the response, unfollowed", async () => {
    seen.length = 0;
    const { response } = await client().raw.GET("/orgs/{orgId}/api-tokens/count", { params: { path: { orgId: "o" } } });
    expect(response.status).toBe(302);
    expect(followed()).toEqual([]);
  });

  it('client.raw follows only when the call asks for it with redirect: "follow"', async () => {
    seen.length = 0;
    const { response, data } = await client().raw.GET("/orgs/{orgId}/api-tokens/count", {
      params: { path: { orgId: "o" } },
      redirect: "follow",
    });
    expect([response.status, data]).toEqual([200, 42]);
    expect(followed()).toHaveLength(1);
  });
});

describe("a browser's opaque redirect (status 0)", () => {
  /** What a browser's fetch gives for `redirect: "manual"`: no status, no headers, no body. */
  class OpaqueRedirect extends Response {
    override get type(): ResponseType {
      return "opaqueredirect";
    }
    override get status(): number {
      return 0;
    }
    override get ok(): boolean {
      return false;
    }
  }

  it("is an UnexpectedStatusError with status 0 that says a redirect was not followed", async () => {
    const requests: Request[] = [];
    const sdk = createClient({
      apiKey: "k",
      baseUrl: "https://api.example.test/v1",
      fetch: async (request) => {
        requests.push(request);
        return new OpaqueRedirect(null);
      },
    });
    const error = await sdk.apiTokens.count("org-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect((error as UnexpectedStatusError).status).toBe(0);
    expect((error as Error).message).toMatch(
      /^A redirect on GET \/v1\/orgs\/org-1\/api-tokens\/count\. The API does not redirect: check baseUrl/,
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]?.redirect).toBe("manual");
  });
});

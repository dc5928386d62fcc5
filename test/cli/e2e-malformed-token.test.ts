import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { token } from "./token-fixture.js";

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  // An answer whose second token has no user: not an ApiToken the spec allows.
  server = createServer((_, res) => {
    const { user: _user, ...userless } = token({ id: "t2" });
    res.writeHead(200, { "content-type": "application/json", "x-request-id": "req-7" });
    res.end(JSON.stringify({ data: [token({ id: "t1" }), userless], links: {} }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("a token the spec does not allow", () => {
  it.each([
    ["tokens list", ["tokens", "list"]],
    ["audit", ["audit", "--as-of", "2026-11-01T00:00:00Z"]],
  ])("%s exits 3 naming the token and the request id, not an unexpected failure", async (_, args) => {
    const env = { ATLASSIAN_ADMIN_API_KEY: "malformed-test-key", ATLASSIAN_ORG_ID: "org-1" };
    const { code, stdout, stderr } = await runCli(["--base-url", baseUrl, ...args], env);
    expect(code).toBe(3);
    expect(stdout).toBe("");
    expect(stderr).toContain("(request id req-7): the page's data[1] has no user with an id.");
    expect(stderr).not.toContain("Unexpected failure");
  });
});

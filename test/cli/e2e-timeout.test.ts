import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

/** A server that takes every request and never answers. */
let server: Server;
let baseUrl: string;
let requests = 0;

beforeAll(async () => {
  server = createServer(() => {
    requests += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/api-access/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("--timeout", () => {
  it("gives up on a server that never answers after the 4 attempts of that timeout, exit 3", async () => {
    const env = { ATLASSIAN_ADMIN_API_KEY: "key-for-a-silent-server", ATLASSIAN_ORG_ID: "org-1" };
    const { code, stderr } = await runCli(["--base-url", baseUrl, "--timeout", "100", "tokens", "count"], env);
    expect(code).toBe(3);
    expect(stderr).toMatch(
      /^error: GET \/admin\/api-access\/v1\/orgs\/org-1\/api-tokens\/count timed out after 4 attempts/,
    );
    expect(stderr).toContain("Retry later, or raise the timeout.");
    expect(requests).toBe(4);
  });

  it.each(["0", "soon", "2147483648"])("refuses --timeout %s before sending anything, exit 2", async (value) => {
    const before = requests;
    const env = { ATLASSIAN_ADMIN_API_KEY: "key-for-a-silent-server", ATLASSIAN_ORG_ID: "org-1" };
    const { code, stderr } = await runCli(["--base-url", baseUrl, "--timeout", value, "tokens", "count"], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/timeout/);
    expect(requests).toBe(before);
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { token } from "./token-fixture.js";

const KEY = "LEAK-CANARY-in-a-date-0123456789";
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  // A broken API that puts the caller's key where the dates go: a table shows dates as days, cut to 10 characters.
  server = createServer((req, res) => {
    const key = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const echoed = token({ id: "t1", createdAt: key, lastActiveAt: key, expiresAt: key });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: [echoed], links: {} }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("the key echoed back in a token's dates", () => {
  it.each([
    ["tokens list", ["tokens", "list"]],
    ["audit", ["audit", "--as-of", "2026-11-01T00:00:00Z"]],
    ["audit --format md", ["audit", "--as-of", "2026-11-01T00:00:00Z", "--format", "md"]],
  ])("shows in no part in %s, where dates are cut to their day", async (_, args) => {
    const { stdout, stderr } = await runCli(["--base-url", baseUrl, ...args], {
      ATLASSIAN_ADMIN_API_KEY: KEY,
      ATLASSIAN_ORG_ID: "org-echo",
    });
    expect(stdout).toContain("[REDACTED]");
    for (const text of [stdout, stderr]) expect(text).not.toContain(KEY.slice(0, 10));
  });
});

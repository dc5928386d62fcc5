import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { token } from "./token-fixture.js";

// Printable ASCII that JSON, CSV and Markdown each escape in their own way.
const KEY = 'LEAK-CANARY"echo\\key!_[x]';
const ORG = "org-echo";
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  // A hostile or broken API that puts the caller's key into a token's label.
  server = createServer((req, res) => {
    const key = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const stale = token({ id: "t1", label: `echo ${key} here`, lastActiveAt: "2020-01-01T00:00:00Z" });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: [stale], links: {} }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const env = { ATLASSIAN_ADMIN_API_KEY: KEY, ATLASSIAN_ORG_ID: ORG };

describe("the key echoed back by the server", () => {
  it.each([
    ["table", ["tokens", "list"]],
    ["json", ["tokens", "list", "--format", "json"]],
    ["jsonl", ["tokens", "list", "--format", "jsonl"]],
    ["csv", ["tokens", "list", "--format", "csv"]],
    ["md", ["audit", "--as-of", "2026-11-01T00:00:00Z", "--format", "md"]],
  ])("is redacted in %s output, however the format escapes it", async (_, args) => {
    const { stdout, stderr } = await runCli(["--base-url", baseUrl, ...args], env);
    expect(stdout).toMatch(/echo .*\[REDACTED\].* here/);
    for (const text of [stdout, stderr]) {
      expect(text).not.toContain("LEAK-CANARY");
      expect(text).not.toContain("echo\\");
    }
  });
});

describe("a table holding the key echoed back", () => {
  it.each([
    ["tokens list", ["tokens", "list"]],
    ["audit", ["audit", "--as-of", "2026-11-01T00:00:00Z"]],
  ])("%s keeps the columns after the redacted cell under their headers", async (_, args) => {
    const { stdout } = await runCli(["--base-url", baseUrl, ...args], env);
    const lines = stdout.split("\n");
    const row = lines.findIndex((line) => line.includes("[REDACTED]"));
    const header = lines[row - 1] ?? "";
    expect(header.startsWith("id")).toBe(true);
    expect(lines[row]?.indexOf("ALLOWED")).toBe(header.indexOf("status"));
    expect(stdout).not.toContain("LEAK-CANARY");
  });
});

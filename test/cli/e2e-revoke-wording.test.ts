/** What the revocations say, against an API that takes any id: one token in the org, one in the account. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url?.endsWith("/api-tokens/count")) return void res.end("1");
    const token = { id: "t1", label: "ci", status: "ALLOWED", createdAt: "2026-01-01T00:00:00Z", user: { id: "u1" } };
    res.end(JSON.stringify([token]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

// An id as typed or pasted, with a sequence that would clear the screen and a right-to-left override.
const ID = "org\u001b[2J\u202eid";
const env = { ATLASSIAN_ADMIN_API_KEY: "wording-test-key-0123456789", ATLASSIAN_ORG_ID: ID };

describe("revocation wording", () => {
  it("says one token in the singular, and shows the org id with its control characters blanked", async () => {
    const { code, stdout } = await runCli(["--base-url", baseUrl, "tokens", "revoke-all", "--dry-run"], env);
    expect(code).toBe(0);
    expect(stdout).toBe("Dry run: would revoke the 1 API token of organization org [2J id. Nothing was sent.\n");
  });

  it("says one service-account token in the singular, with the account id blanked too", async () => {
    const args = ["--base-url", baseUrl, "service-accounts", "revoke", ID, "--dry-run", "--format", "jsonl"];
    const { code, stderr } = await runCli(args, env);
    expect(code).toBe(0);
    expect(stderr).toContain("Dry run: would revoke this token of service account org [2J id. Nothing was sent.\n");
  });

  it("says so when it revoked one", async () => {
    const args = ["--base-url", baseUrl, "service-accounts", "revoke", "sa-1", "--yes"];
    const { code, stdout } = await runCli(args, env);
    expect(code).toBe(0);
    expect(stdout).toBe("Revoked 1 API token of service account sa-1.\n");
  });
});

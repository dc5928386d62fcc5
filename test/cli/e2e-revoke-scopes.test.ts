import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/index.js";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { runCli, runInProcess } from "./run-cli.js";

/**
 * A key made only to revoke: a gateway in front of the sandbox answers every GET and POST 403, and passes DELETEs
 * through. The revocations must still work; a dry run, which has nothing to show without the read, must not.
 */
const KEY = "LEAK-CANARY-delete-only-3c1f8e2a9b7d";
let sb: Sandbox;
let gateway: Server;
let base: string;
let env: Record<string, string>;
let account: string;
/** The sandbox read with a key that can: what is left to revoke. */
let direct: ReturnType<typeof createClient>;

beforeAll(async () => {
  sb = await startSandbox({ apiKey: KEY, tokens: 12, seed: 8 });
  direct = createClient({ apiKey: KEY, baseUrl: sb.baseUrl });
  const counts = await direct.serviceAccounts.countTokens(sb.orgId, sb.serviceAccountIds);
  account = counts.validServiceAccountIds.find((c) => c.credentialsCount > 0)?.serviceAccountId ?? "";
  gateway = createServer(async (req, res) => {
    if (req.method !== "DELETE") {
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ status: "403", code: "FORBIDDEN", title: "Forbidden" }] }));
      return;
    }
    const answer = await fetch(`${sb.baseUrl}${(req.url ?? "").replace(/^\/admin\/api-access\/v1/, "")}`, {
      method: "DELETE",
      headers: { authorization: req.headers.authorization ?? "" },
    });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/plain" });
    res.end(await answer.text());
  });
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/admin/api-access/v1`;
  env = { ATLASSIAN_ADMIN_API_KEY: KEY, ATLASSIAN_ORG_ID: sb.orgId };
});

afterAll(async () => {
  await new Promise((resolve) => gateway.close(resolve));
  await sb.close();
});

const deletes = () => sb.requests.filter((r) => r.method === "DELETE");
const accountTokens = async () => (await direct.serviceAccounts.listTokens(sb.orgId, account)).length;

describe("revocations with a key that cannot read", () => {
  it("a dry run fails with the read's 403: it has nothing to show, and nothing is revoked", async () => {
    const { code, stderr } = await runCli(["--base-url", base, "tokens", "revoke-all", "--dry-run"], env);
    expect(code).toBe(3);
    expect(stderr).toContain("needs the scope read:tokens:admin");
    expect(deletes()).toEqual([]);
  });

  it("service-accounts revoke --yes revokes without the list, after a note", async () => {
    expect(await accountTokens()).toBeGreaterThan(0);
    const { code, stdout, stderr } = await runCli(
      ["--base-url", base, "service-accounts", "revoke", account, "--yes"],
      env,
    );
    expect(stderr).toContain(
      "Note: could not read the account's tokens first (HTTP 403: reading needs the scope read:service-accounts-tokens:admin); going on without it.",
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`Revoked the API tokens of service account ${account}.\n`);
    expect(await accountTokens()).toBe(0);
  });

  it("tokens revoke-all asks on a terminal without the count, and revokes once the org id is typed", async () => {
    expect(await direct.apiTokens.count(sb.orgId)).toBeGreaterThan(0);
    const { code, stdout, stderr } = await runInProcess(["--base-url", base, "tokens", "revoke-all"], env, sb.orgId);
    expect(stderr).toContain("Note: could not read how many tokens there are first (HTTP 403");
    expect(stderr).toContain(`This revokes all API tokens of organization ${sb.orgId}.`);
    expect(code).toBe(0);
    expect(stdout).toBe(`Revoked all API tokens of organization ${sb.orgId}.\n`);
    expect(await direct.apiTokens.count(sb.orgId)).toBe(0);
  });
});

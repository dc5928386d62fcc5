import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminApiClient, createClient } from "../../src/index.js";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { runCli, runInProcess } from "./run-cli.js";

const KEY = "LEAK-CANARY-7b2e4c9d1f0a-revoke-key";

let sb: Sandbox;
let sdk: AdminApiClient;
let env: Record<string, string>;
const deletes = () => sb.requests.filter((r) => r.method === "DELETE");
const cli = (...args: string[]) => runCli(["--base-url", sb.baseUrl, ...args], env);
/** A service account that has tokens, so a revocation has something to remove. */
let account: string;

beforeAll(async () => {
  sb = await startSandbox({ apiKey: KEY, tokens: 30, seed: 5 });
  sdk = createClient({ apiKey: KEY, baseUrl: sb.baseUrl });
  env = { ATLASSIAN_ADMIN_API_KEY: KEY, ATLASSIAN_ORG_ID: sb.orgId };
  const counts = await sdk.serviceAccounts.countTokens(sb.orgId, sb.serviceAccountIds);
  const withTokens = counts.validServiceAccountIds.filter((c) => c.credentialsCount > 0);
  account = withTokens[0]?.serviceAccountId ?? "";
  expect(withTokens.length).toBeGreaterThan(1);
});

afterAll(async () => {
  await sb.close();
});

// In order: the guards first, on a full sandbox, then the revocations that empty it.
describe("the confirmation guard", () => {
  it("refuses revoke-all without a terminal or --yes: exit 2, not one request sent", async () => {
    const before = sb.requests.length;
    const { code, stderr } = await cli("tokens", "revoke-all");
    expect(code).toBe(2);
    expect(stderr).toContain("Pass --yes");
    expect(sb.requests.length).toBe(before);
  });

  it("refuses service-accounts revoke without a terminal or --yes", async () => {
    const { code } = await cli("service-accounts", "revoke", account);
    expect(code).toBe(2);
    expect(deletes()).toEqual([]);
  });

  it.each(["", " "])(
    "refuses revoke-all --yes with --org %j, not one request sent to the environment's org",
    async (org) => {
      const before = sb.requests.length;
      const { code, stderr } = await cli("--org", org, "tokens", "revoke-all", "--yes");
      expect(code).toBe(2);
      expect(stderr).toMatch(/^error: --org was given an empty value/);
      expect(sb.requests.length).toBe(before);
    },
  );

  it("refuses revoke-all --yes with an empty --api-key-file, not one request sent", async () => {
    const before = sb.requests.length;
    const { code, stderr } = await cli("--api-key-file=", "tokens", "revoke-all", "--yes");
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --api-key-file was given an empty value/);
    expect(sb.requests.length).toBe(before);
  });

  it("shows the count on revoke-all --dry-run and sends no DELETE", async () => {
    const { code, stdout } = await cli("tokens", "revoke-all", "--dry-run");
    expect(code).toBe(0);
    expect(stdout).toContain(`would revoke all ${await sdk.apiTokens.count(sb.orgId)} API tokens`);
    expect(deletes()).toEqual([]);
  });

  it("lists the account's tokens on revoke --dry-run and sends no DELETE", async () => {
    const { code, stdout } = await cli("service-accounts", "revoke", account, "--dry-run", "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(await sdk.serviceAccounts.listTokens(sb.orgId, account));
    expect(deletes()).toEqual([]);
  });

  it("sends nothing when the id typed at the prompt is wrong", async () => {
    const { code, stderr } = await runInProcess(["--base-url", sb.baseUrl, "tokens", "revoke-all"], env, "not-the-org");
    expect(code).toBe(2);
    expect(stderr).toContain("Type the org id to confirm");
    expect(stderr).toContain("nothing was revoked");
    expect(deletes()).toEqual([]);
  });
});

describe("revocation", () => {
  it("revokes an account's tokens once its id is typed at the prompt", async () => {
    const second = (await sdk.serviceAccounts.countTokens(sb.orgId, sb.serviceAccountIds)).validServiceAccountIds.find(
      (c) => c.credentialsCount > 0 && c.serviceAccountId !== account,
    )?.serviceAccountId as string;
    const args = ["--base-url", sb.baseUrl, "service-accounts", "revoke", second];
    const { code } = await runInProcess(args, env, second);
    expect(code).toBe(0);
    expect(await sdk.serviceAccounts.listTokens(sb.orgId, second)).toEqual([]);
  });

  it("revokes an account's tokens with --yes", async () => {
    const { code, stdout } = await cli("service-accounts", "revoke", account, "--yes");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Revoked \d+ API tokens? of service account /);
    expect(await sdk.serviceAccounts.listTokens(sb.orgId, account)).toEqual([]);
  });

  it("revokes every user token with revoke-all --yes", async () => {
    expect(await sdk.apiTokens.count(sb.orgId)).toBeGreaterThan(0);
    const { code } = await cli("tokens", "revoke-all", "--yes");
    expect(code).toBe(0);
    expect(await sdk.apiTokens.count(sb.orgId)).toBe(0);
    expect(deletes().map((r) => r.path)).toContain(`/orgs/${sb.orgId}/api-tokens`);
  });

  it("then finds nothing to audit and exits 0", async () => {
    const { code, stdout } = await cli("audit");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Tokens audited\s+0/);
  });
});

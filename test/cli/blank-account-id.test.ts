import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";
import { runCaptured } from "./run-cli.js";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ tokens: 3 });
});
afterAll(async () => {
  await sb.close();
});

describe.each([
  ["service-accounts tokens", ["service-accounts", "tokens"], []],
  ["service-accounts revoke --yes", ["service-accounts", "revoke"], ["--yes"]],
  ["service-accounts revoke --dry-run", ["service-accounts", "revoke"], ["--dry-run"]],
  ["service-accounts count", ["service-accounts", "count"], []],
])("%s with a blank id", (_, command, flags) => {
  it.each(["", " ", "\t\n"])("refuses %j as a usage error, sending nothing", async (id) => {
    const before = sb.requests.length;
    const env = { ATLASSIAN_ADMIN_API_KEY: sb.apiKey, ATLASSIAN_ORG_ID: sb.orgId };
    const { code, stdout, stderr } = await runCaptured(["--base-url", sb.baseUrl, ...command, id, ...flags], { env });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("error: A service account id given as an argument is empty (an unset variable, perhaps).\n");
    expect(sb.requests.length).toBe(before);
  });
});

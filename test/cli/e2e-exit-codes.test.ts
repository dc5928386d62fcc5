import { describe, expect, it } from "vitest";
import { useE2e } from "./e2e-fixture.js";
import { runCli } from "./run-cli.js";

const e2e = useE2e("codes");

describe.concurrent("exit codes and help", () => {
  it("exits 3 with one line when the key is wrong", async () => {
    const { code, stderr } = await runCli(["--base-url", e2e.sb.baseUrl, "tokens", "count"], {
      ...e2e.env,
      ATLASSIAN_ADMIN_API_KEY: "wrong-key-123456789",
    });
    expect(code).toBe(3);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^error: /);
  });

  it("adds status and stack with --verbose, still without the key", async () => {
    const { code, stderr } = await e2e.cli("--org", "no-such-org", "--verbose", "tokens", "count");
    expect(code).toBe(3);
    expect(stderr).toContain("status: 404");
    expect(stderr).toMatch(/at .+\.ts:\d+/);
  });

  it("exits 2 when no key is configured", async () => {
    const { code, stderr } = await runCli(["--base-url", e2e.sb.baseUrl, "tokens", "count"], {
      ATLASSIAN_ORG_ID: e2e.sb.orgId,
    });
    expect(code).toBe(2);
    expect(stderr).toContain("ATLASSIAN_ADMIN_API_KEY");
  });

  it("exits 2 when the key file is missing", async () => {
    const { code, stderr } = await e2e.cli("--api-key-file", "/no/such/key", "tokens", "count");
    expect(code).toBe(2);
    expect(stderr).toContain("ENOENT");
  });

  it("exits 2 on an unknown option or a bad value", async () => {
    expect((await e2e.cli("tokens", "list", "--bogus")).code).toBe(2);
    expect((await e2e.cli("tokens", "list", "--page-size", "zero")).code).toBe(2);
    expect((await e2e.cli("audit", "--format", "xml")).code).toBe(2);
  });

  it("shows help with examples and exit codes, and exits 0", async () => {
    const { code, stdout } = await e2e.cli("tokens", "revoke-all", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("Examples:");
    expect(stdout).toContain("130  interrupted");
  });

  it("prints the package version", async () => {
    const { code, stdout } = await e2e.cli("--version");
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

// Last, so it sees the output of every run above.
describe("the API key", () => {
  it("appears in no output of any run in this file", () => {
    e2e.expectNoKeyLeak();
  });
});

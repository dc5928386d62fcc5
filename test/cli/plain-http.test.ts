import { describe, expect, it } from "vitest";
import { plainHttpWarning } from "../../src/cli/plain-http.js";
import { runCaptured } from "./run-cli.js";

describe("plainHttpWarning", () => {
  it.each([
    "http://api.example.test/admin/api-access/v1",
    "http://10.0.0.5:8080/v1",
    "http://[2001:db8::1]/v1",
    "HTTP://Proxy.Example.Test/v1",
    "http://127.evil.example/v1",
    "http://localhost.example.test/v1",
  ])("warns of %s: the key would cross the network in the clear", (url) => {
    expect(plainHttpWarning(url)).toMatch(/^warning: --base-url is plain http to .+: the API key would cross/);
  });

  it.each([
    "https://api.atlassian.com/admin/api-access/v1",
    "http://127.0.0.1:4010/admin/api-access/v1",
    "http://127.1.2.3/v1",
    "http://localhost:4010/v1",
    "http://sandbox.localhost/v1",
    "http://[::1]:4010/v1",
    "not a url",
  ])("says nothing of %s", (url) => {
    expect(plainHttpWarning(url)).toBeUndefined();
  });
});

describe("the CLI with a plain http --base-url", () => {
  it("warns on stderr before doing anything, and still runs", async () => {
    // An id the SDK refuses: the run ends before any request, so nothing leaves this machine.
    const { code, stderr } = await runCaptured(
      ["--base-url", "http://api.example.test/admin/api-access/v1", "--org", "o", "service-accounts", "tokens", ".."],
      { env: { ATLASSIAN_ADMIN_API_KEY: "k" } },
    );
    expect(code).toBe(2);
    expect(stderr).toBe(
      "warning: --base-url is plain http to api.example.test: the API key would cross the network unencrypted. Use https.\n" +
        'error: The service account id cannot be ".." (nothing sent)\n',
    );
  });
});

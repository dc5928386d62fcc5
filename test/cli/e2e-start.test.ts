import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

describe("the main job (npm start)", () => {
  it("prints the audit of the embedded sandbox and exits 0 although it finds stale tokens", async () => {
    const { code, stdout, stderr } = await runCli(["audit", "--sandbox"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^API token audit/m);
    expect(stdout).toMatch(/Tokens audited\s+250/);
    expect(stdout).toMatch(/Not used for more than 90 days\s+[1-9]\d*/);
    expect(stderr).toContain("the embedded sandbox run exits 0");
  });
});

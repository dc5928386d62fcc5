import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commandExitCodes } from "../../src/cli/exit-codes.js";

const docs = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");
const row = (code: number) => docs.split("\n").find((line) => line.startsWith(`| ${code} |`)) ?? "";

describe("docs/cli.md on audit's exit codes", () => {
  it("says, as audit --help does, that a --sandbox audit exits 0 whatever it finds", () => {
    expect(commandExitCodes.audit.ok).toContain("always 0 with --sandbox");
    const audit = docs.slice(docs.indexOf("### `audit`"), docs.indexOf("### `sandbox"));
    expect(audit).toMatch(/Exits 1 when anything is found, 0 when nothing is.*always 0 with `--sandbox`/s);
    expect(row(0)).toContain("--sandbox");
    expect(row(1)).toContain("--sandbox");
  });
});

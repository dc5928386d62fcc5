import { describe, expect, it } from "vitest";
import { dashless } from "../../src/cli/option-values.js";
import { UsageError } from "../../src/cli/usage-error.js";

describe("dashless", () => {
  it.each([
    ["--", "--org", "<id>"],
    ["--sandbox", "--org", "<id>"],
    [" -x", "--base-url", "<url>"],
  ])("refuses %j for %s as a usage error that names the option, not the value", (value, flag, placeholder) => {
    const parse = dashless(flag, placeholder);
    expect(() => parse(value)).toThrow(UsageError);
    expect(() => parse(value)).toThrow(
      `${flag} needs a value, and was given a word starting with '-' instead: pass ${flag} ${placeholder}, or leave the option out. Nothing was sent.`,
    );
  });

  it("takes any other value as given", () => {
    expect(dashless("--org", "<id>")("2a8c5d3e-1b2c-4d5e-8f90-123456789abc")).toBe(
      "2a8c5d3e-1b2c-4d5e-8f90-123456789abc",
    );
    expect(dashless("--base-url", "<url>")("http://127.0.0.1:4010/v1")).toBe("http://127.0.0.1:4010/v1");
  });
});

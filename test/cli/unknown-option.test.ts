import { describe, expect, it } from "vitest";
import { redactUnknownOption } from "../../src/cli/unknown-option.js";

describe("redactUnknownOption", () => {
  it("drops the value of an unknown --name=value, whatever it holds", () => {
    for (const value of ["hunter2", "a'b", "it's'quoted'", "two\nlines", "x=y"]) {
      const text = redactUnknownOption(`error: unknown option '--bogus=${value}'\n`);
      expect(text, value).toBe("error: unknown option '--bogus=...'\n");
    }
  });

  it("keeps commander's suggestion, and leaves a message without a value as it is", () => {
    expect(redactUnknownOption("error: unknown option '--formt=csv'\n(Did you mean --format?)\n")).toBe(
      "error: unknown option '--formt=...'\n(Did you mean --format?)\n",
    );
    expect(redactUnknownOption("error: unknown option '--bogus'\n")).toBe("error: unknown option '--bogus'\n");
    expect(redactUnknownOption("error: missing required argument 'id'\n")).toBe(
      "error: missing required argument 'id'\n",
    );
  });

  it.each(["--api-key", "--apikey", "--key", "--token", "--password", "--secret", "--API-KEY"])(
    "says after an unknown %s where the key goes instead",
    (flag) => {
      const text = redactUnknownOption(`error: unknown option '${flag}=ATCTT3xREALKEY'\n`);
      expect(text).not.toContain("REALKEY");
      expect(text).toMatch(/^error: unknown option '.*=\.\.\.'\nThere is deliberately no option for the API key .*\n$/);
    },
  );

  it("shows only the letter of an unknown short option with a value glued on", () => {
    expect(redactUnknownOption("error: unknown option '-kATCTT3xREALKEY'\n")).toBe("error: unknown option '-k...'\n");
    expect(redactUnknownOption("error: unknown option '-k'\n")).toBe("error: unknown option '-k'\n");
    expect(redactUnknownOption("error: unknown option '-kSECRET1'SECRET2'\n")).toBe("error: unknown option '-k...'\n");
  });

  it("reports a flag given a value as such, showing none of the value", () => {
    const flags = new Set(["--all", "--sandbox"]);
    for (const value of ["yes", "ATCTT3xREALKEY", "a'b", "two\nlines", ""]) {
      const text = redactUnknownOption(`error: unknown option '--all=${value}'\n(Did you mean --all?)\n`, flags);
      expect(text, value).toBe("error: option '--all' takes no value: give it alone, without '=...'\n");
    }
    // Only a flag of the command: an unknown name keeps the unknown-option report.
    expect(redactUnknownOption("error: unknown option '--alll=x'\n", flags)).toBe(
      "error: unknown option '--alll=...'\n",
    );
  });

  it("drops a huge value whole", () => {
    expect(redactUnknownOption(`error: unknown option '--x=${"=".repeat(200_000)}'\n`)).toBe(
      "error: unknown option '--x=...'\n",
    );
  });

  it("shows an unknown command that looks like a command name, and nothing of one that does not", () => {
    expect(redactUnknownOption("error: unknown command 'tokns'\n(Did you mean tokens?)\n")).toBe(
      "error: unknown command 'tokns'\n(Did you mean tokens?)\n",
    );
    for (const pasted of ["ATCTT3xFfGF0REALKEY=abc", "sk_live_123", "a b", "it's"]) {
      const text = redactUnknownOption(`error: unknown command '${pasted}'\n`);
      expect(text, pasted).toBe("error: unknown command '...' (not shown: it is not a command name)\n");
    }
  });
});

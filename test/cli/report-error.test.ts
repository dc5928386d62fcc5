import { describe, expect, it } from "vitest";
import { REDACTED, redact } from "../../src/cli/redact.js";
import { reportError } from "../../src/cli/report-error.js";
import { RunFailure } from "../../src/cli/run-failure.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { AuthenticationError, ConnectionError, InvalidInputError } from "../../src/index.js";

const key = "ATCTT3xFfGN0-recognisable-test-key-(.*)+$";

describe("redact", () => {
  it("replaces every occurrence, regex metacharacters and all", () => {
    expect(redact(`a ${key} b ${key}`, [key])).toBe(`a ${REDACTED} b ${REDACTED}`);
  });

  it("replaces the key at the end of a huge input", () => {
    const huge = `${"x".repeat(5_000_000)}${key}`;
    expect(redact(huge, [key])).toBe(`${"x".repeat(5_000_000)}${REDACTED}`);
  });
});

describe("reportError", () => {
  it("exits 2 on a usage error with its message on one line", () => {
    expect(reportError(new UsageError("No API key: set it."), false, [])).toEqual({
      exitCode: 2,
      text: "error: No API key: set it.\n",
    });
  });

  it("exits 3 on a failure the CLI explains, with its message on one line", () => {
    expect(reportError(new RunFailure("Port 4010 is already in use."), false, [])).toEqual({
      exitCode: 3,
      text: "error: Port 4010 is already in use.\n",
    });
  });

  it("exits 3 on an API error, with status and request id only when verbose", () => {
    const error = new AuthenticationError("The API key was refused: check it.", { status: 401, requestId: "req-9" });
    const quiet = reportError(error, false, []);
    expect(quiet).toEqual({ exitCode: 3, text: "error: The API key was refused: check it.\n" });
    const verbose = reportError(error, true, []).text;
    expect(verbose).toContain("status: 401");
    expect(verbose).toContain("request id: req-9");
    expect(verbose).toContain("AuthenticationError");
  });

  it("exits 2 on input the SDK refused before sending, naming it as the command line does", () => {
    const error = new InvalidInputError("accountId", 'accountId cannot be ".."');
    expect(reportError(error, false, [])).toEqual({
      exitCode: 2,
      text: 'error: The service account id cannot be ".." (nothing sent)\n',
    });
    const org = new InvalidInputError("orgId", "orgId must be a non-empty string; got 5");
    expect(reportError(org, false, []).text).toBe(
      "error: The org id (--org or ATLASSIAN_ORG_ID) must be a non-empty string; got 5 (nothing sent)\n",
    );
    // A parameter the command line has no word of its own for keeps the SDK's.
    const other = new InvalidInputError("timeout", "timeout must be an integer >= 1; got 0");
    expect(reportError(other, false, []).text).toBe("error: timeout must be an integer >= 1; got 0 (nothing sent)\n");
  });

  it("exits 3 on a network failure", () => {
    expect(reportError(new ConnectionError("Could not connect."), false, []).exitCode).toBe(3);
  });

  it("reports whatever was thrown, even a value that cannot be made a string", () => {
    expect(reportError(Object.create(null), true, [])).toEqual({
      exitCode: 3,
      text: "error: Unexpected failure: an object\n",
    });
    const symbol = reportError(Symbol("stop"), false, []).text;
    expect(symbol).toBe("error: Unexpected failure: a symbol (run again with --verbose for details)\n");
  });

  it("redacts the key from the message, the stack and the causes", () => {
    const cause = new Error(`socket said ${key}`);
    const error = new Error(`boom ${key}`, { cause });
    const { text } = reportError(error, true, [key]);
    expect(text).not.toContain(key);
    expect(text).toContain(REDACTED);
  });
});

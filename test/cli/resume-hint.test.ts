import { describe, expect, it } from "vitest";
import { incompleteOutputNotice, interruptedOutputNotice, nextPageHint } from "../../src/cli/resume-hint.js";
import { ServerError } from "../../src/index.js";

const failedAt = (cursor: string | undefined) => Object.assign(new ServerError("HTTP 500"), { resumeCursor: cursor });

describe("incompleteOutputNotice", () => {
  it("says what was written and the cursor to go on from", () => {
    expect(incompleteOutputNotice(failedAt("abc"), 1000, Number.POSITIVE_INFINITY)).toBe(
      "The output is incomplete: 1000 tokens were written before the failure. To fetch the rest, run the same " +
        "command (same filters, sort and page size) with --cursor abc.\n",
    );
  });

  it("quotes a cursor the shell would split or expand", () => {
    expect(incompleteOutputNotice(failedAt("a b'$c"), 1, Number.POSITIVE_INFINITY)).toContain(
      `1 token was written before the failure. To fetch the rest, run the same command (same filters, sort and page size) with --cursor 'a b'\\''$c'.`,
    );
  });

  it("says how much of a --limit is left", () => {
    expect(incompleteOutputNotice(failedAt("abc"), 30, 100)).toContain("--cursor abc and --limit 70.");
  });

  it("says nothing when nothing was written, or the error carries no cursor", () => {
    expect(incompleteOutputNotice(failedAt("abc"), 0, 100)).toBeUndefined();
    expect(incompleteOutputNotice(failedAt(undefined), 5, 100)).toBeUndefined();
    expect(incompleteOutputNotice(new Error("boom"), 5, 100)).toBeUndefined();
  });
});

describe("interruptedOutputNotice", () => {
  it("says what was written before Ctrl-C and the cursor of the page after it", () => {
    expect(interruptedOutputNotice("abc", 5, 20)).toBe(
      "The output is incomplete: 5 tokens were written before Ctrl-C. To fetch the rest, run the same " +
        "command (same filters, sort and page size) with --cursor abc and --limit 15.\n",
    );
  });

  it("says nothing when nothing was written, or no page comes next", () => {
    expect(interruptedOutputNotice("abc", 0, 20)).toBeUndefined();
    expect(interruptedOutputNotice(undefined, 5, 20)).toBeUndefined();
  });
});

describe("nextPageHint", () => {
  it("gives a plain cursor as it is", () => {
    expect(nextPageHint("eyJvIjoxMDAwfQ")).toBe("More tokens: add --cursor eyJvIjoxMDAwfQ, or use --all.\n");
  });

  it("quotes a cursor the shell would split or expand", () => {
    expect(nextPageHint(`c u'r"sor`)).toBe(`More tokens: add --cursor 'c u'\\''r"sor', or use --all.\n`);
  });

  it("blanks control characters, which would reach the terminal raw", () => {
    const hint = nextPageHint("c\u001b[2Jx\u0007");
    expect(hint).toBe("More tokens: add --cursor 'c [2Jx ', or use --all.\n");
    const notice = incompleteOutputNotice(failedAt("a\u001b]0;t\u0007"), 5, Number.POSITIVE_INFINITY) ?? "";
    expect(notice).toContain("--cursor 'a ]0;t '.");
    expect(notice).not.toContain("\u001b");
  });
});

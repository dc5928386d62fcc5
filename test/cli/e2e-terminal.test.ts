import { describe, expect, it } from "vitest";
import { tokenColumns } from "../../src/cli/format/token-grid.js";
import { runCaptured } from "./run-cli.js";
import { terminalScreen } from "./terminal-screen.js";

describe("on a terminal, where stdout and stderr share the screen", () => {
  it("never lets the progress line run into the tokens streamed to stdout", async () => {
    const args = ["--sandbox", "--sandbox-tokens", "2500", "tokens", "list", "--all", "--format", "csv"];
    const { code, stdout, stderr, writes } = await runCaptured(args, { terminal: true });
    expect(code).toBe(0);
    // The progress line was shown (else this test proves nothing) ...
    expect(stderr).toContain("tokens list: 1 page, 1000 tokens");
    // ... yet the screen holds exactly the CSV: the header starts its own line, no line carries progress text.
    const screen = terminalScreen(writes.map((w) => w.text).join(""));
    expect(screen).toEqual(terminalScreen(stdout));
    expect(screen[0]).toBe(tokenColumns.join(","));
    expect(screen.filter((line) => line.includes("tokens list:"))).toEqual([]);
  });

  it("shows the progress line between pages while it waits", async () => {
    const args = ["--sandbox", "--sandbox-tokens", "2500", "tokens", "list", "--all", "--format", "jsonl"];
    const { writes } = await runCaptured(args, { terminal: true });
    const afterFirstPage = writes.findIndex((w) => w.stream === "stdout");
    const later = writes.slice(afterFirstPage).map((w) => w.text);
    expect(later).toContain("\r\u001b[2Ktokens list: 1 page, 1000 tokens");
  });
});

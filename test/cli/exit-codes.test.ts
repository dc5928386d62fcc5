import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { commandExitCodes, exitCodeHelp } from "../../src/cli/exit-codes.js";
import { buildProgram } from "../../src/cli/program.js";
import { runCaptured } from "./run-cli.js";

/** The path of every command that runs something (has no subcommands), e.g. `tokens list`. */
function leafPaths(command: Command, prefix = ""): string[] {
  return command.commands.flatMap((sub) => {
    const path = prefix ? `${prefix} ${sub.name()}` : sub.name();
    return sub.commands.length === 0 ? [path] : leafPaths(sub, path);
  });
}

/** The codes listed in an "Exit codes:" block. */
const codesIn = (help: string) =>
  [...(help.split("Exit codes:\n")[1] ?? "").matchAll(/^ {2}(\d+) /gm)].map((m) => Number(m[1]));

describe("exit codes in --help", () => {
  it("are listed for exactly the commands the program has", () => {
    // Commands only read the context when they run: building the tree needs the version alone.
    const program = buildProgram({ version: "0.0.0" } as Parameters<typeof buildProgram>[0]);
    expect(leafPaths(program).sort()).toEqual(Object.keys(commandExitCodes).sort());
  });

  it("list for the sandbox no 130, since Ctrl-C stops it with 0, nor the audit's 1", async () => {
    const { code, stdout } = await runCaptured(["sandbox", "--help"]);
    expect(code).toBe(0);
    expect(codesIn(stdout)).toEqual([0, 2, 3, 141]);
    expect(stdout).toContain("0    stopped with Ctrl-C");
  });

  it("list the findings code for the audit only", async () => {
    expect(codesIn((await runCaptured(["audit", "--help"])).stdout)).toEqual([0, 1, 2, 3, 130, 141]);
    expect(codesIn((await runCaptured(["tokens", "list", "--help"])).stdout)).toEqual([0, 2, 3, 130, 141]);
  });

  it("say for a revocation that an unconfirmed one exits 2", async () => {
    const { stdout } = await runCaptured(["service-accounts", "revoke", "--help"]);
    expect(stdout).toContain("a revocation that was not confirmed");
    expect((await runCaptured(["tokens", "count", "--help"])).stdout).not.toContain("not confirmed");
  });

  it("list every code in the program's own help", () => {
    expect(codesIn(exitCodeHelp())).toEqual([0, 1, 2, 3, 130, 141]);
  });
});

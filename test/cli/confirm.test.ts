import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { guardRevocation, isConfirmed, planConfirmation, promptForId } from "../../src/cli/confirm.js";
import { UsageError } from "../../src/cli/usage-error.js";

describe("planConfirmation", () => {
  it.each([
    [{ dryRun: true, yes: true, interactive: true }, "dry-run"],
    [{ dryRun: true, yes: false, interactive: false }, "dry-run"],
    [{ dryRun: false, yes: true, interactive: false }, "proceed"],
    [{ dryRun: false, yes: true, interactive: true }, "proceed"],
    [{ dryRun: false, yes: false, interactive: true }, "prompt"],
    [{ dryRun: false, yes: false, interactive: false }, "refuse"],
  ] as const)("%j gives %s", (input, plan) => {
    expect(planConfirmation(input)).toBe(plan);
  });
});

describe("isConfirmed", () => {
  it("accepts the exact id, ignoring surrounding spaces", () => {
    expect(isConfirmed("  org-1 \n", "org-1")).toBe(true);
  });

  it("refuses anything else, including y and a prefix", () => {
    expect(isConfirmed("y", "org-1")).toBe(false);
    expect(isConfirmed("org-", "org-1")).toBe(false);
    expect(isConfirmed("ORG-1", "org-1")).toBe(false);
  });
});

describe("promptForId", () => {
  const sink = () => {
    const lines: string[] = [];
    return { lines, write: (t: string) => lines.push(t) };
  };

  it("asks on stderr and resolves true when the id is typed", async () => {
    const stdin = new PassThrough();
    const stderr = sink();
    const answer = promptForId({ stdin, stderr }, "Type the org id: ", "org-1");
    stdin.write("org-1\n");
    await expect(answer).resolves.toBe(true);
    expect(stderr.lines).toEqual(["Type the org id: "]);
  });

  it("resolves false on a wrong id", async () => {
    const stdin = new PassThrough();
    const answer = promptForId({ stdin, stderr: sink() }, "? ", "org-1");
    stdin.write("org-2\n");
    await expect(answer).resolves.toBe(false);
  });

  it("resolves false at the end of input, ending the question's line", async () => {
    const stdin = new PassThrough();
    const stderr = sink();
    const answer = promptForId({ stdin, stderr }, "? ", "org-1");
    stdin.end();
    await expect(answer).resolves.toBe(false);
    expect(stderr.lines).toEqual(["? ", "\n"]);
  });

  it("resolves false when aborted (Ctrl-C)", async () => {
    const controller = new AbortController();
    const answer = promptForId({ stdin: new PassThrough(), stderr: sink() }, "? ", "org-1", controller.signal);
    controller.abort();
    await expect(answer).resolves.toBe(false);
  });
});

describe("guardRevocation", () => {
  const io = (stdinIsTTY: boolean) => {
    const stderr: string[] = [];
    return { stdin: new PassThrough(), stderr: { write: (t: string) => stderr.push(t) }, stdinIsTTY, asked: stderr };
  };

  it("refuses at once without a terminal or --yes, as a usage error (exit 2)", () => {
    const call = () => guardRevocation({}, io(false));
    expect(call).toThrow(UsageError);
    expect(call).toThrow(/Refusing to revoke without confirmation.*--yes/);
  });

  it("lets a dry run through anywhere, and says so", () => {
    expect(guardRevocation({ dryRun: true }, io(false)).dryRun).toBe(true);
    expect(guardRevocation({ dryRun: true, yes: true }, io(true)).dryRun).toBe(true);
  });

  it("confirms at once with --yes, asking nothing", async () => {
    const terminal = io(true);
    const guard = guardRevocation({ yes: true }, terminal);
    expect(guard.dryRun).toBe(false);
    await expect(guard.confirm("Type the org id: ", "org-1")).resolves.toBeUndefined();
    expect(terminal.asked).toEqual([]);
  });

  it("on a terminal, confirms once the id is typed", async () => {
    const terminal = io(true);
    const confirmed = guardRevocation({}, terminal).confirm("Type the org id: ", "org-1");
    terminal.stdin.write("org-1\n");
    await expect(confirmed).resolves.toBeUndefined();
    expect(terminal.asked).toEqual(["Type the org id: "]);
  });

  it("on a terminal, throws a usage error when another id is typed", async () => {
    const terminal = io(true);
    const confirmed = guardRevocation({}, terminal).confirm("Type the org id: ", "org-1");
    terminal.stdin.write("org-2\n");
    await expect(confirmed).rejects.toThrow(UsageError);
    await expect(confirmed).rejects.toThrow("The id typed did not match, so nothing was revoked.");
  });

  it("throws a usage error when Ctrl-C aborts the prompt", async () => {
    const controller = new AbortController();
    const confirmed = guardRevocation({}, io(true), controller.signal).confirm("? ", "org-1");
    controller.abort();
    await expect(confirmed).rejects.toThrow(UsageError);
  });
});

import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { expect, it } from "vitest";

const cwd = new URL("../..", import.meta.url).pathname;

it("stops at once with 141 and no stack trace when its reader closes the pipe (| head)", async () => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/bin.ts", "--sandbox", "--sandbox-tokens", "20000", "tokens", "list", "--all"],
    { cwd, env: { PATH: process.env.PATH ?? "" } },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  // Read the first chunk, then go away, as `head` does.
  const first = await new Promise<string>((resolve) => child.stdout.once("data", (chunk) => resolve(String(chunk))));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(first).toMatch(/^id\s+label/);
  expect(code).toBe(141);
  expect(stderr).not.toMatch(/EPIPE|Error|at /);
});

// /dev/full answers every write with ENOSPC, as a full disk does.
it
  .skipIf(!existsSync("/dev/full"))
  .each([{ args: ["audit", "--format", "csv"] }, { args: ["tokens", "list", "--all", "--format", "jsonl"] }])(
  "says in one line that it cannot write, and exits 3, when the disk is full: $args",
  async ({ args }) => {
    const full = openSync("/dev/full", "w");
    try {
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli/bin.ts", "--sandbox", ...args], {
        cwd,
        env: { PATH: process.env.PATH ?? "" },
        stdio: ["ignore", full, "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk) => {
        stderr += String(chunk);
      });
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      // Not 1, which the audit gives for findings: a run that wrote nothing must not pass for one that found things.
      expect(code).toBe(3);
      expect(stderr).toMatch(/^error: cannot write output: ENOSPC\b.*\n$/);
    } finally {
      closeSync(full);
    }
  },
);

import { spawn } from "node:child_process";
import { expect, it } from "vitest";

it("stops at once with 141 and no stack trace when its reader closes the pipe (| head)", async () => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/bin.ts", "--sandbox", "--sandbox-tokens", "20000", "tokens", "list", "--all"],
    { cwd: new URL("../..", import.meta.url).pathname, env: { PATH: process.env.PATH ?? "" } },
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

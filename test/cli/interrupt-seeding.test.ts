import { expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { ctrlC, testIo } from "./run-cli.js";

/** Runs `main` in-process with a Ctrl-C pressed `afterMs` after the start; on a terminal when `terminal`. */
async function interruptedRun(args: string[], afterMs: number, terminal: boolean) {
  const writes: string[] = [];
  const { onInterrupt, press } = ctrlC();
  const io = testIo({
    stdout: { write: (t: string) => void writes.push(`out:${t}`) },
    stderr: { write: (t: string) => void writes.push(`err:${t}`) },
    stdoutIsTTY: terminal,
    stderrIsTTY: terminal,
    onInterrupt,
  });
  const running = main(["node", "admin-api-access", ...args], io);
  let pressedAt = 0;
  setTimeout(() => {
    pressedAt = performance.now();
    press();
  }, afterMs);
  const code = await running;
  return { code, writes, sincePress: performance.now() - pressedAt, pressed: pressedAt > 0 };
}

// A million tokens take at least ten seconds to seed here: a Ctrl-C that waited for the seeding (as it did, the
// seeding holding the process the whole time) would come back many seconds after it was pressed.
it("stops a million-token --sandbox on Ctrl-C while it seeds, exiting 130 with nothing on stdout", async () => {
  const run = await interruptedRun(["--sandbox", "--sandbox-tokens", "1000000", "tokens", "count"], 300, false);
  expect(run.pressed).toBe(true);
  expect(run.code).toBe(130);
  expect(run.writes).toEqual(["err:\nInterrupted.\n"]);
  expect(run.sincePress).toBeLessThan(3_000);
});

it("says on a terminal that a large sandbox is seeding, and clears the line when stopped", async () => {
  const run = await interruptedRun(["--sandbox", "--sandbox-tokens", "1000000", "tokens", "count"], 300, true);
  expect(run.code).toBe(130);
  const text = run.writes.join("");
  const shown = text.indexOf("sandbox: seeding 1000000 tokens (Ctrl-C stops)");
  expect(shown).toBeGreaterThan(-1);
  expect(text.indexOf("\r\u001b[2K", shown)).toBeGreaterThan(shown);
  expect(run.writes.at(-1)).toBe("err:\nInterrupted.\n");
  expect(run.writes.some((w) => w.startsWith("out:"))).toBe(false);
});

it("stops the sandbox command on Ctrl-C while it seeds, before any banner, with exit 0 as Ctrl-C always ends it", async () => {
  const run = await interruptedRun(["sandbox", "--port", "0", "--tokens", "1000000"], 300, true);
  expect(run.code).toBe(0);
  expect(run.writes.join("")).toContain("sandbox: seeding 1000000 tokens (Ctrl-C stops)");
  expect(run.writes.at(-1)).toBe("err:Sandbox stopped.\n");
  expect(run.writes.some((w) => w.startsWith("out:"))).toBe(false);
  expect(run.sincePress).toBeLessThan(3_000);
});

import { execFileSync, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";

const root = new URL("../..", import.meta.url).pathname;
const PROMPT = "API key (hidden as you type; Enter to end): ";

/** util-linux `script`, which runs a command on a pseudo-terminal of its own: the only terminal a test can type at. */
const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/**
 * The real CLI reading `--api-key-file /dev/stdin` on a terminal: `keys` are typed once the prompt shows. Resolves
 * with everything the terminal showed (the CLI's output, and any echo of what was typed) and the exit code.
 */
function typeKey(args: readonly string[], keys: string): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, "--import", "tsx", "src/cli/bin.ts", "--api-key-file", "/dev/stdin", ...args]
    .map((word) => `'${word.replaceAll("'", "'\\''")}'`)
    .join(" ");
  const child = spawn("script", ["-qec", command, "/dev/null"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1" },
  });
  let screen = "";
  let typed = false;
  child.stdout.on("data", (chunk) => {
    screen += String(chunk);
    if (!typed && screen.includes(PROMPT)) {
      typed = true;
      child.stdin.write(keys);
    }
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ code, screen });
    }),
  );
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ tokens: 3, apiKey: "typed-at-the-terminal-0123456789" });
});
afterAll(async () => {
  await sb.close();
});

describe.skipIf(!hasScript)("--api-key-file /dev/stdin on a terminal", () => {
  it("reads the key typed there without showing it, Backspace applied", async () => {
    const before = sb.requests.length;
    const { code, screen } = await typeKey(
      ["--base-url", sb.baseUrl, "--org", sb.orgId, "tokens", "count"],
      `${sb.apiKey}X\u007f\r`,
    );
    // The sandbox answered the key as typed (a wrong one is a 401, exit 2): the count of its 3 tokens.
    expect(code).toBe(0);
    expect(screen).toBe(`${PROMPT}\r\n3\r\n`);
    expect(screen).not.toContain("typed-at-the-terminal");
    expect(sb.requests.length).toBe(before + 1);
  }, 20_000);

  it("ends the run with 130 on Ctrl-C, sending nothing", async () => {
    const before = sb.requests.length;
    const { code, screen } = await typeKey(
      ["--base-url", sb.baseUrl, "--org", sb.orgId, "tokens", "count"],
      "typ\u0003",
    );
    expect(code).toBe(130);
    expect(screen).toBe(`${PROMPT}\r\nInterrupted.\r\n`);
    expect(sb.requests.length).toBe(before);
  }, 20_000);
});

import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/testing/index.js";

const root = new URL("../..", import.meta.url).pathname;
const PROMPT = "API key (hidden as you type; Enter to end): ";

/**
 * util-linux `script`, which runs a command on a pseudo-terminal of its own (the only terminal a test can type at),
 * and a pseudo-terminal to run it on.
 */
const hasScript = (() => {
  try {
    execFileSync("script", ["-qec", "true", "/dev/null"], { stdio: "ignore", timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
})();

/** What to type, once `when` holds of what the terminal shows so far. */
interface Step {
  when: (screen: string) => boolean;
  type: string;
}

/**
 * The real CLI reading `--api-key-file /dev/stdin` on a terminal, typed at as `steps` say, its stderr sent to the file
 * `stderrTo` when given. Resolves with everything the terminal showed (the CLI's output, and any echo of what was
 * typed) and the exit code.
 */
function onTerminal(
  args: readonly string[],
  steps: readonly Step[],
  stderrTo?: string,
): Promise<{ code: number | null; screen: string }> {
  const words = [process.execPath, "--import", "tsx", "src/cli/bin.ts", "--api-key-file", "/dev/stdin", ...args];
  const quoted = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
  const command = words.map(quoted).join(" ") + (stderrTo ? ` 2>${quoted(stderrTo)}` : "");
  const child = spawn("script", ["-qec", command, "/dev/null"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1" },
  });
  let screen = "";
  child.stdout.on("data", (chunk) => {
    screen += String(chunk);
  });
  let next = 0;
  const typing = setInterval(() => {
    const step = steps[next];
    if (step?.when(screen)) {
      next += 1;
      child.stdin.write(step.type);
    }
  }, 10);
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearInterval(typing);
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ code, screen });
    }),
  );
}

const prompted = (screen: string) => screen.includes(PROMPT);

let sb: Sandbox;
let slow: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ tokens: 3, apiKey: "typed-at-the-terminal-0123456789" });
  slow = await startSandbox({ tokens: 3, apiKey: "typed-at-the-terminal-0123456789", latencyMs: 60_000 });
});
afterAll(async () => {
  await sb.close();
  await slow.close();
});

describe.skipIf(!hasScript)("--api-key-file /dev/stdin on a terminal", () => {
  it("reads the key typed there without showing it, Backspace applied", async () => {
    const before = sb.requests.length;
    const { code, screen } = await onTerminal(
      ["--base-url", sb.baseUrl, "--org", sb.orgId, "tokens", "count"],
      [{ when: prompted, type: `${sb.apiKey}X\u007f\r` }],
    );
    // The sandbox answered the key as typed (a wrong one is a 401, exit 2): the count of its 3 tokens.
    expect(code).toBe(0);
    expect(screen).toBe(`${PROMPT}\r\n3\r\n`);
    expect(screen).not.toContain("typed-at-the-terminal");
    expect(sb.requests.length).toBe(before + 1);
  }, 20_000);

  it("ends the run with 130 on Ctrl-C, sending nothing", async () => {
    const before = sb.requests.length;
    const { code, screen } = await onTerminal(
      ["--base-url", sb.baseUrl, "--org", sb.orgId, "tokens", "count"],
      [{ when: prompted, type: "typ\u0003" }],
    );
    expect(code).toBe(130);
    expect(screen).toBe(`${PROMPT}\r\nInterrupted.\r\n`);
    expect(sb.requests.length).toBe(before);
  }, 20_000);

  it("gives the terminal back once the key is read: Ctrl-C during the request still ends the run with 130", async () => {
    const before = slow.requests.length;
    const { code, screen } = await onTerminal(
      ["--base-url", slow.baseUrl, "--org", slow.orgId, "tokens", "count"],
      [
        { when: prompted, type: `${slow.apiKey}\r` },
        // The count is on its way (the sandbox holds it for a minute): the terminal is cooked again, so Ctrl-C is a signal.
        { when: () => slow.requests.length > before, type: "\u0003" },
      ],
    );
    expect(code).toBe(130);
    expect(screen).toMatch(/^API key \(hidden as you type; Enter to end\): \r\n\^C\r\nInterrupted\.\r\n$/);
    expect(screen).not.toContain("typed-at-the-terminal");
  }, 20_000);

  it("shows the prompt on the terminal even when stderr goes elsewhere", async () => {
    const log = join(await mkdtemp(join(tmpdir(), "cli-hidden-")), "stderr.log");
    const { code, screen } = await onTerminal(
      ["--base-url", sb.baseUrl, "--org", sb.orgId, "tokens", "count"],
      [{ when: prompted, type: `${sb.apiKey}\r` }],
      log,
    );
    expect(code).toBe(0);
    expect(screen).toBe(`${PROMPT}\r\n3\r\n`);
    expect(await readFile(log, "utf8")).toBe("");
  }, 20_000);

  it("ends the prompt's line on Ctrl-C when stderr, which says Interrupted., goes elsewhere", async () => {
    const log = join(await mkdtemp(join(tmpdir(), "cli-hidden-")), "stderr.log");
    const { code, screen } = await onTerminal(
      ["--base-url", sb.baseUrl, "--org", sb.orgId, "tokens", "count"],
      [{ when: prompted, type: "typ\u0003" }],
      log,
    );
    expect(code).toBe(130);
    expect(screen).toBe(`${PROMPT}\r\n`);
    expect(await readFile(log, "utf8")).toBe("\nInterrupted.\n");
  }, 20_000);

  it("asks for the ids, then the key, when one terminal is both the id file and the key file", async () => {
    const hint = "Reading service account ids from the terminal, one per line; end with Ctrl-D.";
    const id = sb.serviceAccountIds[0] as string;
    const { code, screen } = await onTerminal(
      ["--base-url", sb.baseUrl, "--org", sb.orgId, "service-accounts", "count", "--file", "/dev/stdin"],
      [
        { when: (shown) => shown.includes(hint), type: `${id}\n\u0004` },
        { when: prompted, type: `${sb.apiKey}\r` },
      ],
    );
    expect(code).toBe(0);
    // The hint, the id echoed as typed, the hidden prompt, then the count table.
    expect(screen.startsWith(`${hint}\r\n${id}\r\n${PROMPT}\r\n`)).toBe(true);
    expect(screen).toContain(id);
    expect(screen).not.toContain("typed-at-the-terminal");
  }, 20_000);
});

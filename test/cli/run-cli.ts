import { execFile } from "node:child_process";
import { PassThrough } from "node:stream";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const root = new URL("../..", import.meta.url).pathname;

/** What one CLI run printed and how it exited. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real executable (`node --import tsx src/cli/bin.ts`) as a child process, with only `env` (plus PATH)
 * in its environment and stdin not a terminal.
 */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/bin.ts", ...args],
      { cwd: root, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 20_000, maxBuffer: 64 * 2 ** 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

/**
 * The process as an in-process run sees it: output dropped, no terminal, no environment, a stdin that stays open, no
 * key file; `parts` replace any of these.
 */
export function testIo(parts: Partial<CliIo> = {}): CliIo {
  return {
    stdout: { write: () => undefined },
    stderr: { write: () => undefined },
    stdin: new PassThrough(),
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    onInterrupt: () => () => {},
    readFile: async () => "",
    isPlainFile: async () => true,
    ...parts,
  };
}

/** Ctrl-C for an in-process run: `onInterrupt` goes into its `CliIo`, and `press` calls what the run listens with. */
export function ctrlC(): { onInterrupt: CliIo["onInterrupt"]; press(): void } {
  let listener = () => {};
  return {
    onInterrupt: (handler) => {
      listener = handler;
      return () => {};
    },
    press: () => listener(),
  };
}

/** Runs `main` in-process with a fake terminal on stdin: for the interactive confirmation. */
export async function runInProcess(
  args: readonly string[],
  env: Record<string, string>,
  typed: string,
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough();
  const io = testIo({
    stdout: { write: (t: string) => void out.push(t) },
    stderr: { write: (t: string) => void err.push(t) },
    stdin,
    env,
    stdinIsTTY: true,
  });
  const running = main(["node", "admin-api-access", ...args], io);
  // Answer once the question has been asked, like a person would.
  const asked = setInterval(() => {
    if (err.some((t) => t.includes("to confirm"))) {
      clearInterval(asked);
      stdin.write(`${typed}\n`);
    }
  }, 5);
  const code = await running;
  clearInterval(asked);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

/** What an in-process run wrote, in order, to which stream. */
export interface CapturedRun extends CliResult {
  writes: { stream: "stdout" | "stderr"; text: string }[];
}

/**
 * Runs `main` in-process, recording every write in order; `terminal` makes stdout and stderr terminals (one screen),
 * as when a person runs the CLI by hand. Stdin is never a terminal; `stdin` is what is piped into it.
 */
export async function runCaptured(
  args: readonly string[],
  { env = {}, terminal = false, stdin }: { env?: Record<string, string>; terminal?: boolean; stdin?: string } = {},
): Promise<CapturedRun> {
  const writes: CapturedRun["writes"] = [];
  const sink = (stream: "stdout" | "stderr") => ({ write: (text: string) => writes.push({ stream, text }) });
  const input = new PassThrough();
  // Piped input, ended as a pipe ends; without it stdin stays open, as a terminal's does.
  if (stdin !== undefined) input.end(stdin);
  const io = testIo({
    stdout: sink("stdout"),
    stderr: sink("stderr"),
    stdin: input,
    env,
    stdoutIsTTY: terminal,
    stderrIsTTY: terminal,
  });
  const code = await main(["node", "admin-api-access", ...args], io);
  const of = (stream: "stdout" | "stderr") =>
    writes
      .filter((w) => w.stream === stream)
      .map((w) => w.text)
      .join("");
  return { code, stdout: of("stdout"), stderr: of("stderr"), writes };
}

/** What a `--format jsonl` run printed: one parsed value per line. */
export function jsonLines(stdout: string): unknown[] {
  return stdout
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));
}

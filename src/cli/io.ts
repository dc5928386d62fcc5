import type { Readable } from "node:stream";

/** Somewhere the CLI writes text: `process.stdout`/`process.stderr`, or a buffer in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * Everything the CLI touches outside itself, injected so `main` runs in-process in tests. `bin.ts` passes the real
 * process; nothing under src/cli reads `process` directly.
 */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  stdin: Readable;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Calls `handler` on Ctrl-C; returns a function that stops listening. */
  onInterrupt(handler: () => void): () => void;
  /** Reads a file as UTF-8 (the API key file). */
  readFile(path: string): Promise<string>;
}

/** The real process as a `CliIo`. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    onInterrupt(handler) {
      process.on("SIGINT", handler);
      return () => process.off("SIGINT", handler);
    },
    readFile: async (path) => (await import("node:fs/promises")).readFile(path, "utf8"),
  };
}

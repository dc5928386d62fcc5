import type { Readable, Writable } from "node:stream";
import { drained } from "./drained.js";
import { outputFailure } from "./output-failure.js";

/** Somewhere the CLI writes text: `process.stdout`/`process.stderr`, or a buffer in tests. */
export interface TextSink {
  /**
   * Writes `text`. A sink that has filled up (a pipe whose reader is slow) returns a promise that resolves, never
   * rejecting, once it can take more: a writer of output without bound awaits every write, so a slow reader holds
   * the walk back instead of the output piling up in memory.
   */
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
  /** The width of stderr's terminal now (it follows a resize), or undefined when it is none. */
  stderrColumns?: () => number | undefined;
  /** Calls `handler` on Ctrl-C; returns a function that stops listening. */
  onInterrupt(handler: () => void): () => void;
  /**
   * Reads a file as UTF-8 (the API key file, an id file); `signal` (Ctrl-C) ends the wait, however long. Read from a
   * terminal, a `secret` (the key) is one line not echoed, and other text follows its `hint` shown there.
   */
  readFile(path: string, signal: AbortSignal, options?: { secret?: boolean; hint?: string }): Promise<string>;
  /**
   * Whether `path` is a regular file, whose read ends by itself: not a terminal or a pipe, which a read may wait on,
   * nor a path that cannot be read at all.
   */
  isPlainFile(path: string): Promise<boolean>;
}

/**
 * A process stream that ends the run at its first failed write (see `outputFailure`): at once when the write fails
 * at once (a file on a full disk), else when the stream reports it (a pipe whose reader went away). A write that
 * fills the stream's buffer returns the promise of its drain: Node buffers pipe writes without limit.
 */
function endOnFailure(stream: Writable, name: "stdout" | "stderr"): TextSink {
  const fail = (error: NodeJS.ErrnoException) => {
    const { exitCode, line } = outputFailure(error, name);
    if (line) process.stderr.write(line);
    process.exit(exitCode);
  };
  stream.on("error", fail);
  return {
    write(text) {
      const written = stream.write(text);
      if (stream.errored) fail(stream.errored);
      return written ? undefined : drained(stream);
    },
  };
}

/**
 * Ctrl-C typed while the terminal is in raw mode, where it arrives as a key: the process's SIGINT listeners (the
 * run's `onInterrupt`) are called as the signal would call them. A real signal sent to itself would end the process
 * abruptly on Windows; it is sent only when nothing listens, for the default action.
 */
function interruptSelf(): void {
  if (process.listenerCount("SIGINT") > 0) process.emit("SIGINT", "SIGINT");
  else process.kill(process.pid, "SIGINT");
}

/** The real process as a `CliIo`; call it once. */
export function processIo(): CliIo {
  return {
    stdout: endOnFailure(process.stdout, "stdout"),
    stderr: endOnFailure(process.stderr, "stderr"),
    stdin: process.stdin,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    stderrColumns: () => process.stderr.columns,
    onInterrupt(handler) {
      process.on("SIGINT", handler);
      return () => process.off("SIGINT", handler);
    },
    readFile: async (path, signal, options) =>
      (await import("./read-file.js")).readFileText(path, signal, {
        say: (text) => process.stderr.write(text),
        ...(options?.secret ? { hidden: { interrupt: interruptSelf } } : {}),
        ...(options?.hint ? { hint: options.hint } : {}),
      }),
    isPlainFile: async (path) =>
      (await import("node:fs/promises")).stat(path).then(
        (stats) => stats.isFile(),
        () => false,
      ),
  };
}

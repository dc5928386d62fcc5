import { ExitCode } from "./exit-codes.js";

/** How the run ends when writing its output fails, and the line that says so (none when stderr itself failed). */
export interface OutputFailure {
  exitCode: ExitCode;
  line?: string;
}

/**
 * What a failed write to stdout or stderr means. A reader that went away (`| head`, EPIPE) ends the run quietly with
 * the status SIGPIPE gives Unix tools: never 0, so a gate that reads part of an audit cannot pass for a run that did
 * not finish. Any other error (a full disk, ENOSPC) is a failure, said in one line on stderr unless stderr is the
 * stream that failed: never 1, which an audit gives for findings.
 */
export function outputFailure(error: NodeJS.ErrnoException, stream: "stdout" | "stderr"): OutputFailure {
  if (error.code === "EPIPE") return { exitCode: ExitCode.outputClosed };
  if (stream === "stderr") return { exitCode: ExitCode.failure };
  const code = error.code ?? "";
  const message = error.message.startsWith(code) ? error.message : `${code} ${error.message}`.trim();
  return { exitCode: ExitCode.failure, line: `error: cannot write output: ${message}\n` };
}

import { CommanderError } from "commander";
import { defaultSandboxOptions } from "../testing/sandbox-options.js";
import type { RunContext } from "./context.js";
import { API_KEY_ENV } from "./credentials.js";
import { unlessAborted } from "./drained.js";
import { ExitCode } from "./exit-codes.js";
import { routeHelp, unknownCommandText } from "./help-route.js";
import type { CliIo } from "./io.js";
import { readKeyFileAhead } from "./key-file-ahead.js";
import { buildProgram } from "./program.js";
import { readOnce } from "./read-once.js";
import { redact } from "./redact.js";
import { reportError } from "./report-error.js";
import { createStatusLine } from "./status-line.js";
import { packageVersion } from "./version.js";

/**
 * Runs the CLI once and resolves its exit code; never calls `process.exit`, never throws. `argv` is
 * `process.argv`-shaped (node, script, ...args).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  // The environment's key is known before anything is parsed: a usage error that echoes an option's value (a key
  // pasted as --timeout) is redacted too.
  // The sandbox's built-in fake key is no secret: its banner prints it, and tells the user to export it.
  const fromEnv = io.env[API_KEY_ENV]?.trim();
  const secrets: string[] = fromEnv && fromEnv !== defaultSandboxOptions.apiKey ? [fromEnv] : [];
  // Everything the CLI writes passes through the redactor: the key cannot leak even through an unexpected path. A
  // wait for a full stdout to drain ends on Ctrl-C too.
  const guarded = (sink: CliIo["stdout"]) => ({
    write: (text: string) => unlessAborted(sink.write(redact(text, secrets)), controller.signal),
  });
  const stderr = guarded(io.stderr);
  // The progress line lives on stderr; whatever else reaches the same terminal erases it first, so a page of output
  // never lands on the end of "tokens list: 1 page, 1000 tokens".
  const statusLine = createStatusLine(stderr, io.stderrColumns);
  const stdout = guarded(io.stdout);
  const safeIo: CliIo = {
    ...io,
    readFile: readOnce(io.readFile),
    stdout: io.stdoutIsTTY && io.stderrIsTTY ? statusLine.guard(stdout) : stdout,
    stderr: io.stderrIsTTY ? statusLine.guard(stderr) : stderr,
  };
  const ctx: RunContext = {
    io: safeIo,
    statusLine,
    signal: controller.signal,
    secrets,
    version: packageVersion(),
    exitCode: ExitCode.ok,
  };
  try {
    const program = buildProgram(ctx);
    const route = routeHelp(program, argv);
    if (route.kind === "unknown") {
      await ctx.io.stderr.write(unknownCommandText(route));
      return ExitCode.usage;
    }
    // The key file's key is known before anything is parsed, as the environment's is.
    await readKeyFileAhead(route.argv.slice(2), ctx);
    await program.parseAsync(route.argv, { from: "node" });
    return ctx.exitCode;
  } catch (error) {
    if (controller.signal.aborted) {
      ctx.io.stderr.write("\nInterrupted.\n");
      return ExitCode.interrupted;
    }
    if (error instanceof CommanderError) {
      // Commander already printed its help or message. Its own code is 0 for help asked for (`--help`, `help`,
      // `help audit`) and `--version`, and 1 for its usage errors and for help shown for want of a subcommand:
      // 1 here means "findings", so those exit 2.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const verbose = argv.includes("--verbose");
    const report = reportError(error, verbose, ctx.secrets);
    ctx.io.stderr.write(report.text);
    return report.exitCode;
  } finally {
    stopListening();
  }
}

import { CommanderError } from "commander";
import type { RunContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIo } from "./io.js";
import { buildProgram } from "./program.js";
import { redact } from "./redact.js";
import { reportError } from "./report-error.js";
import { packageVersion } from "./version.js";

/** Commander exits that are not failures: `--help` and `--version`. */
const successCodes = new Set(["commander.helpDisplayed", "commander.version"]);

/**
 * Runs the CLI once and resolves its exit code; never calls `process.exit`, never throws. `argv` is
 * `process.argv`-shaped (node, script, ...args).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  const secrets: string[] = [];
  // Everything the CLI writes passes through the redactor: the key cannot leak even through an unexpected path.
  const guarded = (sink: CliIo["stdout"]) => ({ write: (text: string) => sink.write(redact(text, secrets)) });
  const safeIo: CliIo = { ...io, stdout: guarded(io.stdout), stderr: guarded(io.stderr) };
  const ctx: RunContext = {
    io: safeIo,
    signal: controller.signal,
    secrets,
    version: packageVersion(),
    exitCode: ExitCode.ok,
  };
  try {
    await buildProgram(ctx).parseAsync([...argv], { from: "node" });
    return ctx.exitCode;
  } catch (error) {
    if (controller.signal.aborted) {
      ctx.io.stderr.write("\nInterrupted.\n");
      return ExitCode.interrupted;
    }
    if (error instanceof CommanderError) {
      // Commander already printed its message; its usage errors exit 1, which here means "findings".
      return successCodes.has(error.code) ? ExitCode.ok : ExitCode.usage;
    }
    const verbose = argv.includes("--verbose");
    const report = reportError(error, verbose, ctx.secrets);
    ctx.io.stderr.write(report.text);
    return report.exitCode;
  } finally {
    stopListening();
  }
}

import { causeText } from "../cause-text.js";
import { AdminApiError, InvalidInputError } from "../index.js";
import { ExitCode } from "./exit-codes.js";
import { printableLine, printableLines } from "./printable.js";
import { redact } from "./redact.js";
import { RunFailure } from "./run-failure.js";
import { UsageError } from "./usage-error.js";

/** What the CLI prints for a failure, and the code it exits with. */
export interface ErrorReport {
  exitCode: ExitCode;
  text: string;
}

/** Details `--verbose` adds: status, request id, the (already redacted) request, stack and causes. */
function details(error: unknown): string[] {
  const lines: string[] = [];
  if (error instanceof AdminApiError) {
    if (error.status !== undefined) lines.push(`status: ${error.status}`);
    if (error.requestId) lines.push(`request id: ${error.requestId}`);
    if (error.request) lines.push(`request: ${error.request.method} ${error.request.url}`);
  }
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth += 1) {
    lines.push(current.stack ?? `${current.name}: ${current.message}`);
    current = current.cause;
  }
  return lines;
}

/** What the command line calls the SDK's parameters its users give: an SDK message names them as the SDK does. */
const givenAs: Readonly<Record<string, string>> = {
  orgId: "The org id (--org or ATLASSIAN_ORG_ID)",
  accountId: "The service account id",
};

/** The SDK's refusal of an input, worded with what the command line calls it: `accountId cannot be ".."`. */
function inputLine(error: InvalidInputError): string {
  const name = givenAs[error.parameter];
  const message =
    name && error.message.startsWith(error.parameter)
      ? name + error.message.slice(error.parameter.length)
      : error.message;
  return `${message} (nothing sent)`;
}

/** The exit code and line of a failure, by its kind: the first rule that matches decides. */
function classify(error: unknown, verbose: boolean): { exitCode: ExitCode; line: string } {
  if (error instanceof UsageError) return { exitCode: ExitCode.usage, line: error.message };
  // The SDK refuses bad input (an id of "..", a malformed base URL) before it sends anything.
  if (error instanceof InvalidInputError) return { exitCode: ExitCode.usage, line: inputLine(error) };
  if (error instanceof AdminApiError) return { exitCode: ExitCode.failure, line: error.message };
  if (error instanceof RunFailure) return { exitCode: ExitCode.failure, line: error.message };
  const message = error instanceof Error ? error.message : causeText(error);
  const hint = verbose ? "" : " (run again with --verbose for details)";
  return { exitCode: ExitCode.failure, line: `Unexpected failure: ${message}${hint}` };
}

/**
 * One line saying what failed and what to do (the SDK's messages already say the latter), plus details when
 * verbose. Every secret is redacted from the whole text, however it got there, and every control character but the
 * details' line breaks blanked: the text quotes the server (its message, its request id), whose answer must not clear
 * or retitle the terminal.
 */
export function reportError(error: unknown, verbose: boolean, secrets: readonly string[]): ErrorReport {
  const { exitCode, line } = classify(error, verbose);
  const text = [`error: ${printableLine(line)}`, ...(verbose ? details(error).map(printableLines) : [])].join("\n");
  return { exitCode, text: `${redact(text, secrets)}\n` };
}

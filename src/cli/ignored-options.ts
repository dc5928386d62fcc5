import type { GlobalOptions } from "./context.js";
import { UsageError } from "./usage-error.js";

/** A global option by its attribute and flag, and the option of the `sandbox` command to use instead, if any. */
type Ignored = readonly [keyof GlobalOptions, string, string?];

/** Global options that --sandbox replaces: it has its own org, key and address. */
const replacedBySandbox = [
  ["org", "--org"],
  ["baseUrl", "--base-url"],
  ["apiKeyFile", "--api-key-file"],
] as const satisfies readonly Ignored[];

/** Global options the `sandbox` command has no use for: it is the sandbox, with its own org and key, and sends nothing. */
const unusedBySandboxCommand = [
  ["sandboxTokens", "--sandbox-tokens", "--tokens <n>"],
  ["sandbox", "--sandbox"],
  ["org", "--org"],
  ["baseUrl", "--base-url", "--port <n>"],
  ["apiKeyFile", "--api-key-file"],
  ["timeout", "--timeout"],
] as const satisfies readonly Ignored[];

/** The global options the `sandbox` command refuses, by flag: its help leaves them out. */
export const refusedBySandboxCommand: ReadonlySet<string> = new Set(unusedBySandboxCommand.map(([, flag]) => flag));

/** The options of `table` that were given, as a message names them: `--sandbox-tokens (use sandbox --tokens <n>)`. */
function given(options: GlobalOptions, table: readonly Ignored[]): string[] {
  return table
    .filter(([name]) => options[name] !== undefined)
    .map(([, flag, instead]) => (instead ? `${flag} (use sandbox ${instead})` : flag));
}

const pronoun = (named: readonly string[]) => (named.length === 1 ? "it" : "them");

/**
 * Refuses global options that the command about to run would quietly ignore (usage error, exit 2): any that the
 * `sandbox` command has no use for, those --sandbox replaces, and --sandbox-tokens without --sandbox.
 */
export function refuseIgnoredOptions(options: GlobalOptions, isSandboxCommand: boolean): void {
  if (isSandboxCommand) {
    const named = given(options, unusedBySandboxCommand);
    if (named.length > 0) {
      throw new UsageError(
        `sandbox serves its own seeded org and key and sends no requests, so it would ignore ${named.join(", ")}: drop ${pronoun(named)}.`,
      );
    }
    return;
  }
  if (options.sandboxTokens !== undefined && !options.sandbox) {
    throw new UsageError("--sandbox-tokens only sizes the embedded sandbox: add --sandbox, or drop it.");
  }
  const ignored = given(options, replacedBySandbox);
  if (options.sandbox && ignored.length > 0) {
    throw new UsageError(
      `--sandbox uses its own org, key and address, so ${ignored.join(", ")} would be ignored: drop ${pronoun(ignored)}, or --sandbox.`,
    );
  }
}

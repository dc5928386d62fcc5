import { type Command, Option } from "commander";
import type { GlobalOptions } from "../context.js";
import type { OutputFormat } from "../format/output-format.js";

/** The `--format` option with its allowed values. */
export function formatOption(
  choices: readonly OutputFormat[],
  fallback: OutputFormat = "table",
  description = "output format",
): Option {
  return new Option("--format <format>", description).choices(choices).default(fallback);
}

/** Appends an "Examples:" block to a command's `--help`. */
export function withExamples(command: Command, examples: readonly string[]): Command {
  return command.addHelpText("after", `\nExamples:\n${examples.map((e) => `  $ ${e}`).join("\n")}`);
}

/** This command's options merged with the program's global ones. */
export function optionsOf<T>(command: Command): GlobalOptions & T {
  return command.optsWithGlobals<GlobalOptions & T>();
}

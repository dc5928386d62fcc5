import type { Command } from "commander";

/**
 * A word that can name a command: what help checks against the tree, and the only kind of unknown command word an
 * error ever echoes (a key pasted in its place is not shown).
 */
export const COMMAND_NAME = /^[a-z][a-z-]{0,39}$/i;

/** Where a request for help leads: the arguments to parse, or the word that names no command there. */
export type HelpRoute =
  | { kind: "parse"; argv: string[] }
  | { kind: "unknown"; word: string; under: string; choices: string[] };

function findCommand(parent: Command, word: string): Command | undefined {
  return parent.commands.find((c) => c.name() === word || c.aliases().includes(word));
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

/**
 * How many of `args` are options of the program itself, with their values, before the first command word
 * (`--sandbox`, `--org x`, `--org=x`); undefined when one of them is not the program's (`--help`, a typo): what
 * commander makes of those is left to it.
 */
function leadingOptions(program: Command, args: readonly string[]): number | undefined {
  let at = 0;
  for (let arg = args[at]; arg?.startsWith("-") && arg !== "--"; arg = args[at]) {
    const [flag, value] = arg.split(/=(.*)/s);
    const option = program.options.find((o) => o.long === flag || o.short === flag);
    if (!option) return undefined;
    at += 1;
    const next = args[at];
    if (value === undefined && (option.required || (option.optional && !next?.startsWith("-")))) at += 1;
  }
  return at;
}

/**
 * Help asked for by command words, `help tokens list` or `tokens list --help`, after any options of the program
 * (`--sandbox help tokens list`), checked word by word against the program's commands before commander reads it:
 * commander's help command reads one level and drops the rest (`help tokens lis` printed the help of `tokens` and
 * exited 0), and `tokens lis --help` did the same. A path of known commands becomes `<options> <words> --help`
 * (words after a command without subcommands are its operands, and left out); the first word that names no command
 * is returned with the commands it could have been. Anything else (no help word, other options, an operand that is
 * not a plain word) goes to commander as it is.
 */
export function routeHelp(program: Command, argv: readonly string[]): HelpRoute {
  const [node = "node", script = "admin-api-access", ...rest] = argv;
  const optionCount = leadingOptions(program, rest) ?? 0;
  const options = rest.slice(0, optionCount);
  const args = rest.slice(optionCount);
  const last = args.at(-1);
  const words = args[0] === "help" ? args.slice(1) : last === "--help" || last === "-h" ? args.slice(0, -1) : undefined;
  if (words === undefined || words.length === 0 || !words.every((w) => COMMAND_NAME.test(w))) {
    return { kind: "parse", argv: [...argv] };
  }
  let command = program;
  const path: string[] = [];
  for (const word of words) {
    // A command without subcommands takes the words after it as its operands; `help` among the words asks again.
    if (command.commands.length === 0) break;
    if (word === "help") continue;
    const next = findCommand(command, word);
    if (!next) {
      const choices = command.commands.map((c) => c.name()).filter((name) => name !== "help");
      return { kind: "unknown", word, under: commandPath(command), choices };
    }
    command = next;
    path.push(word);
  }
  return { kind: "parse", argv: [node, script, ...options, ...path, "--help"] };
}

/** The usage error for a help route's unknown word. */
export function unknownCommandText(route: Extract<HelpRoute, { kind: "unknown" }>): string {
  return `error: unknown command '${route.word}' in '${route.under}' (its commands: ${route.choices.join(", ")})\n(add --help for usage)\n`;
}

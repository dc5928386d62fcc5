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
    const span = programOptionSpan(program, args, at);
    if (span === 0) return undefined;
    at += span;
  }
  return at;
}

/**
 * How many of `args`, from `at`, an option of the program spans with its value (`--sandbox` 1, `--org x` 2, `--org=x`
 * 1); 0 when `args[at]` is not one.
 */
function programOptionSpan(program: Command, args: readonly string[], at: number): number {
  const arg = args[at];
  if (!arg?.startsWith("-") || arg === "--") return 0;
  const [flag, value] = arg.split(/=(.*)/s);
  const option = program.options.find((o) => o.long === flag || o.short === flag);
  if (!option) return 0;
  const next = args[at + 1];
  return value === undefined && (option.required || (option.optional && !next?.startsWith("-"))) ? 2 : 1;
}

/**
 * The command words of `given` and the options of the program among them (`tokens --sandbox list`, as commander
 * reads it too): plain words that can name a command, up to the first other word or option, which is `next`. What
 * follows is operands, or a command's options and their values, which help needs none of: a bad value among them
 * (`--limit 0`) must not hide the help asked for.
 */
function commandWords(
  program: Command,
  given: readonly string[],
  /** After a `--`: no word is an option. */
  plain = false,
): { words: string[]; options: string[]; next: string | undefined } {
  const words: string[] = [];
  const options: string[] = [];
  for (let at = 0; at < given.length; ) {
    const span = plain ? 0 : programOptionSpan(program, given, at);
    if (span > 0) {
      options.push(...given.slice(at, at + span));
      at += span;
      continue;
    }
    const word = given[at] as string;
    if (!COMMAND_NAME.test(word)) return { words, options, next: word };
    words.push(word);
    at += 1;
  }
  return { words, options, next: undefined };
}

/**
 * Help asked for by command words, `help tokens list` or `tokens list --help` (the flag anywhere after them, before a
 * `--`, whatever options come with it), after any options of the program
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
  // After `help`, blank words (`help "$UNSET" tokens`) are left out, and a `--` says that plain words follow:
  // `help -- tokens`, where a word starting with `-` is a word too, and so names no command.
  const separated = args[0] === "help" && args[1] === "--";
  const afterHelp = args[0] === "help" ? args.slice(separated ? 2 : 1) : undefined;
  const helpWords = afterHelp?.filter((word) => word.trim() !== "");
  // `help` with blank words only is the program's help, as `help` alone is.
  if (afterHelp && afterHelp.length > 0 && helpWords?.length === 0)
    return { kind: "parse", argv: [node, script, ...options, "--help"] };
  const given = helpWords ?? (asksHelp(args) ? args : []);
  const { words, options: among, next } = commandWords(program, given, separated);
  // A word where a command belongs that cannot name one (`help x=y`, `tokens lis/t --help`) is unknown as well; an
  // option is not, but after `help --`.
  const stray = next !== undefined && (separated || !next.startsWith("-")) && next.trim() !== "" ? next : undefined;
  if (words.length === 0 && stray === undefined) return { kind: "parse", argv: [...argv] };
  let command = program;
  const path: string[] = [];
  for (const word of [...words, ...(stray === undefined ? [] : [stray])]) {
    // A command without subcommands takes the words after it as its operands; `help` among the words asks again.
    if (command.commands.length === 0) break;
    if (word === "help") continue;
    const found = findCommand(command, word);
    if (!found) {
      const choices = command.commands.map((c) => c.name()).filter((name) => name !== "help");
      return { kind: "unknown", word, under: commandPath(command), choices };
    }
    command = found;
    path.push(word);
  }
  return { kind: "parse", argv: [node, script, ...options, ...among, ...path, "--help"] };
}

/** Whether `args` ask for help with a flag: `--help` or `-h` anywhere before a `--`. */
function asksHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

/**
 * The usage error for a help route's unknown word. A word that cannot be a command name is not shown, as for an
 * unknown command outside help: it may be a key pasted in the wrong place, or hold control characters.
 */
export function unknownCommandText(route: Extract<HelpRoute, { kind: "unknown" }>): string {
  const choices = `its commands: ${route.choices.join(", ")}`;
  const why = COMMAND_NAME.test(route.word)
    ? `'${route.word}' in '${route.under}' (${choices})`
    : `'...' in '${route.under}' (not shown: it is not a command name; ${choices})`;
  return `error: unknown command ${why}\n(add --help for usage)\n`;
}

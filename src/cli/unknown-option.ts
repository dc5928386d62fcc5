import { API_KEY_ENV } from "./credentials.js";
import { COMMAND_NAME } from "./help-route.js";

/** Option names that look like they carry a secret: someone may have tried to pass the key on the command line. */
const SECRET_NAME = /key|token|passw|secret|credential/i;

// Commander's report of an unknown option, e.g. `error: unknown option '--api-key=ATCTT3x...'`, maybe followed by a
// line "(Did you mean --x?)". The value runs from the first `=` to the last quote: it may hold quotes and newlines.
const UNKNOWN_OPTION = /(unknown option '[^=]*?)=[\s\S]*'/;
// A short option with its value glued on (`-kATCTT3x...`): only the letter is shown.
const GLUED_SHORT = /(unknown option '-[^-'=])[^'][\s\S]*'/;
const FLAG_WITH_VALUE = /unknown option '(--[^=']+)=/;
const UNKNOWN_NAME = /unknown option '-*([^'=]*)/;
// Commander's report of an unknown command: `error: unknown command 'ATCTT3x...'`. A key pasted in the wrong place
// lands here; a mistyped command name (letters and hyphens) is shown, anything else is not.
const UNKNOWN_COMMAND = /(unknown command ')([\s\S]*)'/;

/** Why there is no option for the key, and where the key goes instead. */
const noKeyOption = `There is deliberately no option for the API key (it would land in shell history and the process list): set ${API_KEY_ENV} or pass --api-key-file <path>.`;

/**
 * Commander's error text with the `=value` of every unknown option replaced by `=...`, and what follows the letter of
 * an unknown short option (`-k...`): an unknown `--api-key=...` or `-kKEY` must not echo a key into a CI log. An
 * unknown option whose name looks secret also gets a line saying where the key goes. The value is dropped whatever
 * the name: which names hold secrets cannot be known. An unknown command is shown only when it looks like a command
 * name. `flags` are the options of the command that take no value: one of them given `=value` is reported as such.
 */
export function redactUnknownOption(text: string, flags: ReadonlySet<string> = new Set()): string {
  // `--all=yes` is no unknown option but a flag given a value: say so, and still show none of the value.
  const flag = FLAG_WITH_VALUE.exec(text)?.[1];
  if (flag !== undefined && flags.has(flag)) {
    return text
      .replace(UNKNOWN_OPTION, `option '${flag}' takes no value: give it alone, without '=...'`)
      .replace(`\n(Did you mean ${flag}?)`, "");
  }
  const redacted = text
    .replace(UNKNOWN_OPTION, "$1=...'")
    .replace(GLUED_SHORT, "$1...'")
    .replace(UNKNOWN_COMMAND, (whole, start: string, name: string) =>
      COMMAND_NAME.test(name) ? whole : `${start}...' (not shown: it is not a command name)`,
    );
  const name = UNKNOWN_NAME.exec(redacted)?.[1];
  if (name === undefined || !SECRET_NAME.test(name)) return redacted;
  const end = redacted.endsWith("\n") ? "\n" : "";
  return `${redacted.slice(0, redacted.length - end.length)}\n${noKeyOption}${end}`;
}

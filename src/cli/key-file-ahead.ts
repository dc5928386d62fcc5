import type { RunContext } from "./context.js";
import { readKeyFile } from "./credentials.js";

const FLAG = "--api-key-file";
/** Flags that only print help or the version: no key is needed, and a key file on a terminal must not be waited for. */
const PRINT_ONLY = new Set(["-h", "--help", "-V", "--version"]);

/**
 * The path given to `--api-key-file` among `args` (those after the script), as commander reads it: the last one,
 * `--api-key-file path` or `--api-key-file=path`, anywhere before a `--`, trimmed. Undefined when there is none, it
 * is blank (the usage error comes later), or the run only prints help or the version. A `--api-key-file` that is in
 * fact another option's value (`--org --api-key-file x`) is taken for the option here: at worst a file is read whose
 * text is then redacted from the output.
 */
export function keyFileArgument(args: readonly string[]): string | undefined {
  const end = args.indexOf("--");
  const options = end === -1 ? args : args.slice(0, end);
  if (options.some((arg) => PRINT_ONLY.has(arg))) return undefined;
  let path: string | undefined;
  options.forEach((arg, at) => {
    if (arg === FLAG) path = options[at + 1];
    else if (arg.startsWith(`${FLAG}=`)) path = arg.slice(FLAG.length + 1);
  });
  const trimmed = path?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Reads the key file named among `args` before they are parsed, when it is a regular file, and adds its key to the
 * run's secrets: a key kept only in a file is then redacted from every line, as one in the environment is, even from
 * the errors of parsing (a key pasted as `--timeout`'s value, or as an id file's path). A failure to read it is left
 * to the command, which gets the same result when it connects (`readOnce`) and reports it there.
 */
export async function readKeyFileAhead(args: readonly string[], ctx: RunContext): Promise<void> {
  const path = keyFileArgument(args);
  // Only a regular file is read ahead: a terminal or a pipe could keep help, or a usage error, waiting for a key that
  // the run may never need. Such a key is read when the command connects, as before.
  if (path === undefined || !(await ctx.io.isPlainFile(path))) return;
  const key = await readKeyFile(path, ctx.io, ctx.signal).catch((error: unknown) => {
    if (ctx.signal.aborted) throw error;
    return undefined;
  });
  if (key !== undefined) ctx.secrets.push(key);
}

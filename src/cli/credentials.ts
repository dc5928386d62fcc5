import type { CliIo } from "./io.js";
import { UsageError } from "./usage-error.js";

/** Environment variable holding the organization API key. */
export const API_KEY_ENV = "ATLASSIAN_ADMIN_API_KEY";
/** Environment variable holding the organization id. */
export const ORG_ID_ENV = "ATLASSIAN_ORG_ID";

/** The options that say where the credentials come from. There is deliberately no option carrying the key itself. */
export interface CredentialOptions {
  apiKeyFile?: string | undefined;
  org?: string | undefined;
}

/** A resolved API key and organization id. */
export interface Credentials {
  apiKey: string;
  /** Where the key came from, as an error about it names it: "ATLASSIAN_ADMIN_API_KEY", or the option's file. */
  keySource: string;
  orgId: string;
}

/**
 * Resolves the key (`--api-key-file` wins over the environment, since it was asked for explicitly) and the org id
 * (`--org` wins over the environment). Anything missing or unreadable is a usage error: exit 2, nothing sent.
 * An option given with an empty value is one too, never a reason to fall back on the environment: `--org "$ORG"`
 * with `ORG` unset must not revoke the tokens of whichever org the environment names.
 * A key on the command line would land in shell history and `ps`, so there is no flag for it.
 */
export async function resolveCredentials(
  options: CredentialOptions,
  io: Pick<CliIo, "env" | "readFile">,
  signal: AbortSignal,
): Promise<Credentials> {
  const keyFile = givenValue("--api-key-file", options.apiKeyFile, "<path>");
  const org = givenValue("--org", options.org, "<id>");
  const apiKey = keyFile === undefined ? nonEmpty(io.env[API_KEY_ENV]) : await readKeyFile(keyFile, io, signal);
  if (!apiKey) {
    throw new UsageError(`No API key: set ${API_KEY_ENV} or pass --api-key-file <path> (or use --sandbox).`);
  }
  const orgId = org ?? nonEmpty(io.env[ORG_ID_ENV]);
  if (!orgId) {
    throw new UsageError(`No organization id: pass --org <id> or set ${ORG_ID_ENV}.`);
  }
  return { apiKey, keySource: keyFile === undefined ? API_KEY_ENV : "the file given to --api-key-file", orgId };
}

/**
 * The key in the file `path`. Its errors name the option, never the path: a key pasted where the path belongs
 * (`--api-key-file "$KEY"`) would be printed, and the environment holds no key to redact it by. The user knows the
 * path they gave. Ctrl-C (`signal`) ends a read that waits (a terminal, a FIFO) as it ends any other wait.
 */
export async function readKeyFile(path: string, io: Pick<CliIo, "readFile">, signal: AbortSignal): Promise<string> {
  let text: string;
  try {
    text = await io.readFile(path, signal, { secret: true });
  } catch (error) {
    if (signal.aborted) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(
      `Cannot read the file given to --api-key-file (${code}): check the path and its permissions. ` +
        "The option takes the path of a file holding the key, never the key itself.",
    );
  }
  const key = nonEmpty(text);
  if (!key) throw new UsageError("The file given to --api-key-file is empty: put the organization API key in it.");
  return key;
}

/**
 * The trimmed value of an option that was given, or undefined when it was not; a usage error when it was given
 * empty or blank (`--org ""`, often an unset shell variable).
 */
export function givenValue(flag: string, value: string | undefined, placeholder: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = nonEmpty(value);
  if (!trimmed) {
    throw new UsageError(
      `${flag} was given an empty value (an unset shell variable?): pass ${flag} ${placeholder}, or leave the option out. Nothing was sent.`,
    );
  }
  return trimmed;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

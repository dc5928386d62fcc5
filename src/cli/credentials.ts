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
  orgId: string;
}

/**
 * Resolves the key (`--api-key-file` wins over the environment, since it was asked for explicitly) and the org id
 * (`--org` wins over the environment). Anything missing or unreadable is a usage error: exit 2, nothing sent.
 * A key on the command line would land in shell history and `ps`, so there is no flag for it.
 */
export async function resolveCredentials(
  options: CredentialOptions,
  io: Pick<CliIo, "env" | "readFile">,
): Promise<Credentials> {
  const apiKey = options.apiKeyFile ? await readKeyFile(options.apiKeyFile, io) : nonEmpty(io.env[API_KEY_ENV]);
  if (!apiKey) {
    throw new UsageError(`No API key: set ${API_KEY_ENV} or pass --api-key-file <path> (or use --sandbox).`);
  }
  const orgId = nonEmpty(options.org) ?? nonEmpty(io.env[ORG_ID_ENV]);
  if (!orgId) {
    throw new UsageError(`No organization id: pass --org <id> or set ${ORG_ID_ENV}.`);
  }
  return { apiKey, orgId };
}

async function readKeyFile(path: string, io: Pick<CliIo, "readFile">): Promise<string> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(`Cannot read the API key file ${path} (${code}): check the path and its permissions.`);
  }
  const key = nonEmpty(text);
  if (!key) throw new UsageError(`The API key file ${path} is empty: put the organization API key in it.`);
  return key;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

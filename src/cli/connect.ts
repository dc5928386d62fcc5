import { type AdminApiClient, createClient, InvalidInputError } from "../index.js";
import type { GlobalOptions, RunContext } from "./context.js";
import { givenValue, resolveCredentials } from "./credentials.js";
import { plainHttpWarning } from "./plain-http.js";
import { printableLine } from "./printable.js";
import { type RetryLoggerHooks, retryLogger } from "./retry-logger.js";
import { startSeeded } from "./start-seeded.js";
import { UsageError } from "./usage-error.js";

/** A client bound to one organization, and how to release what it holds (the embedded sandbox). */
export interface Connection {
  client: AdminApiClient;
  orgId: string;
  close(): Promise<void>;
}

/**
 * Builds the client for this run: the embedded sandbox with `--sandbox`, else the resolved credentials. The key goes
 * into `ctx.secrets` at once, so any later error or line that somehow contains it is redacted.
 */
export async function connect(
  options: GlobalOptions,
  ctx: RunContext,
  onWait?: RetryLoggerHooks["onWait"],
): Promise<Connection> {
  // The SDK's lines quote paths and ids the server may have sent back: blanked of control characters, as errors are.
  const onLine = options.verbose ? (line: string) => ctx.io.stderr.write(`${printableLine(line)}\n`) : undefined;
  const common = {
    userAgent: `atlassian-admin-api-access-cli/${ctx.version}`,
    logger: retryLogger({ onWait, onLine }),
    logLevel: "info",
    timeout: options.timeout,
  } as const;
  if (options.sandbox) {
    // The sandbox's clock is set to now so that "stale" and "expiring" mean the same as for a real org.
    const tokens = options.sandboxTokens === undefined ? {} : { tokens: options.sandboxTokens };
    const sandbox = await startSeeded(ctx, { now: new Date(), ...tokens });
    const client = createClient({ ...common, apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl });
    return { client, orgId: sandbox.orgId, close: () => sandbox.close() };
  }
  // Checked before the credentials: an empty --base-url must not quietly mean the real API.
  const baseUrl = givenValue("--base-url", options.baseUrl, "<url>");
  const { apiKey, keySource, orgId } = await resolveCredentials(options, ctx.io, ctx.signal);
  const warning = baseUrl === undefined ? undefined : plainHttpWarning(baseUrl);
  if (warning) ctx.io.stderr.write(warning);
  ctx.secrets.push(apiKey);
  try {
    const client = createClient({ ...common, apiKey, ...(baseUrl === undefined ? {} : { baseUrl }) });
    return { client, orgId, close: async () => {} };
  } catch (error) {
    // The SDK names its option; a CLI user set a variable or a file, and needs to know which one to fix.
    if (error instanceof InvalidInputError && error.parameter === "apiKey") {
      throw new UsageError(
        `The API key in ${keySource} is not one line of printable ASCII without spaces: look for a quote, a second ` +
          "line or a character pasted with it. Nothing was sent.",
      );
    }
    throw error;
  }
}

/** Runs `work` with a connection and always releases it, even when `work` throws; `onWait` hears retry waits. */
export async function withConnection<T>(
  options: GlobalOptions,
  ctx: RunContext,
  work: (connection: Connection) => Promise<T>,
  onWait?: RetryLoggerHooks["onWait"],
): Promise<T> {
  const connection = await connect(options, ctx, onWait);
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

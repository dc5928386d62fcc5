import { AuthenticationError, PermissionDeniedError } from "../index.js";
import type { CliIo } from "./io.js";

/**
 * What a revocation reads first, to say what it is about to revoke (a count, a list). A key made to revoke may lack
 * the read scope: then the revocation goes ahead without it, after a note on stderr, and the caller gets undefined.
 * The confirmation guard still stands. A dry run has nothing to show without the read, so there its error stands.
 * Other errors (a wrong org, the network) stop the revocation: the DELETE would meet them too.
 */
export async function readBeforeRevoke<T>(
  read: () => Promise<T>,
  how: { dryRun: boolean; what: string; scope: string; io: Pick<CliIo, "stderr"> },
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (how.dryRun || !(error instanceof PermissionDeniedError || error instanceof AuthenticationError)) throw error;
    how.io.stderr.write(
      `Note: could not read ${how.what} first (HTTP ${error.status}: reading needs the scope ${how.scope}); going on without it.\n`,
    );
    return undefined;
  }
}

import { ExitCode } from "./exit-codes.js";

/** A mistake the user can fix by changing the command line or environment; exits 2 and sends nothing. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly exitCode = ExitCode.usage;
}

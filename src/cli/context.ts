import type { CliIo } from "./io.js";
import type { StatusLine } from "./status-line.js";

/** Options every command accepts (defined once on the program). There is no option for the key itself. */
export interface GlobalOptions {
  apiKeyFile?: string;
  org?: string;
  baseUrl?: string;
  sandbox?: boolean;
  /** User tokens the embedded sandbox seeds; only with `sandbox`. */
  sandboxTokens?: number;
  /** Per-attempt timeout in ms, for the client. */
  timeout?: number;
  verbose?: boolean;
  color: boolean;
}

/** The state of one CLI run, shared by every command. */
export interface RunContext {
  io: CliIo;
  /** The progress line on stderr; `io`'s streams erase it before they write. */
  statusLine: StatusLine;
  /** Aborted by Ctrl-C; passed to every request. */
  signal: AbortSignal;
  /** Strings that must never be printed (the API key, once known). */
  secrets: string[];
  /** The version from package.json, for `--version` and the User-Agent. */
  version: string;
  /** What the command decided to exit with. */
  exitCode: number;
}

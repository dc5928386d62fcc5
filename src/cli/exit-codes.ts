/**
 * The CLI's exit codes, in one place so `--help`, the docs and the code cannot disagree. 1 is reserved for audit
 * findings so CI can gate on it without confusing a finding with a failure.
 */
export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
  apiFailure: 3,
  interrupted: 130,
  outputClosed: 141,
} as const satisfies Record<string, number>;

/** One of the CLI's exit codes. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit codes as `--help` and docs/cli.md describe them. */
export const exitCodeHelp = `Exit codes:
  0    success (audit: nothing found)
  1    audit found something (stale, never used, no expiry, expiring, expired or blocked tokens)
  2    usage error: bad option, missing credentials, or a revocation that was not confirmed (nothing sent)
  3    API or network failure (authentication, permission, rate limit, server error, timeout)
  130  interrupted with Ctrl-C
  141  output closed before the end (piped into head, for one): stopped at once, as SIGPIPE stops Unix tools`;

/**
 * The CLI's exit codes, in one place so `--help`, the docs and the code cannot disagree. 1 is reserved for audit
 * findings so CI can gate on it without confusing a finding with a failure.
 */
export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
  /** The run failed: the API or the network, or output that could not be written (a full disk). */
  failure: 3,
  interrupted: 130,
  outputClosed: 141,
} as const satisfies Record<string, number>;

/** One of the CLI's exit codes. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The name of one exit code. */
export type ExitCodeName = keyof typeof ExitCode;

/** What each exit code means wherever a command gives it. */
const meanings = {
  ok: "success",
  findings:
    "audit found something (stale, never used, no expiry, expiring, expired or blocked tokens, or dates it cannot read)",
  usage: "usage error: bad option or value, or missing credentials (nothing sent)",
  failure:
    "failure: API or network (authentication, permission, not found, rate limit, server error, timeout), or output that " +
    "could not be written (disk full)",
  interrupted: "interrupted with Ctrl-C",
  outputClosed: "output closed before the end (piped into head, for one): stopped at once, as SIGPIPE stops Unix tools",
} as const satisfies Record<ExitCodeName, string>;

/** The codes of a command and, where a code means more there than everywhere, what it means. */
type CommandCodes = Partial<Record<ExitCodeName, string | true>>;

const reading = { ok: true, usage: true, failure: true, interrupted: true, outputClosed: true } as const;
const revoking = {
  ...reading,
  usage: "usage error: bad option, missing credentials, or a revocation that was not confirmed (nothing sent)",
  interrupted: "interrupted with Ctrl-C (at the prompt: nothing revoked)",
} as const;

/** The exit codes each command can give, by its path under the program: policy as data, read by `--help`. */
export const commandExitCodes = {
  "tokens list": reading,
  "tokens count": reading,
  "tokens revoke-all": revoking,
  "service-accounts count": {
    ...reading,
    failure:
      "failure: API or network, an answer that leaves out one of the ids (each still gets a row), or output that could not be written",
  },
  "service-accounts tokens": reading,
  "service-accounts revoke": revoking,
  audit: {
    ...reading,
    ok: "nothing found (always 0 with --sandbox, a demo)",
    findings: true,
  },
  // Ctrl-C is how the sandbox is meant to end: it exits 0, so 130 is not among its codes.
  sandbox: {
    ok: "stopped with Ctrl-C",
    usage: "usage error: bad option or value",
    failure: "failure: the sandbox could not start (the port is in use, for one), or output that could not be written",
    outputClosed: true,
  },
} as const satisfies Record<string, CommandCodes>;

/** The path of a command that gives exit codes, e.g. `tokens list`. */
export type CommandPath = keyof typeof commandExitCodes;

/** Whether `path` names a command of `commandExitCodes`. */
export function isCommandPath(path: string): path is CommandPath {
  return Object.hasOwn(commandExitCodes, path);
}

/** Every code, for the program's own `--help`: what each means for whichever command gives it. */
const everyCode: CommandCodes = {
  ...revoking,
  ok: "success (audit: nothing found)",
  findings: true,
  interrupted: "interrupted with Ctrl-C (but sandbox, which Ctrl-C stops: exit 0)",
};

/** The "Exit codes:" block of a `--help`: the codes of `path`, or of every command when it is undefined. */
export function exitCodeHelp(path?: CommandPath): string {
  const codes: CommandCodes = path === undefined ? everyCode : commandExitCodes[path];
  const lines = (Object.keys(ExitCode) as ExitCodeName[])
    .filter((name) => codes[name] !== undefined)
    .map((name) => {
      const meaning = codes[name];
      return `  ${String(ExitCode[name]).padEnd(5)}${meaning === true ? meanings[name] : meaning}`;
    });
  return `Exit codes:\n${lines.join("\n")}`;
}

import { Command, Help, type HelpConfiguration, Option } from "commander";
import { MAX_TIMER_MS } from "../delay.js";
import { auditCommand } from "./commands/audit.js";
import { sandboxCommand } from "./commands/sandbox.js";
import { serviceAccountsCountCommand } from "./commands/service-accounts-count.js";
import { serviceAccountsRevokeCommand } from "./commands/service-accounts-revoke.js";
import { serviceAccountsTokensCommand } from "./commands/service-accounts-tokens.js";
import { withExamples } from "./commands/shared.js";
import { tokensCountCommand } from "./commands/tokens-count.js";
import { tokensListCommand } from "./commands/tokens-list.js";
import { tokensRevokeAllCommand } from "./commands/tokens-revoke-all.js";
import type { GlobalOptions, RunContext } from "./context.js";
import { API_KEY_ENV, ORG_ID_ENV } from "./credentials.js";
import { exitCodeHelp, isCommandPath } from "./exit-codes.js";
import { refusedBySandboxCommand, refuseIgnoredOptions } from "./ignored-options.js";
import { dashless, MAX_SANDBOX_TOKENS, parseSandboxTokens, parseTimeout } from "./option-values.js";
import { refuseRepeats } from "./single-value.js";
import { redactUnknownOption } from "./unknown-option.js";

const credentialsHelp = `Credentials:
  The organization API key comes from ${API_KEY_ENV} or from a file named by --api-key-file.
  There is deliberately no option that takes the key itself: a key on the command line ends up in shell history
  and in the process list. The key is never printed, not even in errors.
  The organization id comes from --org or ${ORG_ID_ENV}.`;

/**
 * Builds the whole command tree for one run. Commander's own exits are turned into exceptions (`exitOverride`) and
 * its output into the injected streams, so `main` decides every exit code and tests can run in-process.
 */
export function buildProgram(ctx: RunContext): Command {
  const program = new Command("admin-api-access")
    .description("Audit, list, count and revoke the API tokens of an Atlassian organization (Admin API Access).")
    .version(ctx.version, "-V, --version", "print the version")
    .option(
      "--api-key-file <path>",
      `read the API key from this file (else ${API_KEY_ENV}); /dev/stdin at a terminal prompts, hidden`,
    )
    .addOption(new Option("--org <id>", `organization id (else ${ORG_ID_ENV})`).argParser(dashless("--org", "<id>")))
    .addOption(
      new Option("--base-url <url>", "API base URL (default: https://api.atlassian.com/admin/api-access/v1)").argParser(
        dashless("--base-url", "<url>"),
      ),
    )
    .option("--sandbox", "run this command against an embedded, seeded sandbox instead of a real org")
    .addOption(
      new Option(
        "--sandbox-tokens <n>",
        `user API tokens the --sandbox seeds, at most ${MAX_SANDBOX_TOKENS} (default: 250)`,
      ).argParser(parseSandboxTokens),
    )
    .addOption(
      new Option(
        "--timeout <ms>",
        `per-attempt timeout in ms, at most ${MAX_TIMER_MS}, re-armed for each of the 4 attempts a request gets (default: 30000)`,
      ).argParser(parseTimeout),
    )
    .option("--verbose", "on failure, also print status, request id, request and stack")
    .addOption(new Option("--no-color", "no colour (also off when NO_COLOR is set or stdout is not a terminal)"))
    .addHelpText("after", `\n${credentialsHelp}\n\n${exitCodeHelp()}`);
  withExamples(program, [
    `export ${API_KEY_ENV}="$(cat ~/.config/atlassian/admin-key)" ${ORG_ID_ENV}=2a8c5d3e-...`,
    "admin-api-access audit --format md",
    "admin-api-access tokens list --all --format csv > tokens.csv",
    "admin-api-access --api-key-file key.txt --org 2a8c5d3e-... tokens count --status BLOCKED",
    "admin-api-access audit --sandbox",
  ]);

  const tokens = new Command("tokens").description("User API tokens of the organization's managed users");
  withExamples(tokens, [
    "admin-api-access tokens list --all --format csv > tokens.csv",
    "admin-api-access tokens count --status BLOCKED",
    "admin-api-access tokens revoke-all --dry-run",
  ]).addHelpText("after", `\n${groupHelp("tokens")}`);
  tokens.addCommand(tokensListCommand(ctx)).addCommand(tokensCountCommand(ctx)).addCommand(tokensRevokeAllCommand(ctx));
  const accounts = new Command("service-accounts").description("API tokens of the organization's service accounts");
  withExamples(accounts, [
    "admin-api-access service-accounts count --file accounts.txt",
    "admin-api-access service-accounts tokens 0f1e2d3c-... --format json",
    "admin-api-access service-accounts revoke 0f1e2d3c-... --dry-run",
  ]).addHelpText("after", `\n${groupHelp("service-accounts")}`);
  accounts
    .addCommand(serviceAccountsCountCommand(ctx))
    .addCommand(serviceAccountsTokensCommand(ctx))
    .addCommand(serviceAccountsRevokeCommand(ctx));
  program.addCommand(tokens).addCommand(accounts).addCommand(auditCommand(ctx)).addCommand(sandboxCommand(ctx));

  program.hook("preAction", (_program, action) => {
    refuseIgnoredOptions(
      action.optsWithGlobals<GlobalOptions>(),
      action.parent === program && action.name() === "sandbox",
    );
  });

  const configure = (command: Command, path: string) => {
    refuseRepeats(command);
    command
      .exitOverride()
      .configureOutput({
        writeOut: (text: string) => ctx.io.stdout.write(text),
        writeErr: (text: string) => ctx.io.stderr.write(text),
        outputError: (text: string, write: (text: string) => void) =>
          write(redactUnknownOption(text, flagsOf(command))),
      })
      .configureHelp({
        showGlobalOptions: true,
        sortSubcommands: false,
        ...(path === "sandbox" ? globalOptionsBut(refusedBySandboxCommand) : {}),
      })
      .showHelpAfterError("(add --help for usage)");
    for (const sub of command.commands) {
      const subPath = path ? `${path} ${sub.name()}` : sub.name();
      if (sub.commands.length === 0) sub.addHelpText("after", `\n${leafExitCodes(subPath)}`);
      configure(sub, subPath);
    }
  };
  configure(program, "");
  return program;
}

/** The options that take no value (`--all`, `--no-color`) that `command` reads: its own and its ancestors'. */
function flagsOf(command: Command): Set<string> {
  const flags = new Set<string>();
  for (let c: Command | null = command; c; c = c.parent) {
    for (const option of c.options) if (option.long && !option.required && !option.optional) flags.add(option.long);
  }
  return flags;
}

/** Help that lists the global options but `flags`: a command's help does not offer the options it refuses. */
function globalOptionsBut(flags: ReadonlySet<string>): HelpConfiguration {
  return {
    visibleGlobalOptions(this: Help, command: Command) {
      return Help.prototype.visibleGlobalOptions
        .call(this, command)
        .filter((option) => option.long === undefined || !flags.has(option.long));
    },
  };
}

/** Where a command group's `--help` sends the reader for its commands' options and exit codes. */
function groupHelp(group: string): string {
  return `Each command's options and exit codes: admin-api-access ${group} <command> --help`;
}

/** The exit codes a leaf command's `--help` lists; a command missing from the table is a bug caught by the tests. */
function leafExitCodes(path: string): string {
  if (!isCommandPath(path)) throw new Error(`No exit codes listed for the command "${path}" in exit-codes.ts`);
  return exitCodeHelp(path);
}

import { Command, Option } from "commander";
import { MAX_SEED } from "../../testing/sandbox-options.js";
import type { RunContext } from "../context.js";
import { API_KEY_ENV, ORG_ID_ENV } from "../credentials.js";
import { ExitCode } from "../exit-codes.js";
import { MAX_SANDBOX_TOKENS, parsePort, parseSandboxTokens, parseSeed } from "../option-values.js";
import { RunFailure } from "../run-failure.js";
import { startSeeded } from "../start-seeded.js";
import { withExamples } from "./shared.js";

interface SandboxCommandOptions {
  port: number;
  seed?: number;
  tokens?: number;
}

/** What the sandbox command prints: where it runs and how to point the CLI at it. */
export function sandboxBanner(info: {
  baseUrl: string;
  apiKey: string;
  orgId: string;
  serviceAccountIds: readonly string[];
}): string {
  return `Sandbox running at ${info.baseUrl}
Organization id:  ${info.orgId}
Service accounts: ${info.serviceAccountIds.join(" ")}
API key:          ${info.apiKey}
  (the sandbox's built-in fake key: it opens only this local sandbox, so printing it is safe; a real key is never printed)

Point the CLI at it from another terminal:
  export ${API_KEY_ENV}='${info.apiKey}'
  export ${ORG_ID_ENV}='${info.orgId}'
  admin-api-access --base-url ${info.baseUrl} audit

Press Ctrl-C to stop.
`;
}

/** `sandbox`: serves a seeded fake of the API on 127.0.0.1 until Ctrl-C. */
export function sandboxCommand(ctx: RunContext): Command {
  const command = new Command("sandbox")
    .description("Run a local, seeded fake of the API on 127.0.0.1 until Ctrl-C (no real org or key involved)")
    .addOption(new Option("--port <n>", "port to listen on (0 picks a free one)").argParser(parsePort).default(0))
    .addOption(
      new Option("--seed <n>", `seed of the generated data, 0 to ${MAX_SEED} (default: 1)`).argParser(parseSeed),
    )
    // The same range as --sandbox-tokens: the two size the same sandbox.
    .addOption(
      new Option(
        "--tokens <n>",
        `how many user API tokens to generate, at most ${MAX_SANDBOX_TOKENS} (default: 250)`,
      ).argParser(parseSandboxTokens),
    );
  withExamples(command, [
    "admin-api-access sandbox --port 4010",
    "admin-api-access sandbox --port 4010 --seed 7 --tokens 2000",
  ]);
  return command.action(async (options: SandboxCommandOptions) => {
    const sandbox = await startSeeded(ctx, {
      port: options.port,
      now: new Date(),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.tokens === undefined ? {} : { tokens: options.tokens }),
    }).catch((error: unknown) => {
      // Ctrl-C while it seeds ends this command as Ctrl-C always does: stopped, a success.
      if (ctx.signal.aborted) return undefined;
      throw portProblem(error, options.port) ?? error;
    });
    if (sandbox) {
      ctx.io.stdout.write(sandboxBanner(sandbox));
      await new Promise<void>((resolve) => {
        if (ctx.signal.aborted) resolve();
        ctx.signal.addEventListener("abort", () => resolve(), { once: true });
      });
      await sandbox.close();
    }
    ctx.io.stderr.write("Sandbox stopped.\n");
    // Ctrl-C is how this command is meant to end, so it is a success, not an interruption.
    ctx.exitCode = ExitCode.ok;
  });
}

/** A port already in use, said in one line with what to do: the sandbox could not start (exit 3, as documented). */
function portProblem(error: unknown, port: number): RunFailure | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "EADDRINUSE") {
    return new RunFailure(
      `Port ${port} on 127.0.0.1 is already in use (another sandbox?): stop what holds it, or pick another with --port (0 picks a free one).`,
    );
  }
  return undefined;
}

import { createInterface } from "node:readline";
import type { CliIo } from "./io.js";
import { UsageError } from "./usage-error.js";

/** How a destructive command may go ahead. */
export type ConfirmationPlan = "dry-run" | "proceed" | "prompt" | "refuse";

/** What decides a destructive command's fate. */
export interface ConfirmationInput {
  dryRun: boolean;
  yes: boolean;
  /** Whether someone can answer a prompt: stdin is a terminal. */
  interactive: boolean;
}

/**
 * The confirmation rules as a ladder: a dry run never sends; `--yes` sends; a terminal asks the user to type the id;
 * anything else (a script, CI) is refused, because silence must not revoke tokens.
 */
export function planConfirmation({ dryRun, yes, interactive }: ConfirmationInput): ConfirmationPlan {
  if (dryRun) return "dry-run";
  if (yes) return "proceed";
  if (interactive) return "prompt";
  return "refuse";
}

/** True only when the typed answer is exactly the expected id (surrounding spaces ignored). */
export function isConfirmed(answer: string, expected: string): boolean {
  return answer.trim() === expected;
}

/**
 * Asks on stderr and reads one line from stdin; resolves whether the user typed `expected`. Ctrl-C (the abort
 * `signal`) or the end of input counts as "no".
 */
export function promptForId(
  io: Pick<CliIo, "stdin" | "stderr">,
  question: string,
  expected: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, terminal: false });
  io.stderr.write(question);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: boolean) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", refuse);
      rl.close();
      resolve(answer);
    };
    // Nothing typed (Ctrl-D, Ctrl-C): the terminal echoed no line end, so what is written next would share the
    // question's line.
    const refuse = () => {
      if (!settled) io.stderr.write("\n");
      settle(false);
    };
    signal?.addEventListener("abort", refuse);
    if (signal?.aborted) refuse();
    rl.once("line", (line) => settle(isConfirmed(line, expected)));
    rl.once("close", refuse);
  });
}

/** Why a destructive command stopped without a terminal or `--yes` (exit 2, nothing sent). */
const refusalMessage =
  "Refusing to revoke without confirmation: stdin is not a terminal. Pass --yes to revoke, or --dry-run to see what would be revoked. Nothing was sent.";

/** Why a destructive command stopped when the typed id did not match (exit 2, nothing sent). */
const notConfirmedMessage = "The id typed did not match, so nothing was revoked.";

/** The confirmation guard of one destructive command, past the refusal. */
export interface RevocationGuard {
  /** Show what would be revoked and send nothing. */
  dryRun: boolean;
  /** Resolves when the command may revoke: at once with `--yes`, else once the user typed `expected`. */
  confirm(question: string, expected: string): Promise<void>;
}

/**
 * The confirmation rules of a destructive command (see `planConfirmation`), applied: throws the refusal (exit 2)
 * at once, before anything is read or sent; `confirm` throws when the typed id does not match.
 */
export function guardRevocation(
  options: { dryRun?: boolean; yes?: boolean },
  io: Pick<CliIo, "stdin" | "stderr" | "stdinIsTTY">,
  signal?: AbortSignal,
): RevocationGuard {
  const plan = planConfirmation({
    dryRun: options.dryRun === true,
    yes: options.yes === true,
    interactive: io.stdinIsTTY,
  });
  if (plan === "refuse") throw new UsageError(refusalMessage);
  return {
    dryRun: plan === "dry-run",
    async confirm(question, expected) {
      if (plan !== "prompt") return;
      if (!(await promptForId(io, question, expected, signal))) throw new UsageError(notConfirmedMessage);
    },
  };
}

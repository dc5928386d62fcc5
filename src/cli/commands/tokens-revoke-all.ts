import { Command } from "commander";
import { operationPolicies } from "../../operations.js";
import { guardRevocation } from "../confirm.js";
import { withConnection } from "../connect.js";
import type { RunContext } from "../context.js";
import { countOf } from "../count-of.js";
import { ExitCode } from "../exit-codes.js";
import { printableLine } from "../printable.js";
import { readBeforeRevoke } from "../read-before-revoke.js";
import { optionsOf, withExamples } from "./shared.js";

interface RevokeOptions {
  dryRun?: boolean;
  yes?: boolean;
}

/** `tokens revoke-all`: revokes every managed user's API token in the org, behind the confirmation guard. */
export function tokensRevokeAllCommand(ctx: RunContext): Command {
  const command = new Command("revoke-all")
    .description(
      "Revoke EVERY managed user's API token in the organization (the API takes no filter). " +
        "On a terminal you must type the org id to confirm; otherwise --yes is required.",
    )
    .option("--dry-run", "show how many tokens would be revoked; send no DELETE")
    .option("--yes", "revoke without asking (required when stdin is not a terminal)");
  withExamples(command, [
    "admin-api-access tokens revoke-all --dry-run",
    "admin-api-access tokens revoke-all            # asks you to type the org id",
    "admin-api-access tokens revoke-all --yes      # in a script or CI job",
  ]);
  return command.action(async (_options, cmd: Command) => {
    const options = optionsOf<RevokeOptions>(cmd);
    const { io, signal } = ctx;
    // Refused before connecting: not even a read is sent.
    const guard = guardRevocation(options, io, signal);
    ctx.exitCode = await withConnection(options, ctx, async ({ client, orgId }) => {
      // The id as the user gave it, its control characters blanked: a terminal would obey them.
      const shownId = printableLine(orgId);
      const count = await readBeforeRevoke(() => client.apiTokens.count(orgId, {}, { signal }), {
        dryRun: guard.dryRun,
        what: "how many tokens there are",
        scope: operationPolicies.getApiTokenCountByOrgId.scope,
        io,
      });
      const what =
        count === undefined ? "all API tokens" : count === 1 ? "the 1 API token" : `all ${countOf(count, "API token")}`;
      if (guard.dryRun) {
        io.stdout.write(`Dry run: would revoke ${what} of organization ${shownId}. Nothing was sent.\n`);
        return ExitCode.ok;
      }
      await guard.confirm(`This revokes ${what} of organization ${shownId}.\nType the org id to confirm: `, orgId);
      await client.apiTokens.revokeAll(orgId, { signal });
      const before = count === undefined ? "" : ` (${count} before)`;
      io.stdout.write(`Revoked all API tokens of organization ${shownId}${before}.\n`);
      return ExitCode.ok;
    });
  });
}

import { Command } from "commander";
import { operationPolicies } from "../../operations.js";
import { refuseBlankIds } from "../blank-ids.js";
import { useColor } from "../color.js";
import { guardRevocation } from "../confirm.js";
import { withConnection } from "../connect.js";
import type { RunContext } from "../context.js";
import { countOf } from "../count-of.js";
import { ExitCode } from "../exit-codes.js";
import { listFormats, type OutputFormat } from "../format/output-format.js";
import { renderRecords } from "../format/render-records.js";
import { tokenGrid } from "../format/token-grid.js";
import { printableLine } from "../printable.js";
import { readBeforeRevoke } from "../read-before-revoke.js";
import { formatOption, optionsOf, withExamples } from "./shared.js";

interface RevokeOptions {
  dryRun?: boolean;
  yes?: boolean;
  format: OutputFormat;
}

/** `service-accounts revoke`: revokes every API token of one service account, behind the confirmation guard. */
export function serviceAccountsRevokeCommand(ctx: RunContext): Command {
  const command = new Command("revoke")
    .description(
      "Revoke every API token of one service account. On a terminal you must type the account id to confirm; " +
        "otherwise --yes is required.",
    )
    .argument("<id>", "service account id")
    .option("--dry-run", "list the tokens that would be revoked; send no DELETE")
    .option("--yes", "revoke without asking (required when stdin is not a terminal)")
    .addOption(formatOption(listFormats, "table", "format of the --dry-run list (a revocation prints one line)"));
  withExamples(command, [
    "admin-api-access service-accounts revoke 0f1e2d3c-... --dry-run",
    "admin-api-access service-accounts revoke 0f1e2d3c-...        # asks you to type the id",
    "admin-api-access service-accounts revoke 0f1e2d3c-... --yes  # in a script or CI job",
  ]);
  return command.action(async (id: string, _options, cmd: Command) => {
    refuseBlankIds([id]);
    const options = optionsOf<RevokeOptions>(cmd);
    const { io, signal } = ctx;
    // Refused before connecting: not even a read is sent.
    const guard = guardRevocation(options, io, signal);
    ctx.exitCode = await withConnection(options, ctx, async ({ client, orgId }) => {
      // The id as the user gave it, its control characters blanked: a terminal would obey them.
      const shownId = printableLine(id);
      const tokens = await readBeforeRevoke(() => client.serviceAccounts.listTokens(orgId, id, {}, { signal }), {
        dryRun: guard.dryRun,
        what: "the account's tokens",
        scope: operationPolicies.getServiceAccountApiToken.scope,
        io,
      });
      if (guard.dryRun && tokens) {
        io.stderr.write(
          `Dry run: would revoke ${tokens.length === 1 ? "this token" : `these ${countOf(tokens.length, "token")}`} of service account ${shownId}. Nothing was sent.\n`,
        );
        const records = { items: tokens, grid: (style: "raw" | "human") => tokenGrid(tokens, style) };
        io.stdout.write(
          renderRecords(records, options.format, useColor(io.stdoutIsTTY, io.env, options.color), ctx.secrets),
        );
        return ExitCode.ok;
      }
      const what = tokens === undefined ? "the API tokens" : countOf(tokens.length, "API token");
      await guard.confirm(
        `This revokes ${tokens === undefined ? "all" : "all of"} ${what} of service account ${shownId}.\nType the account id to confirm: `,
        id,
      );
      await client.serviceAccounts.revokeTokens(orgId, id, { signal });
      io.stdout.write(`Revoked ${what} of service account ${shownId}.\n`);
      return ExitCode.ok;
    });
  });
}

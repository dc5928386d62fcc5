import { Command, Option } from "commander";
import { refuseBlankIds } from "../blank-ids.js";
import { useColor } from "../color.js";
import { withConnection } from "../connect.js";
import type { RunContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import { listFormats, type OutputFormat } from "../format/output-format.js";
import { renderRecords } from "../format/render-records.js";
import { tokenGrid } from "../format/token-grid.js";
import { parseText } from "../option-values.js";
import { formatOption, optionsOf, withExamples } from "./shared.js";

/** `service-accounts tokens`: the API tokens of one service account. */
export function serviceAccountsTokensCommand(ctx: RunContext): Command {
  const command = new Command("tokens")
    .description("List the API tokens of one service account")
    .argument("<id>", "service account id")
    .addOption(new Option("--label <label>", "only tokens with this label").argParser(parseText))
    .addOption(formatOption(listFormats));
  withExamples(command, [
    "admin-api-access service-accounts tokens 0f1e2d3c-...",
    "admin-api-access service-accounts tokens 0f1e2d3c-... --label nightly-backup --format json",
  ]);
  return command.action(async (id: string, _options, cmd: Command) => {
    refuseBlankIds([id]);
    const options = optionsOf<{ label?: string; format: OutputFormat }>(cmd);
    const { io, signal } = ctx;
    ctx.exitCode = await withConnection(options, ctx, async ({ client, orgId }) => {
      const query = options.label === undefined ? {} : { tokenLabel: options.label };
      const tokens = await client.serviceAccounts.listTokens(orgId, id, query, { signal });
      const records = { items: tokens, grid: (style: "raw" | "human") => tokenGrid(tokens, style) };
      io.stdout.write(
        renderRecords(records, options.format, useColor(io.stdoutIsTTY, io.env, options.color), ctx.secrets),
      );
      return ExitCode.ok;
    });
  });
}

import { Command, Option } from "commander";
import type { ApiToken } from "../../index.js";
import { collectTokens } from "../collect-tokens.js";
import { useColor } from "../color.js";
import { type Connection, withConnection } from "../connect.js";
import type { RunContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import { listFormats, type OutputFormat } from "../format/output-format.js";
import { renderRecords } from "../format/render-records.js";
import { tokenGrid } from "../format/token-grid.js";
import { createProgress } from "../progress.js";
import { addListOptions, listQuery, parsePositiveInt } from "../token-filters.js";
import { formatOption, optionsOf, withExamples } from "./shared.js";

interface ListOptions {
  format: OutputFormat;
  all?: boolean;
  limit?: number;
}

/** `tokens list`: one page of the org's user API tokens, or every page with `--all` / `--limit`. */
export function tokensListCommand(ctx: RunContext): Command {
  const command = new Command("list")
    .description("List the organization's user API tokens (one page unless --all or --limit)")
    .addOption(formatOption(listFormats))
    .option("--all", "follow every page")
    .addOption(new Option("--limit <n>", "follow pages until n tokens (implies --all)").argParser(parsePositiveInt));
  addListOptions(command);
  withExamples(command, [
    "admin-api-access tokens list --status BLOCKED",
    "admin-api-access tokens list --all --format csv > tokens.csv",
    "admin-api-access tokens list --last-active-at-search-type gt --last-active-at-uom day --last-active-at-value 90 --all",
    "admin-api-access tokens list --sort -lastActiveAt --limit 50 --format json",
  ]);
  return command.action(async (_options, cmd: Command) => {
    const options = optionsOf<ListOptions>(cmd);
    const query = listQuery(options);
    const { io, signal } = ctx;
    const progress = createProgress(io.stderr, io.stderrIsTTY, "tokens list");
    const work = async ({ client, orgId }: Connection) => {
      let tokens: ApiToken[];
      if (options.all || options.limit !== undefined) {
        const limit = options.limit ?? Number.POSITIVE_INFINITY;
        tokens = await collectTokens(client, orgId, query, { limit, signal, progress });
      } else {
        const page = await client.apiTokens.list(orgId, query, { signal });
        tokens = page.data;
        // The hint goes to stderr so stdout stays pure data.
        if (page.nextCursor) io.stderr.write(`More tokens: add --cursor ${page.nextCursor}, or use --all.\n`);
      }
      const records = { items: tokens, grid: (style: "raw" | "human") => tokenGrid(tokens, style) };
      io.stdout.write(renderRecords(records, options.format, useColor(io.stdoutIsTTY, io.env, options.color)));
      return ExitCode.ok;
    };
    ctx.exitCode = await withConnection(options, ctx, work, progress.waiting);
  });
}

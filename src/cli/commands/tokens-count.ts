import { Command } from "commander";
import { withConnection } from "../connect.js";
import type { RunContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import { renderCsv } from "../format/csv.js";
import { renderJson } from "../format/json.js";
import { renderJsonl } from "../format/jsonl.js";
import { listFormats, type OutputFormat } from "../format/output-format.js";
import { addFilterOptions, countQuery, inOptionWords } from "../token-filters.js";
import { formatOption, optionsOf, withExamples } from "./shared.js";

/** A count in each output format: the bare number for a terminal or `$(...)`, `{ "count": n }` for machines. */
export function renderCount(count: number, format: OutputFormat): string {
  if (format === "json") return renderJson({ count });
  if (format === "jsonl") return renderJsonl([{ count }]);
  if (format === "csv") return renderCsv({ columns: ["count"], rows: [[count]] });
  return `${count}\n`;
}

/** `tokens count`: how many user API tokens match the filters. */
export function tokensCountCommand(ctx: RunContext): Command {
  const command = new Command("count")
    .description("Count the organization's user API tokens that match the filters")
    .addOption(formatOption(listFormats));
  addFilterOptions(command);
  withExamples(command, [
    "admin-api-access tokens count",
    "admin-api-access tokens count --status BLOCKED",
    "admin-api-access tokens count --created-at-search-type gt --created-at-uom day --created-at-value 365 --format json",
  ]);
  return command.action(async (_options, cmd: Command) => {
    const options = optionsOf<{ format: OutputFormat }>(cmd);
    ctx.exitCode = await withConnection(options, ctx, async ({ client, orgId }) => {
      const count = await client.apiTokens.count(orgId, countQuery(options), { signal: ctx.signal });
      ctx.io.stdout.write(renderCount(count, options.format));
      return ExitCode.ok;
    }).catch((error: unknown) => {
      throw inOptionWords(error);
    });
  });
}

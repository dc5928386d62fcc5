import { Command, Option } from "commander";
import type { ApiToken } from "../../index.js";
import { collectTokens } from "../collect-tokens.js";
import { useColor } from "../color.js";
import { type Connection, withConnection } from "../connect.js";
import type { RunContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import { listFormats, type OutputFormat } from "../format/output-format.js";
import { createRecordStream, isStreamable } from "../format/record-stream.js";
import { renderRecords } from "../format/render-records.js";
import { tokenGrid } from "../format/token-grid.js";
import { parsePositiveInt } from "../option-values.js";
import { createProgress } from "../progress.js";
import { incompleteOutputNotice, interruptedOutputNotice, nextPageHint } from "../resume-hint.js";
import { addListOptions, inOptionWords, listQuery } from "../token-filters.js";
import { tokenPages } from "../token-pages.js";
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
  command.addHelpText(
    "after",
    "\nWith --all or --limit, json, jsonl and csv are written page by page (memory stays flat however many tokens);\n" +
      "table holds every token until the last page, to align its columns: use jsonl or csv for a large org.",
  );
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
    const { format } = options;
    const progress = createProgress(ctx.statusLine, io.stderrIsTTY, "tokens list");
    const render = (tokens: readonly ApiToken[]) => {
      const records = { items: tokens, grid: (style: "raw" | "human") => tokenGrid(tokens, style) };
      io.stdout.write(renderRecords(records, format, useColor(io.stdoutIsTTY, io.env, options.color), ctx.secrets));
    };
    const work = async ({ client, orgId }: Connection) => {
      if (!options.all && options.limit === undefined) {
        const page = await client.apiTokens.list(orgId, query, { signal });
        render(page.data);
        // The hint goes to stderr so stdout stays pure data.
        if (page.nextCursor) io.stderr.write(nextPageHint(page.nextCursor));
        return ExitCode.ok;
      }
      const walk = { limit: options.limit ?? Number.POSITIVE_INFINITY, signal, progress };
      if (!isStreamable(format)) {
        render(await collectTokens(client, orgId, query, walk));
        return ExitCode.ok;
      }
      const stream = createRecordStream(io.stdout, format, tokenGrid);
      let written = 0;
      // The cursor of the page after the last one written: where a walk stopped by Ctrl-C goes on from.
      let next: string | undefined;
      try {
        // The next page is fetched once stdout has taken this one: a slow reader slows the walk, memory stays flat.
        for await (const page of tokenPages(client, orgId, query, walk)) {
          await stream.write(page.tokens);
          written += page.tokens.length;
          next = page.nextCursor;
        }
      } catch (error) {
        // What was written stays written: say so, and where to go on from.
        const notice = signal.aborted
          ? interruptedOutputNotice(next, written, walk.limit)
          : incompleteOutputNotice(error, written, walk.limit);
        if (notice) io.stderr.write(notice);
        throw error;
      }
      await stream.end();
      return ExitCode.ok;
    };
    ctx.exitCode = await withConnection(options, ctx, work, progress.waiting).catch((error: unknown) => {
      throw inOptionWords(error);
    });
  });
}

import { Command, Option } from "commander";
import { refuseBlankIds } from "../blank-ids.js";
import { useColor } from "../color.js";
import { withConnection } from "../connect.js";
import type { RunContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import { renderJson } from "../format/json.js";
import { listFormats, type OutputFormat } from "../format/output-format.js";
import { renderRecords } from "../format/render-records.js";
import type { CliIo } from "../io.js";
import { parseText } from "../option-values.js";
import { printableLine } from "../printable.js";
import { readText } from "../read-text.js";
import { repeatable } from "../single-value.js";
import { UsageError } from "../usage-error.js";
import { formatOption, optionsOf, withExamples } from "./shared.js";

/**
 * Ids from a file: one per line, trimmed, blank lines skipped. `#` starts a comment anywhere on a line, so a file can
 * note what each id is (`0f1e2d3c-... # prod`) without the note being sent as part of the id.
 */
export function parseIdList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => withoutComment(line).trim())
    .filter((line) => line !== "");
}

/** The line up to its first `#`: a service account id is a UUID, which never holds one. */
function withoutComment(line: string): string {
  const hash = line.indexOf("#");
  return hash === -1 ? line : line.slice(0, hash);
}

/** `--file -` reads the ids from stdin, as most tools take `-` (`cut -f1 accounts.tsv | ... --file -`). */
const STDIN = "-";

/** What to type when the ids are read from a terminal. */
const TERMINAL_HINT = "Reading service account ids from the terminal, one per line; end with Ctrl-D.\n";

/** The ids of one `--file`: a file's, or stdin's for `-`. */
async function readIdFile(file: string, io: CliIo, signal: AbortSignal): Promise<string[]> {
  if (file === STDIN) {
    if (io.stdinIsTTY) io.stderr.write(TERMINAL_HINT);
    return parseIdList(await readText(io.stdin, signal));
  }
  try {
    // A path that is a terminal (`--file /dev/tty`) shows the same hint there: a blank screen would look like a wait.
    return parseIdList(await io.readFile(file, signal, { hint: TERMINAL_HINT }));
  } catch (error) {
    if (signal.aborted) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(`Cannot read the id file ${file} (${code}): check the path.`);
  }
}

/** The ids given as arguments and in every `--file`, in that order, each once. */
async function readIds(args: string[], files: readonly string[], io: CliIo, signal: AbortSignal): Promise<string[]> {
  if (files.filter((file) => file === STDIN).length > 1)
    throw new UsageError("--file - can be given once: stdin is read once.");
  refuseBlankIds(args);
  const fromFiles: string[] = [];
  for (const file of files) fromFiles.push(...(await readIdFile(file, io, signal)));
  const ids = [...new Set([...args, ...fromFiles])];
  if (ids.length === 0)
    throw new UsageError("No service account ids: pass them as arguments or with --file <path> (- for stdin).");
  return ids;
}

/** `service-accounts count`: token counts of any number of service accounts (the SDK splits them into requests). */
export function serviceAccountsCountCommand(ctx: RunContext): Command {
  const command = new Command("count")
    .description("Count the API tokens of service accounts (any number of ids)")
    .argument("[ids...]", "service account ids")
    .addOption(
      repeatable(
        new Option(
          "--file <path>",
          "read ids from a file (- for stdin), one per line (# starts a comment); repeat it for more files",
        ).argParser((value: string, previous: string[] = []) => [...previous, parseText(value)]),
      ),
    )
    .addOption(formatOption(listFormats));
  withExamples(command, [
    "admin-api-access service-accounts count 0f1e2d3c-... 9a8b7c6d-...",
    "admin-api-access service-accounts count --file accounts.txt --format csv",
    "tail -n +2 accounts.csv | cut -d, -f1 | admin-api-access service-accounts count --file -",
  ]);
  return command.action(async (args: string[], _options, cmd: Command) => {
    const options = optionsOf<{ file?: string[]; format: OutputFormat }>(cmd);
    const { io, signal } = ctx;
    const ids = await readIds(args, options.file ?? [], io, signal);
    ctx.exitCode = await withConnection(options, ctx, async ({ client, orgId }) => {
      const result = await client.serviceAccounts.countTokens(orgId, ids, { signal });
      const invalid = result.invalidServiceAccountIds;
      // The ids as the server gave them back: blanked of control characters, which stderr's terminal would obey.
      if (invalid.length > 0) {
        io.stderr.write(`Not service accounts of this org: ${invalid.map(printableLine).join(", ")}\n`);
      }
      // An id the answer lists neither as valid nor as invalid has no count: said, shown, and the run fails.
      const answered = new Set([...result.validServiceAccountIds.map((r) => r.serviceAccountId), ...invalid]);
      const unanswered = ids.filter((id) => !answered.has(id));
      if (unanswered.length > 0) {
        io.stderr.write(
          `The API's answer does not mention ${unanswered.length} of the ids sent, so their counts are unknown: ` +
            `${unanswered.map(printableLine).join(", ")}\n`,
        );
      }
      const exitCode = unanswered.length > 0 ? ExitCode.failure : ExitCode.ok;
      if (options.format === "json") {
        // The SDK's result unchanged, so scripts see the API's own shape.
        io.stdout.write(renderJson(result));
        return exitCode;
      }
      const rows = [
        ...result.validServiceAccountIds.map((r) => ({ ...r, valid: true })),
        ...invalid.map((serviceAccountId) => ({ serviceAccountId, credentialsCount: null, valid: false })),
        ...unanswered.map((serviceAccountId) => ({ serviceAccountId, credentialsCount: null, valid: null })),
      ];
      const grid = () => ({
        columns: ["serviceAccountId", "credentialsCount", "valid"],
        rows: rows.map((r) => [r.serviceAccountId, r.credentialsCount ?? "", String(r.valid ?? "unknown")]),
      });
      io.stdout.write(
        renderRecords(
          { items: rows, grid },
          options.format,
          useColor(io.stdoutIsTTY, io.env, options.color),
          ctx.secrets,
        ),
      );
      return exitCode;
    });
  });
}

import { Command, Option } from "commander";
import { type Auditor, type AuditReport, createAuditor, defaultAuditThresholds, hasFindings } from "../audit.js";
import { useColor } from "../color.js";
import { type Connection, withConnection } from "../connect.js";
import type { RunContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import { isSectionFormat, recordChunks, sectionChunks } from "../format/audit-report.js";
import { rowKeeper } from "../format/finding-row.js";
import { auditFormats, type OutputFormat } from "../format/output-format.js";
import type { TextSink } from "../io.js";
import { parseIsoDate } from "../iso-date.js";
import { parseCount } from "../option-values.js";
import { createProgress } from "../progress.js";
import { type TokenPage, tokenPages } from "../token-pages.js";
import { formatOption, optionsOf, withExamples } from "./shared.js";

interface AuditOptions {
  staleDays: number;
  expiringDays: number;
  asOf?: Date;
  format: OutputFormat;
}

/** Feeds every page to the auditor, then writes its report; resolves whether anything was found. */
async function runAudit<T>(
  pages: AsyncIterable<TokenPage>,
  auditor: Auditor<T>,
  render: (report: AuditReport<T>) => Iterable<string>,
  out: TextSink,
): Promise<boolean> {
  for await (const page of pages) {
    for (const token of page.tokens) auditor.add(token);
  }
  const report = auditor.report();
  // Each chunk is made once stdout has taken the one before: a large report never piles up in memory.
  for (const chunk of render(report)) await out.write(chunk);
  return hasFindings(report);
}

/** `audit`: one pass over every token, then a report; exits 1 when anything is found so CI can gate on it. */
export function auditCommand(ctx: RunContext): Command {
  const command = new Command("audit")
    .description(
      "Read every user API token once and report stale, never used, non-expiring, expiring, expired and blocked " +
        "tokens, and tokens whose dates it cannot read, with counts per user. Exits 1 when anything is found, 0 when nothing is (always 0 with --sandbox, a demo).",
    )
    .addOption(
      new Option("--stale-days <n>", "a token unused for longer than this is stale")
        .argParser(parseCount)
        .default(defaultAuditThresholds.staleDays),
    )
    .addOption(
      new Option("--expiring-days <n>", "flag tokens expiring within this many days")
        .argParser(parseCount)
        .default(defaultAuditThresholds.expiringDays),
    )
    .addOption(
      new Option(
        "--as-of <date-time>",
        "judge the tokens as of this time: an ISO 8601 date (midnight UTC), or date-time with Z or an offset " +
          "(default: now)",
      ).argParser(parseIsoDate),
    )
    .addOption(formatOption(auditFormats));
  withExamples(command, [
    "admin-api-access audit",
    'admin-api-access audit --stale-days 60 --expiring-days 14 --format md >> "$GITHUB_STEP_SUMMARY"',
    "admin-api-access audit --format csv > findings.csv || echo 'tokens need attention'",
    "admin-api-access audit --sandbox",
  ]);
  return command.action(async (_options, cmd: Command) => {
    const options = optionsOf<AuditOptions>(cmd);
    const { io, signal } = ctx;
    const progress = createProgress(ctx.statusLine, io.stderrIsTTY, "audit");
    const work = async ({ client, orgId }: Connection) => {
      const now = options.asOf ?? new Date();
      const thresholds = { staleDays: options.staleDays, expiringDays: options.expiringDays };
      const pages = tokenPages(client, orgId, {}, { limit: Number.POSITIVE_INFINITY, signal, progress });
      const color = useColor(io.stdoutIsTTY, io.env, options.color);
      // Each page is classified and dropped: the auditor keeps per user two counts, and per flagged token only what
      // the format shows: the row of the table and Markdown reports, the slim token of the others.
      const { format } = options;
      const rows = rowKeeper();
      const found = isSectionFormat(format)
        ? await runAudit(
            pages,
            createAuditor(now, thresholds, rows.keep),
            (r) => sectionChunks(r, format, { color, widths: rows.widths, secrets: ctx.secrets }),
            io.stdout,
          )
        : await runAudit(pages, createAuditor(now, thresholds), (r) => recordChunks(r, format), io.stdout);
      if (!found) return ExitCode.ok;
      // The embedded sandbox is a demo whose findings are the point: only a real org's findings fail the run.
      if (options.sandbox) {
        io.stderr.write("Findings exit 1 against a real org; the embedded sandbox run exits 0.\n");
        return ExitCode.ok;
      }
      return ExitCode.findings;
    };
    ctx.exitCode = await withConnection(options, ctx, work, progress.waiting);
  });
}

import { type AuditedToken, type AuditReport, type Finding, findings, findingTitles } from "../audit.js";
import { palette } from "../color.js";
import { renderCsv } from "./csv.js";
import { type FindingRow, findingRowColumns } from "./finding-row.js";
import { renderJson } from "./json.js";
import { renderJsonl } from "./jsonl.js";
import { renderMarkdownTable } from "./md.js";
import type { Grid, OutputFormat } from "./output-format.js";
import { tableChunks } from "./table.js";
import { tokenColumns, tokenRow } from "./token-grid.js";

/** Rows per chunk of a streamed report. */
const BATCH = 1000;

/** One row per (finding, token): a token with two findings appears twice. Used by CSV. */
export function findingGrid(report: AuditReport): Grid {
  return findingRows(findings.flatMap((f) => report.findings[f].map((token) => ({ finding: f, token }))));
}

function findingRows(items: readonly { finding: Finding; token: AuditedToken }[]): Grid {
  return { columns: ["finding", ...tokenColumns], rows: items.map((i) => [i.finding, ...tokenRow(i.token, "raw")]) };
}

/** Every (finding, token) pair in report order, `BATCH` at a time. */
function* findingBatches(report: AuditReport): Generator<{ finding: Finding; token: AuditedToken }[], void> {
  for (const finding of findings) {
    const tokens = report.findings[finding];
    for (let start = 0; start < tokens.length; start += BATCH) {
      yield tokens.slice(start, start + BATCH).map((token) => ({ finding, token }));
    }
  }
}

function summaryGrid(report: AuditReport<unknown>): Grid {
  const { totals } = report;
  return {
    columns: ["check", "tokens"],
    rows: [
      ["Tokens audited", totals.tokens],
      ["Users", totals.users],
      ...findings.map((f) => [title(f, report), totals[f]]),
      ["Tokens with at least one finding", totals.flagged],
    ],
  };
}

function title(finding: Finding, report: AuditReport<unknown>): string {
  if (finding === "stale") return `Not used for more than ${report.thresholds.staleDays} days`;
  if (finding === "expiringSoon") return `Expiring within ${report.thresholds.expiringDays} days`;
  return findingTitles[finding];
}

const userGrid = (report: AuditReport<unknown>): Grid => ({
  columns: ["userName", "userEmail", "userId", "tokens", "flagged"],
  rows: report.users.map((u) => [u.name, u.email, u.userId, u.tokens, u.flagged]),
});

/** The formats whose report is headed sections of `FindingRow`s; the others carry each `AuditedToken` whole. */
export type SectionFormat = "table" | "md";

/** Whether a format writes the sectioned report (and so audits with `rowKeeper`). */
export function isSectionFormat(format: OutputFormat): format is SectionFormat {
  return format === "table" || format === "md";
}

/** The audit report as headed sections, in table or Markdown form, a section or part of one per chunk. */
function* sections(
  report: AuditReport<FindingRow>,
  heading: (text: string) => string,
  grid: (g: Grid) => Iterable<string>,
  widths: readonly number[] | undefined,
) {
  yield `${heading(`API token audit (${report.generatedAt})`)}\n`;
  yield* grid(summaryGrid(report));
  for (const f of findings) {
    if (report.findings[f].length === 0) continue;
    yield `\n${heading(`${title(f, report)}: ${report.findings[f].length}`)}\n`;
    const rows = report.findings[f];
    yield* grid({ columns: findingRowColumns, rows, ...(widths ? { widths } : {}) });
  }
  yield `\n${heading("Tokens per user")}\n`;
  yield* grid(userGrid(report));
}

/** How the sectioned report is printed. */
export interface SectionOptions {
  /** Bold headings and table headers. */
  color?: boolean;
  /**
   * The widest cell of each column of the finding rows (a `RowKeeper`'s): every finding table is laid out at these
   * widths without measuring its rows; without them each table is as wide as its own rows.
   */
  widths?: readonly number[];
  /** Strings a table hides in its cells (see `tableChunks`). */
  secrets?: readonly string[];
}

/**
 * The sectioned audit report (summary, the tokens behind each finding, tokens per user) as chunks to write one after
 * another: a section, or at most `BATCH` rows of a table, per chunk.
 */
export function* sectionChunks(
  report: AuditReport<FindingRow>,
  format: SectionFormat,
  { color = false, widths, secrets = [] }: SectionOptions = {},
): Generator<string, void> {
  if (format === "md") {
    return yield* sections(
      report,
      (h) => `## ${h}\n`,
      (g) => [renderMarkdownTable(g)],
      undefined,
    );
  }
  const style = palette(color);
  yield* sections(
    report,
    (h) => `${style.bold(h)}\n`,
    (g) => tableChunks(g, style, { secrets }),
    widths,
  );
}

/**
 * The audit report as records: the whole report as JSON, or one record per (finding, token) as JSON lines or CSV,
 * `BATCH` records per chunk, so the whole text of a large report never sits in memory at once.
 */
export function* recordChunks(
  report: AuditReport,
  format: Exclude<OutputFormat, SectionFormat>,
): Generator<string, void> {
  switch (format) {
    case "json":
      return yield renderJson(report);
    case "jsonl":
      for (const batch of findingBatches(report)) yield renderJsonl(batch);
      return;
    case "csv": {
      let header = true;
      for (const batch of findingBatches(report)) {
        yield renderCsv(findingRows(batch), header);
        header = false;
      }
      if (header) yield renderCsv(findingRows([]));
      return;
    }
  }
}

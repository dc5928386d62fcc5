import { type AuditedToken, type AuditReport, type Finding, findings, findingTitles } from "../audit.js";
import { palette } from "../color.js";
import { renderCsv } from "./csv.js";
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

function summaryGrid(report: AuditReport): Grid {
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

function title(finding: (typeof findings)[number], report: AuditReport): string {
  if (finding === "stale") return `Not used for more than ${report.thresholds.staleDays} days`;
  if (finding === "expiringSoon") return `Expiring within ${report.thresholds.expiringDays} days`;
  return findingTitles[finding];
}

const userGrid = (report: AuditReport): Grid => ({
  columns: ["userName", "userEmail", "userId", "tokens", "flagged"],
  rows: report.users.map((u) => [u.name, u.email, u.userId, u.tokens, u.flagged]),
});

/** Tokens of one finding, in the few columns a reviewer needs. */
function shortGrid(report: AuditReport, finding: (typeof findings)[number]): Grid {
  return {
    columns: ["id", "label", "status", "userEmail", "lastActiveAt", "expiresAt"],
    rows: report.findings[finding].map((t) => {
      const [id, label, status, , email, , , expires, last] = tokenRow(t, "human");
      return [id ?? "", label ?? "", status ?? "", email ?? "", last ?? "", expires ?? ""];
    }),
  };
}

/** The audit report as headed sections, in table or Markdown form, a section or part of one per chunk. */
function* sections(report: AuditReport, heading: (text: string) => string, grid: (g: Grid) => Iterable<string>) {
  yield `${heading(`API token audit (${report.generatedAt})`)}\n`;
  yield* grid(summaryGrid(report));
  for (const f of findings) {
    if (report.findings[f].length === 0) continue;
    yield `\n${heading(`${title(f, report)}: ${report.findings[f].length}`)}\n`;
    yield* grid(shortGrid(report, f));
  }
  yield `\n${heading("Tokens per user")}\n`;
  yield* grid(userGrid(report));
}

/**
 * The audit report in any output format, as chunks to write one after another (at most `BATCH` rows each, except
 * JSON and Markdown), so the whole text of a large report never sits in memory at once.
 */
export function* auditChunks(report: AuditReport, format: OutputFormat, color = false): Generator<string, void> {
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
    case "md":
      return yield* sections(
        report,
        (h) => `## ${h}\n`,
        (g) => [renderMarkdownTable(g)],
      );
    case "table": {
      const style = palette(color);
      return yield* sections(
        report,
        (h) => `${style.bold(h)}\n`,
        (g) => tableChunks(g, style),
      );
    }
  }
}

/** Renders an audit report in any output format, as one string. */
export function renderAudit(report: AuditReport, format: OutputFormat, color = false): string {
  return [...auditChunks(report, format, color)].join("");
}

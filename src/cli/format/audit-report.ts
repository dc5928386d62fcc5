import { type AuditReport, findings, findingTitles } from "../audit.js";
import { palette } from "../color.js";
import { renderCsv } from "./csv.js";
import { renderJson } from "./json.js";
import { renderJsonl } from "./jsonl.js";
import { renderMarkdownTable } from "./md.js";
import type { Grid, OutputFormat } from "./output-format.js";
import { renderTable } from "./table.js";
import { tokenColumns, tokenRow } from "./token-grid.js";

/** One row per (finding, token): a token with two findings appears twice. Used by CSV. */
export function findingGrid(report: AuditReport): Grid {
  return {
    columns: ["finding", ...tokenColumns],
    rows: findings.flatMap((f) => report.findings[f].map((token) => [f, ...tokenRow(token, "raw")])),
  };
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

/** The audit report as headed sections, in table or Markdown form. */
function sections(report: AuditReport, heading: (text: string) => string, grid: (g: Grid) => string): string {
  const parts = [heading(`API token audit (${report.generatedAt})`), grid(summaryGrid(report))];
  for (const f of findings) {
    if (report.findings[f].length === 0) continue;
    parts.push(heading(`${title(f, report)}: ${report.findings[f].length}`), grid(shortGrid(report, f)));
  }
  parts.push(heading("Tokens per user"), grid(userGrid(report)));
  return parts.join("\n");
}

/** Renders an audit report in any output format. */
export function renderAudit(report: AuditReport, format: OutputFormat, color = false): string {
  switch (format) {
    case "json":
      return renderJson(report);
    case "jsonl":
      return renderJsonl(findings.flatMap((f) => report.findings[f].map((token) => ({ finding: f, token }))));
    case "csv":
      return renderCsv(findingGrid(report));
    case "md":
      return sections(report, (h) => `## ${h}\n`, renderMarkdownTable);
    case "table": {
      const style = palette(color);
      return sections(
        report,
        (h) => `${style.bold(h)}\n`,
        (g) => renderTable(g, style),
      );
    }
  }
}

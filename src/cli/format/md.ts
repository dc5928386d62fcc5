import type { Cell, Grid } from "./output-format.js";
import { displayCell } from "./table.js";

/** A cell that cannot break a Markdown table: pipes and backslashes escaped, control characters blanked. */
export function markdownCell(cell: Cell): string {
  return displayCell(cell).replace(/[\\|]/g, (c) => `\\${c}`);
}

/** Renders a grid as a GitHub-flavoured Markdown table. */
export function renderMarkdownTable(grid: Grid): string {
  const row = (cells: readonly Cell[]) => `| ${cells.map(markdownCell).join(" | ")} |`;
  const lines = [row(grid.columns), `|${grid.columns.map(() => " --- ").join("|")}|`, ...grid.rows.map(row)];
  return `${lines.join("\n")}\n`;
}

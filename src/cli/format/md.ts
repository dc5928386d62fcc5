import { printableLine } from "../printable.js";
import type { Cell, Grid } from "./output-format.js";

// Every ASCII punctuation character but the hyphen: CommonMark lets a backslash make any of them literal, so no cell
// can open a link, an image, an HTML tag, emphasis, code or a column, and with `:` and `.` escaped GitHub's
// autolinks (https://..., www....) do not start either. A hyphen is significant only at the start of a line (a list, a
// rule), where no cell is; left bare, ids and dates stay readable.
const MARKDOWN_SIGNIFICANT = /[!-,./:-@[-`{-~]/g;

/**
 * A cell that renders as the text it holds: every Markdown-significant character escaped (a token label such as
 * `[x](https://evil) <img src=...>` shows as that text, not as a link and an image), control characters blanked.
 */
export function markdownCell(cell: Cell): string {
  return printableLine(String(cell)).replace(MARKDOWN_SIGNIFICANT, (c) => `\\${c}`);
}

/** Renders a grid as a GitHub-flavoured Markdown table. */
export function renderMarkdownTable(grid: Grid): string {
  const row = (cells: readonly Cell[]) => `| ${cells.map(markdownCell).join(" | ")} |`;
  const lines = [row(grid.columns), `|${grid.columns.map(() => " --- ").join("|")}|`, ...grid.rows.map(row)];
  return `${lines.join("\n")}\n`;
}

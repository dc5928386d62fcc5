import { type Palette, palette } from "../color.js";
import type { Cell, Grid } from "./output-format.js";

// C0/C1 control characters, DEL and the ESC of ANSI sequences: a token label must not be able to move the cursor
// or recolour the terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A cell as one printable line. */
export function displayCell(cell: Cell): string {
  return String(cell).replace(CONTROL, " ");
}

/**
 * Renders a grid as left-aligned columns separated by two spaces, numbers right-aligned, with a bold header when
 * colour is on. Width is counted in UTF-16 code units, so wide (CJK, emoji) characters may shift a column.
 */
export function renderTable(grid: Grid, style: Palette = palette(false)): string {
  const text = [grid.columns.map(displayCell), ...grid.rows.map((row) => row.map(displayCell))];
  const widths = grid.columns.map((_, i) => Math.max(...text.map((row) => row[i]?.length ?? 0)));
  const numeric = grid.columns.map((_, i) => grid.rows.length > 0 && grid.rows.every((r) => typeof r[i] === "number"));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const [header = [], ...body] = text;
  return `${[style.bold(line(header)), ...body.map(line)].join("\n")}\n`;
}

import { type Palette, palette } from "../color.js";
import type { Cell, Grid } from "./output-format.js";

// C0/C1 control characters, DEL and the ESC of ANSI sequences: a token label must not be able to move the cursor
// or recolour the terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same set, for a test without the global flag's state
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A cell as one printable line. */
export function displayCell(cell: Cell): string {
  const text = String(cell);
  // Most cells are clean: testing first skips building a copy of each.
  return HAS_CONTROL.test(text) ? text.replace(CONTROL, " ") : text;
}

/**
 * The lines of a grid as left-aligned columns separated by two spaces, numbers right-aligned, with a bold header
 * when colour is on, `batch` rows per chunk: the widths are measured in a first pass, so a large grid never exists
 * as one string. Width is counted in UTF-16 code units, so wide (CJK, emoji) characters may shift a column.
 */
export function* tableChunks(grid: Grid, style: Palette = palette(false), batch = 1000): Generator<string, void> {
  const widths = grid.columns.map((column) => String(column).length);
  const numeric = grid.columns.map(() => grid.rows.length > 0);
  for (const row of grid.rows) {
    for (let i = 0; i < widths.length; i++) {
      const cell = row[i] ?? "";
      // Blanking swaps one code unit for one space, so the width is that of the raw text.
      widths[i] = Math.max(widths[i] ?? 0, String(cell).length);
      if (typeof cell !== "number") numeric[i] = false;
    }
  }
  const line = (cells: readonly Cell[]) => {
    let text = "";
    for (let i = 0; i < widths.length; i++) {
      const cell = displayCell(cells[i] ?? "");
      const width = widths[i] ?? 0;
      text += `${i === 0 ? "" : "  "}${numeric[i] ? cell.padStart(width) : cell.padEnd(width)}`;
    }
    return text.trimEnd();
  };
  yield `${style.bold(line(grid.columns))}\n`;
  for (let start = 0; start < grid.rows.length; start += batch) {
    yield `${grid.rows
      .slice(start, start + batch)
      .map(line)
      .join("\n")}\n`;
  }
}

/** Renders a grid as aligned columns (see `tableChunks`), as one string. */
export function renderTable(grid: Grid, style: Palette = palette(false)): string {
  return [...tableChunks(grid, style)].join("");
}

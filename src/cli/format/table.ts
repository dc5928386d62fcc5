import { type Palette, palette } from "../color.js";
import { hasControlButNewline, printableLine } from "../printable.js";
import { holdsSecret, realSecrets, redactCells } from "../redact.js";
import type { Cell, Grid } from "./output-format.js";

/** Whether `text`, `lines` lines each ended by a newline, holds no other control character, nor a newline of its own. */
function isPlain(text: string, lines: number): boolean {
  if (hasControlButNewline(text)) return false;
  let newlines = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) newlines += 1;
  return newlines === lines;
}

/**
 * The width of each column (in UTF-16 code units) and whether it holds only numbers: from the grid's own `widths`
 * when it has them, else from a pass over its rows.
 */
function measure(grid: Grid): { widths: number[]; numeric: boolean[] } {
  const known = grid.widths;
  if (known) {
    return {
      widths: grid.columns.map((column, i) => Math.max(column.length, known[i] ?? 0)),
      numeric: grid.columns.map(() => false),
    };
  }
  const widths = grid.columns.map((column) => column.length);
  const numeric = grid.columns.map(() => grid.rows.length > 0);
  for (const row of grid.rows) {
    for (let i = 0; i < widths.length; i++) {
      const cell = row[i] ?? "";
      // Blanking swaps one code unit for one space, so the width is that of the raw text.
      const length = typeof cell === "string" ? cell.length : String(cell).length;
      if (length > (widths[i] ?? 0)) widths[i] = length;
      if (typeof cell !== "number") numeric[i] = false;
    }
  }
  return { widths, numeric };
}

/** How a table is written. */
export interface TableOptions {
  /** Rows per chunk. */
  batch?: number;
  /**
   * Strings no cell may show (the API key): a cell holding one shows `[REDACTED]` in its place, padded to the width
   * measured with it, so the columns after it stay under their headers (unless the secret is shorter than the marker,
   * which no real key is).
   */
  secrets?: readonly string[];
}

/**
 * The lines of a grid as left-aligned columns separated by two spaces, numbers right-aligned, with a bold header
 * when colour is on, `batch` rows per chunk: the widths are measured in a first pass, so a large grid never exists
 * as one string. Width is counted in UTF-16 code units, so wide (CJK, emoji) characters may shift a column.
 */
export function* tableChunks(
  grid: Grid,
  style: Palette = palette(false),
  { batch = 1000, secrets = [] }: TableOptions = {},
): Generator<string, void> {
  const { widths, numeric } = measure(grid);
  const last = widths.length - 1;
  // A large table pads every cell: the runs of spaces up to a common width are made once.
  const spaces = Array.from({ length: 65 }, (_, n) => " ".repeat(n));
  const pad = (n: number) => (n <= 0 ? "" : (spaces[n] ?? " ".repeat(n)));
  // The cells as they are, padded, without trailing blanks: blanking keeps the length, so the line can be blanked as
  // a whole (and trimmed again).
  const raw = (cells: readonly Cell[]) => {
    let text = "";
    let value = "";
    for (let i = 0; i <= last; i++) {
      const cell = cells[i] ?? "";
      value = typeof cell === "string" ? cell : String(cell);
      const gap = (widths[i] ?? 0) - value.length;
      if (i > 0) text += "  ";
      if (numeric[i]) text += pad(gap) + value;
      else text += i === last ? value : value + pad(gap);
    }
    // The line ends as its last cell does, unpadded: only one ending in a blank (or empty) leaves anything to trim.
    const end = value.charCodeAt(value.length - 1);
    return end > 32 && end < 127 ? text : text.trimEnd();
  };
  const line = (cells: readonly Cell[]) => printableLine(raw(cells)).trimEnd();
  const hidden = realSecrets(secrets);
  yield `${style.bold(line(grid.columns))}\n`;
  for (let start = 0; start < grid.rows.length; start += batch) {
    const end = Math.min(start + batch, grid.rows.length);
    let text = "";
    for (let r = start; r < end; r++) text += `${raw(grid.rows[r] ?? [])}\n`;
    // Cells are rarely anything but printable, and hold a secret even more rarely: one test of the batch spares a
    // test of each line.
    if (!isPlain(text, end - start) || holdsSecret(text, hidden)) {
      text = "";
      for (let r = start; r < end; r++) text += `${line(redactCells(grid.rows[r] ?? [], hidden))}\n`;
    }
    yield text;
  }
}

/** Renders a grid as aligned columns (see `tableChunks`), as one string. */
export function renderTable(grid: Grid, style: Palette = palette(false), secrets: readonly string[] = []): string {
  return [...tableChunks(grid, style, { secrets })].join("");
}

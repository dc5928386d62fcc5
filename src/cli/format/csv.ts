import { stringify } from "csv-stringify/sync";
import type { Cell, Grid } from "./output-format.js";

// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"); tab and carriage
// return can smuggle one in after the spreadsheet trims them.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet will show as text: a leading formula character gets a `'` in front. */
export function neutraliseCell(cell: Cell): Cell {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

// csv-stringify quotes a field holding the delimiter, a quote or the record delimiter (LF here), but not a bare
// carriage return, which RFC 4180 (section 2.6) quotes too: a reader that ends a record at any line break would split
// the row.
const QUOTED_MATCH = /\r/;

/**
 * Renders a grid as RFC 4180 CSV, every text cell neutralised; with the header row unless `header` is false (the
 * second and later chunks of a streamed document).
 */
export function renderCsv(grid: Grid, header = true): string {
  return stringify(
    grid.rows.map((row) => row.map(neutraliseCell)),
    { header, columns: [...grid.columns], record_delimiter: "unix", quoted_match: QUOTED_MATCH },
  );
}

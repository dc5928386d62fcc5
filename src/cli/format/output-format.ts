/** The output formats of listing commands. */
export const listFormats = ["table", "json", "jsonl", "csv"] as const;
/** The audit also writes Markdown, for pasting into a ticket or a CI summary. */
export const auditFormats = [...listFormats, "md"] as const;

/** One output format. */
export type OutputFormat = (typeof auditFormats)[number];

/** One cell of a rendered table: text, or a number that CSV keeps unquoted. */
export type Cell = string | number;

/** Rows under named columns: what table, CSV and Markdown output share. */
export interface Grid {
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
  /**
   * The width of each column's widest cell, known beforehand, for a grid of text (no column of numbers): a table is
   * laid out at these widths (or its headers', if wider) without a pass over the rows to measure them.
   */
  widths?: readonly number[];
}

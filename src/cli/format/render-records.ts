import { palette } from "../color.js";
import { renderCsv } from "./csv.js";
import { renderJson } from "./json.js";
import { renderJsonl } from "./jsonl.js";
import { renderMarkdownTable } from "./md.js";
import type { Grid, OutputFormat } from "./output-format.js";
import { renderTable } from "./table.js";

/** What a listing command hands to the renderer: the records as the API gave them, and how to show them as rows. */
export interface Records<T> {
  items: readonly T[];
  /** Rows for table (`human`) or CSV and Markdown (`raw`). */
  grid(style: "raw" | "human"): Grid;
}

/**
 * Renders records in any format: JSON and JSON Lines carry the records unchanged (so they round-trip to the SDK's
 * objects), the others carry the grid. A table hides `secrets` in its cells (see `tableChunks`).
 */
export function renderRecords<T>(
  records: Records<T>,
  format: OutputFormat,
  color = false,
  secrets: readonly string[] = [],
): string {
  switch (format) {
    case "json":
      return renderJson(records.items);
    case "jsonl":
      return renderJsonl(records.items);
    case "csv":
      return renderCsv(records.grid("raw"));
    case "md":
      return renderMarkdownTable(records.grid("raw"));
    case "table":
      return renderTable(records.grid("human"), palette(color), secrets);
  }
}

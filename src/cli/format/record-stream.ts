import type { TextSink } from "../io.js";
import { renderCsv } from "./csv.js";
import { jsonArrayEnd, jsonArrayItem } from "./json.js";
import { renderJsonl } from "./jsonl.js";
import type { Grid, OutputFormat } from "./output-format.js";

/** The formats a list can be written in page by page; `table` needs every row first for its column widths. */
export const streamableFormats = ["json", "jsonl", "csv"] as const satisfies readonly OutputFormat[];
/** One of `streamableFormats`. */
export type StreamableFormat = (typeof streamableFormats)[number];

/** Whether a format can be written page by page. */
export function isStreamable(format: OutputFormat): format is StreamableFormat {
  return (streamableFormats as readonly string[]).includes(format);
}

/**
 * Writes a list one page at a time; the output equals what `renderRecords` makes of all the pages at once. Each call
 * resolves once the sink can take more, so a caller that fetches the next page only then fetches no faster than the
 * output is read.
 */
export interface RecordStream<T> {
  /** Writes these records and forgets them. */
  write(items: readonly T[]): Promise<void>;
  /** Closes the document (the `]` of JSON, the header of an empty CSV). */
  end(): Promise<void>;
}

/**
 * A record stream on `sink`: JSON and JSON Lines carry the records unchanged, CSV their `grid("raw")` rows under
 * one header.
 */
export function createRecordStream<T>(
  sink: TextSink,
  format: StreamableFormat,
  grid: (items: readonly T[], style: "raw") => Grid,
): RecordStream<T> {
  let count = 0;
  // One page as text, after the `count` records already written.
  const page = (items: readonly T[]) => {
    if (format === "jsonl") return renderJsonl(items);
    if (format === "csv") return renderCsv(grid(items, "raw"), count === 0);
    return items.map((item, i) => jsonArrayItem(item, count + i)).join("");
  };
  return {
    async write(items) {
      if (items.length === 0) return;
      const text = page(items);
      count += items.length;
      await sink.write(text);
    },
    async end() {
      if (format === "json") await sink.write(jsonArrayEnd(count));
      else if (format === "csv" && count === 0) await sink.write(renderCsv(grid([], "raw")));
    },
  };
}

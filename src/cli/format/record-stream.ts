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

/** Writes a list one page at a time; the output equals what `renderRecords` makes of all the pages at once. */
export interface RecordStream<T> {
  /** Writes these records and forgets them. */
  write(items: readonly T[]): void;
  /** Closes the document (the `]` of JSON, the header of an empty CSV). */
  end(): void;
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
  return {
    write(items) {
      if (items.length === 0) return;
      if (format === "jsonl") sink.write(renderJsonl(items));
      else if (format === "csv") sink.write(renderCsv(grid(items, "raw"), count === 0));
      else sink.write(items.map((item, i) => jsonArrayItem(item, count + i)).join(""));
      count += items.length;
    },
    end() {
      if (format === "json") sink.write(jsonArrayEnd(count));
      else if (format === "csv" && count === 0) sink.write(renderCsv(grid([], "raw")));
    },
  };
}

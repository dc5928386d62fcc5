/** What one benchmark hands to the report. */

/** A markdown table. */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  /** One paragraph saying what the table shows, written from the numbers of this run. */
  reading: string;
}

/** One target of the issue, and whether this run met it. */
export interface Verdict {
  target: string;
  measured: string;
  pass: boolean;
}

export interface BenchResult {
  name: string;
  measures: string;
  tables: Table[];
  verdicts: Verdict[];
  /** Setup details worth knowing to read the numbers. */
  notes?: string[];
}

/** A tiny check runner for the packaging and runtime scripts: named rows, each printed pass or fail, then a total. */
import { performance } from "node:perf_hooks";

/** One check: a name and a function that throws (or rejects) on failure. */
export interface Row {
  name: string;
  run: () => Promise<unknown> | unknown;
}

/**
 * Runs the rows in order, prints `pass`/`fail` with the time of each and the reason of each failure, then the plain
 * closing line `N passed, N failed`. Resolves the number of failures.
 */
export async function runRows(title: string, rows: readonly Row[]): Promise<number> {
  let failed = 0;
  console.log(title);
  for (const row of rows) {
    const start = performance.now();
    try {
      await row.run();
      console.log(`  pass  ${row.name} (${seconds(start)})`);
    } catch (error) {
      failed++;
      console.log(`  FAIL  ${row.name} (${seconds(start)})`);
      console.log(indent(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    }
  }
  console.log(`${rows.length - failed} passed, ${failed} failed`);
  return failed;
}

function seconds(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `        ${line}`)
    .join("\n");
}

import { AdminApiError } from "../index.js";
import { printableLine } from "./printable.js";

/**
 * A cursor as one shell word: as it is when it is plain (the usual base64url), else single-quoted. Control characters
 * are blanked, never sent to the terminal: a cursor holding them could not be pasted back anyway.
 */
function shellWord(text: string): string {
  return /^[\w.~:=+/-]+$/.test(text) ? text : `'${printableLine(text).replaceAll("'", `'\\''`)}'`;
}

/** What stderr says after one page of `tokens list` when there are more: the `--cursor` that fetches the next. */
export function nextPageHint(cursor: string): string {
  return `More tokens: add --cursor ${shellWord(cursor)}, or use --all.\n`;
}

/**
 * What stderr says when a walk fails after part of its output was written: that the output is incomplete, and the
 * `--cursor` that goes on from the page that failed (the SDK's `resumeCursor`). Undefined when nothing was written
 * (running the command again is the whole fix) or the error carries no cursor.
 */
export function incompleteOutputNotice(error: unknown, written: number, limit: number): string | undefined {
  if (!(error instanceof AdminApiError)) return undefined;
  return incompleteNotice("the failure", error.resumeCursor, written, limit);
}

/**
 * What stderr says when Ctrl-C stops a walk after part of its output was written: the `--cursor` of the page after
 * the last one written (`next`), which fetches the rest. Undefined when nothing was written or no page comes next.
 */
export function interruptedOutputNotice(next: string | undefined, written: number, limit: number): string | undefined {
  return incompleteNotice("Ctrl-C", next, written, limit);
}

function incompleteNotice(before: string, cursor: string | undefined, written: number, limit: number) {
  if (cursor === undefined || written === 0) return undefined;
  const rest = Number.isFinite(limit) ? ` and --limit ${limit - written}` : "";
  return (
    `The output is incomplete: ${written} token${written === 1 ? " was" : "s were"} written before ${before}. ` +
    `To fetch the rest, run the same command (same filters, sort and page size) with ` +
    `--cursor ${shellWord(cursor)}${rest}.\n`
  );
}

import type { KeepToken } from "../audit.js";
import { printableLine } from "../printable.js";
import { humanDate } from "./token-grid.js";

/** The few columns a reviewer needs of a flagged token, in the table and Markdown reports. */
export const findingRowColumns = ["id", "label", "status", "userEmail", "lastActiveAt", "expiresAt"] as const;

/**
 * A flagged token as the cells of `findingRowColumns`: what the table and Markdown reports keep of it, each cell one
 * printable line (control characters blanked, as `printableLine` blanks them).
 */
export type FindingRow = readonly [string, string, string, string, string, string];

/** What the table and Markdown audits keep of each flagged token, and how wide its columns have grown. */
export interface RowKeeper {
  keep: KeepToken<FindingRow>;
  /** The widest cell kept so far in each column, in UTF-16 code units (the headers not counted). */
  readonly widths: readonly number[];
}

/**
 * What the table and Markdown audits keep of a flagged token: its row, made once during the walk and listed under
 * each of its findings; far less than the token, which a large org's audit would hold by the tens of thousands.
 * Labels and days repeat from token to token, so each keeper holds one printable copy of each, checked once; the
 * id, status and email are checked with each row. The report's tables so need no check of their own text, and no
 * pass to measure it: the keeper notes each column's widest cell as it keeps the row.
 */
export function rowKeeper(): RowKeeper {
  const copies = new Map<string, string>();
  const shared = (text: string) => {
    const copy = copies.get(text);
    if (copy !== undefined) return copy;
    const printable = printableLine(text);
    copies.set(text, printable);
    return printable;
  };
  const widths = findingRowColumns.map(() => 0);
  const keep: KeepToken<FindingRow> = (token, user) => {
    const row = [
      printableLine(token.id),
      shared(token.label),
      printableLine(token.status),
      printableLine(user.email ?? ""),
      shared(humanDate(token.lastActiveAt)),
      shared(humanDate(token.expiresAt)),
    ] as const;
    let i = 0;
    for (const cell of row) {
      if (cell.length > (widths[i] ?? 0)) widths[i] = cell.length;
      i += 1;
    }
    return row;
  };
  return { keep, widths };
}

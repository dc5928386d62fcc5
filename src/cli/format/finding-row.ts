import type { KeepToken } from "../audit.js";
import { humanDate } from "./token-grid.js";

/** The few columns a reviewer needs of a flagged token, in the table and Markdown reports. */
export const findingRowColumns = ["id", "label", "status", "userEmail", "lastActiveAt", "expiresAt"] as const;

/**
 * A flagged token as the cells of `findingRowColumns`, as the server sent them but for the dates, shown as days: a
 * table or Markdown report blanks any control character as it prints them (see `tableChunks`, `markdownCell`).
 */
export type FindingRow = readonly [string, string, string, string, string, string];

/** What the table and Markdown audits keep of each flagged token, and how wide its columns have grown. */
export interface RowKeeper {
  keep: KeepToken<FindingRow>;
  /**
   * The widest cell kept so far in each column, in UTF-16 code units (the headers not counted): a printed cell is as
   * wide, since blanking swaps one code unit for one space.
   */
  readonly widths: readonly number[];
}

/**
 * What the table and Markdown audits keep of a flagged token: its row, made once during the walk and listed under
 * each of its findings; far less than the token, which a large org's audit would hold by the tens of thousands.
 * Labels and days repeat from token to token, so each keeper holds one copy of each (a day kept per row was 3.5 MB
 * more for 100k tokens, for the garbage collector to copy). The keeper notes each column's
 * widest cell as it keeps the row, so the report's tables need no pass to measure their rows. The cells are not
 * checked here: the table checks a thousand printed rows at a time, cheaper than a check of each cell.
 */
export function rowKeeper(): RowKeeper {
  const copies = new Map<string, string>();
  const shared = (text: string) => {
    const copy = copies.get(text);
    if (copy !== undefined) return copy;
    copies.set(text, text);
    return text;
  };
  const widths = findingRowColumns.map(() => 0);
  const keep: KeepToken<FindingRow> = (token, user) => {
    const row = [
      token.id,
      shared(token.label),
      token.status,
      user.email ?? "",
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

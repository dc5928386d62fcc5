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

/**
 * What the table and Markdown audits keep of a flagged token: its row, made once during the walk and listed under
 * each of its findings; far less than the token, which a large org's audit would hold by the tens of thousands.
 * Labels, statuses, emails and days repeat from token to token, so each keeper holds one printable copy of each,
 * checked once; the id, different for every token, is checked with its row. The report's tables so need no check of
 * their own text.
 */
export function rowKeeper(): KeepToken<FindingRow> {
  const copies = new Map<string, string>();
  const shared = (text: string) => {
    const copy = copies.get(text);
    if (copy !== undefined) return copy;
    const printable = printableLine(text);
    copies.set(text, printable);
    return printable;
  };
  return (token, user) => [
    printableLine(token.id),
    shared(token.label),
    printableLine(token.status),
    printableLine(user.email ?? ""),
    shared(humanDate(token.lastActiveAt)),
    shared(humanDate(token.expiresAt)),
  ];
}

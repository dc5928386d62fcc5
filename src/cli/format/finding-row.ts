import type { KeepToken } from "../audit.js";
import { humanDate } from "./token-grid.js";

/** The few columns a reviewer needs of a flagged token, in the table and Markdown reports. */
export const findingRowColumns = ["id", "label", "status", "userEmail", "lastActiveAt", "expiresAt"] as const;

/** A flagged token as the cells of `findingRowColumns`: what the table and Markdown reports keep of it. */
export type FindingRow = readonly [string, string, string, string, string, string];

/**
 * What the table and Markdown audits keep of a flagged token: its row, made once during the walk and listed under
 * each of its findings; far less than the token, which a large org's audit would hold by the tens of thousands.
 * Labels and days repeat from token to token, so each keeper holds one copy of each.
 */
export function rowKeeper(): KeepToken<FindingRow> {
  const copies = new Map<string, string>();
  const shared = (text: string) => {
    const copy = copies.get(text);
    if (copy !== undefined) return copy;
    copies.set(text, text);
    return text;
  };
  return (token, user) => [
    token.id,
    shared(token.label),
    token.status,
    user.email ?? "",
    shared(humanDate(token.lastActiveAt)),
    shared(humanDate(token.expiresAt)),
  ];
}

import type { ApiToken, ApiTokenUser } from "../../index.js";
import type { Grid } from "./output-format.js";

/** The columns of a token in table and CSV output, in order. */
export const tokenColumns = [
  "id",
  "label",
  "status",
  "userName",
  "userEmail",
  "userId",
  "createdAt",
  "expiresAt",
  "lastActiveAt",
  "scopes",
] as const;

/** The fields of a token that a row shows: an `ApiToken`, or the audit's slim record of one. */
export type GridToken = Pick<
  ApiToken,
  "id" | "label" | "status" | "createdAt" | "expiresAt" | "lastActiveAt" | "scopes"
> & {
  user: Pick<ApiTokenUser, "id" | "name" | "email">;
};

/** How dates and absent values read: `raw` keeps the API's values for CSV, `human` shortens them for a terminal. */
export type TokenStyle = "raw" | "human";

/** A date as a terminal shows it: the day, or "never" when absent. */
export function humanDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : "never";
}

function date(value: string | null | undefined, absent: string, style: TokenStyle): string {
  if (!value) return style === "human" ? absent : "";
  return style === "human" ? value.slice(0, 10) : value;
}

/** One token as the cells of `tokenColumns`. */
export function tokenRow(token: GridToken, style: TokenStyle): string[] {
  return [
    token.id,
    token.label,
    token.status,
    token.user.name ?? "",
    token.user.email ?? "",
    token.user.id,
    date(token.createdAt, "", style),
    date(token.expiresAt, "never", style),
    date(token.lastActiveAt, "never", style),
    (token.scopes ?? []).join(" "),
  ];
}

/** Tokens as a grid under `tokenColumns`. */
export function tokenGrid(tokens: readonly GridToken[], style: TokenStyle): Grid {
  return { columns: tokenColumns, rows: tokens.map((t) => tokenRow(t, style)) };
}

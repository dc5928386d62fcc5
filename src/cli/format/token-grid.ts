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
  return value ? dayOf(value) : "never";
}

const DASH = 45;
/** Where `dddd-dd-dd` has its digits. */
const DAY_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/**
 * The day a date-time starts with (`2026-06-23`), or the text whole when it starts with none: cutting other text
 * could cut a secret echoed there (the API key) to a part that the redactor, which replaces it whole, cannot find.
 */
function dayOf(value: string): string {
  if (value.length < 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return value;
  for (const at of DAY_DIGITS) {
    const code = value.charCodeAt(at);
    if (code < 48 || code > 57) return value;
  }
  return value.slice(0, 10);
}

function date(value: string | null | undefined, absent: string, style: TokenStyle): string {
  if (!value) return style === "human" ? absent : "";
  return style === "human" ? dayOf(value) : value;
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

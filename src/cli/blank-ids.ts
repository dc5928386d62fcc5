import { UsageError } from "./usage-error.js";

/**
 * Refuses a blank service account id given as an argument (usage error, nothing sent): usually an unset shell
 * variable (`revoke "$ACCOUNT"`), which sent would reach the API as a path segment of spaces.
 */
export function refuseBlankIds(ids: readonly string[]): void {
  if (ids.some((id) => id.trim() === "")) {
    throw new UsageError("A service account id given as an argument is empty (an unset variable, perhaps).");
  }
}

/** Query values the client can check before sending: the API has answered 500, not 400, to bad filter values. */
import { InvalidInputError } from "./errors.js";

/** Integer parameters, with their minimum. */
const INTEGERS: Record<string, number> = { pageSize: 1, createdAtValue: 0, lastActiveAtValue: 0 };

/** Throws InvalidInputError naming the first parameter that is not a string (or an integer where one is due). */
export function assertQuery(query: object | undefined): void {
  if (query === undefined) return;
  if (query === null || typeof query !== "object") throw new InvalidInputError("query", "The query must be an object");
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const min = INTEGERS[name];
    if (min === undefined) {
      if (typeof value !== "string") throw new InvalidInputError(name, `${name} must be a string; got ${typeof value}`);
    } else if (!Number.isInteger(value) || (value as number) < min) {
      throw new InvalidInputError(name, `${name} must be an integer >= ${min}; got ${JSON.stringify(value)}`);
    }
  }
}

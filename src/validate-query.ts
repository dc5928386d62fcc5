/** Query values the client can check before sending: the API has answered 500, not 400, to bad filter values. */
import { InvalidInputError } from "./errors.js";
import type { ApiTokenCountQuery, ApiTokenListQuery, ServiceAccountTokenQuery } from "./types.js";

/** Integer parameters, with their minimum. */
const INTEGERS: Record<string, number> = { pageSize: 1, createdAtValue: 0, lastActiveAtValue: 0 };

/** The filters of list and count: `satisfies` makes tsc fail when the spec's set of names changes. */
const filters = {
  q: 1,
  status: 1,
  createdAtSearchType: 1,
  createdAtUom: 1,
  createdAtValue: 1,
  createdAtFrom: 1,
  createdAtTo: 1,
  createdAtRangeFrom: 1,
  createdAtRangeTo: 1,
  lastActiveAtSearchType: 1,
  lastActiveAtUom: 1,
  lastActiveAtValue: 1,
  lastActiveAtFrom: 1,
  lastActiveAtTo: 1,
  lastActiveAtRangeFrom: 1,
  lastActiveAtRangeTo: 1,
} as const satisfies Record<keyof ApiTokenCountQuery, 1>;

/** The query parameters of each method that takes a query, named as its type is. */
export const queryParameters = {
  ApiTokenListQuery: { ...filters, sort: 1, pageSize: 1, cursor: 1 } satisfies Record<keyof ApiTokenListQuery, 1>,
  ApiTokenCountQuery: filters,
  ServiceAccountTokenQuery: { tokenLabel: 1 } satisfies Record<keyof ServiceAccountTokenQuery, 1>,
} as const;

/**
 * Throws InvalidInputError naming the first parameter that the method does not take (a typo would otherwise be sent,
 * or be ignored and widen the result), or that is not a string (or an integer where one is due).
 */
export function assertQuery(query: object | undefined, type: keyof typeof queryParameters): void {
  if (query === undefined) return;
  if (query === null || typeof query !== "object") throw new InvalidInputError("query", "The query must be an object");
  const known = queryParameters[type];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(known, name)) {
      throw new InvalidInputError(
        name,
        `Unknown query parameter ${JSON.stringify(name)}: a ${type} takes ${Object.keys(known).join(", ")}. ` +
          "Send anything else through client.raw.",
      );
    }
    const min = INTEGERS[name];
    if (min === undefined) {
      if (typeof value !== "string") throw new InvalidInputError(name, `${name} must be a string; got ${typeof value}`);
    } else if (!Number.isInteger(value) || (value as number) < min) {
      throw new InvalidInputError(name, `${name} must be an integer >= ${min}; got ${JSON.stringify(value)}`);
    }
  }
}

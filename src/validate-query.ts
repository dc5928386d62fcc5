/** Query values the client can check before sending: the API has answered 500, not 400, to bad filter values. */
import { InvalidInputError } from "./errors.js";
import type { operations } from "./generated/admin-api-access.js";
import type { ApiTokenCountQuery, ApiTokenListQuery, QueryOf, SentQuery, ServiceAccountTokenQuery } from "./types.js";

/**
 * How each parameter of a query type is checked, derived from its generated type: a parameter of another type (a
 * boolean, say) maps to `never`, so a spec that adds one fails tsc here until this file learns to check it.
 */
type Kinds<Query> = {
  [K in keyof Query]-?: NonNullable<Query[K]> extends number
    ? "integer"
    : NonNullable<Query[K]> extends string
      ? "string"
      : never;
};

/** The filters of list and count: `satisfies` makes tsc fail when the spec's names or types change. */
const filters = {
  q: "string",
  status: "string",
  createdAtSearchType: "string",
  createdAtUom: "string",
  createdAtValue: "integer",
  createdAtFrom: "string",
  createdAtTo: "string",
  createdAtRangeFrom: "string",
  createdAtRangeTo: "string",
  lastActiveAtSearchType: "string",
  lastActiveAtUom: "string",
  lastActiveAtValue: "integer",
  lastActiveAtFrom: "string",
  lastActiveAtTo: "string",
  lastActiveAtRangeFrom: "string",
  lastActiveAtRangeTo: "string",
} as const satisfies Kinds<ApiTokenCountQuery>;

/** The query parameters of each method that takes a query, named as its type is. */
export const queryParameters = {
  ApiTokenListQuery: {
    ...filters,
    sort: "string",
    pageSize: "integer",
    cursor: "string",
  } satisfies Kinds<ApiTokenListQuery>,
  ApiTokenCountQuery: filters,
  ServiceAccountTokenQuery: { tokenLabel: "string" } satisfies Kinds<ServiceAccountTokenQuery>,
} as const;

/** The smallest value of an integer parameter: 0 unless listed (the spec gives no minimum; a page has at least 1). */
const MINIMUM: Record<string, number> = { pageSize: 1 };

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
    if ((known as Record<string, string>)[name] === "string") {
      if (typeof value !== "string") throw new InvalidInputError(name, `${name} must be a string; got ${typeof value}`);
    } else {
      const min = MINIMUM[name] ?? 0;
      if (!Number.isInteger(value) || (value as number) < min)
        throw new InvalidInputError(name, `${name} must be an integer >= ${min}; got ${JSON.stringify(value)}`);
    }
  }
}

/**
 * A checked query as openapi-fetch's types want it: an `undefined` value, which the public types allow, is one its
 * query serializer skips, exactly as an absent key.
 */
export function sendable<Id extends keyof operations>(query: QueryOf<Id>): SentQuery<Id> {
  return query as SentQuery<Id>;
}

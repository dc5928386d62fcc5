/**
 * Query values the client can check before sending: the API has been reported to answer 500, not 400, to bad filter
 * values.
 */
import { InvalidInputError } from "./errors.js";
import type { operations } from "./generated/admin-api-access.js";
import { shownValue } from "./shown-value.js";
import type { ApiTokenCountQuery, ApiTokenListQuery, QueryOf, SentQuery, ServiceAccountTokenQuery } from "./types.js";
import { assertWellFormed } from "./well-formed.js";

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

/**
 * The smallest value of an integer parameter: 0 unless listed (the API documents none; the spec states these, which
 * are the SDK's: a count of units ago is not negative, a page has at least 1).
 */
const MINIMUM: Record<string, number> = { pageSize: 1 };
/** The largest: every integer parameter is an int32 in the spec. */
export const INT32_MAX = 2_147_483_647;

/** The date fields a search can filter on, as the prefix of their parameters. */
const SEARCHED = ["createdAt", "lastActiveAt"] as const;

/**
 * What each search type needs, in the API's own words: a "gt" or "lt" search needs the unit and the value, a
 * "range" search an end ("From and/or To", or their Range* forms). A search type not listed here is sent as given.
 */
const SEARCH_NEEDS: Record<string, { all?: readonly string[]; any?: readonly string[] }> = {
  gt: { all: ["Uom", "Value"] },
  lt: { all: ["Uom", "Value"] },
  range: { any: ["From", "To", "RangeFrom", "RangeTo"] },
};
/** The parameters that only mean something in a search. */
const SEARCH_PARTS = ["Uom", "Value", "From", "To", "RangeFrom", "RangeTo"] as const;
/** Each date search's type parameter and its parts, named once rather than on every call. */
const SEARCHES = SEARCHED.map((field) => ({
  field,
  typeName: `${field}SearchType`,
  parts: SEARCH_PARTS.map((part) => `${field}${part}`),
}));

/**
 * The query as checked: a copy of its own keys, read once, so what is checked is what is sent (a getter or a proxy is
 * not asked twice). Throws InvalidInputError naming the first parameter that the method does not take (a typo would
 * otherwise be sent, or be ignored and widen the result), that is not a string (or an int32 where one is due), or that
 * makes a date search the API cannot run.
 */
export function checkedQuery<Query extends object>(query: Query, type: keyof typeof queryParameters): Query {
  if (query === null || typeof query !== "object") throw new InvalidInputError("query", "The query must be an object");
  const copy = { ...query };
  const known = queryParameters[type];
  for (const [name, value] of Object.entries(copy)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(known, name)) {
      throw new InvalidInputError(
        name,
        `Unknown query parameter ${JSON.stringify(name)}: ${type} takes ${Object.keys(known).join(", ")}. ` +
          "Send anything else through client.raw.",
      );
    }
    if ((known as Record<string, string>)[name] === "string") {
      if (typeof value !== "string")
        throw new InvalidInputError(name, `${name} must be a string; got ${shownValue(value)}`);
      assertWellFormed(name, value);
    } else {
      const min = MINIMUM[name] ?? 0;
      if (!Number.isInteger(value) || (value as number) < min || (value as number) > INT32_MAX) {
        throw new InvalidInputError(
          name,
          `${name} must be an integer from ${min} to ${INT32_MAX}; got ${shownValue(value)}`,
        );
      }
    }
  }
  if (type !== "ServiceAccountTokenQuery") assertSearches(copy as Record<string, unknown>);
  return copy;
}

/**
 * Throws InvalidInputError for a date search the API cannot run, which it has answered with a 500 rather than a 400:
 * a search part (unit, value, ends) without its search type, or a search type without what it needs.
 */
function assertSearches(query: Record<string, unknown>): void {
  // Own enumerable keys only, as sent.
  const value = (name: string) => (Object.prototype.propertyIsEnumerable.call(query, name) ? query[name] : undefined);
  const given = (name: string) => value(name) !== undefined;
  for (const { field, typeName, parts } of SEARCHES) {
    const type = value(typeName);
    if (type === undefined) {
      const part = parts.find(given);
      if (part) {
        throw new InvalidInputError(
          part,
          `${part} takes part in a search: set ${typeName} too ("gt" or "lt" with ${field}Uom and ${field}Value, or "range" with ${field}From and/or ${field}To)`,
        );
      }
      continue;
    }
    const needs = SEARCH_NEEDS[type as string];
    const missing = needs?.all?.map((p) => `${field}${p}`).find((name) => !given(name));
    if (missing) {
      throw new InvalidInputError(
        missing,
        `${typeName} "${type}" needs ${missing} (the API cannot run the search without it)`,
      );
    }
    if (needs?.any && !needs.any.some((p) => given(`${field}${p}`))) {
      throw new InvalidInputError(
        typeName,
        `${typeName} "${type}" needs ${field}From and/or ${field}To (or ${field}RangeFrom / ${field}RangeTo)`,
      );
    }
  }
}

/**
 * A query that `checkedQuery` returned (or one built from it), typed as openapi-fetch's types want it: already a copy
 * of its own keys, the ones checked. An `undefined` value, which the public types allow, is one its query serializer
 * skips, exactly as an absent key.
 */
export function sendable<Id extends keyof operations>(query: QueryOf<Id>): SentQuery<Id> {
  return query as SentQuery<Id>;
}

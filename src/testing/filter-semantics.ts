/**
 * The one place that says what the token filters and `sort` mean in the sandbox. The real API does not document
 * them (see openapi/admin-api-access.yaml, "unconfirmed"); docs/sandbox.md repeats these rules for users.
 */

import { parseIsoInstant } from "../iso-instant.js";
import type { ApiToken, ApiTokenCountQuery } from "../types.js";
import { BadRequestError } from "./bad-request-error.js";

/** Search types of the createdAt / lastActiveAt filters: gt/lt compare with "N units before now", range with instants. */
export const searchTypes = ["gt", "lt", "range"] as const;
/** Units of `*Value`, in milliseconds. Only `day` is seen in use, so only `day` is accepted. */
export const unitsOfMeasure = { day: 86_400_000 } as const satisfies Record<string, number>;
/** Fields `sort` accepts, each with an optional `+` (ascending, the default) or `-` (descending) prefix. */
export const sortFields = ["createdAt", "lastActiveAt"] as const;

type DateField = "createdAt" | "lastActiveAt";
type Predicate = (token: ApiToken) => boolean;

/**
 * Turns the filters into one predicate, or throws BadRequestError naming the parameter. Rules:
 * - `q`: case-insensitive substring of the label, the user's name or the user's email.
 * - `status`: equal to the token's status, case-insensitively.
 * - `<field>SearchType=gt` with `<field>Uom=day` and `<field>Value=N`: the date is more than N days before `now`
 *   (strictly earlier than now - N days). `lt`: strictly later than now - N days, i.e. less than N days ago.
 * - `range`: `<field>From` <= date <= `<field>To` (ISO 8601 instants; either may be absent, not both).
 *   `<field>RangeFrom`/`<field>RangeTo` are taken as the same as From/To, used when From/To are absent.
 * - A token without the date (lastActiveAt absent: never used) matches no filter on that date, like SQL NULL.
 * - Companion parameters without a SearchType are a 400; those that do not belong to the search type are ignored.
 */
export function tokenFilter(query: ApiTokenCountQuery, now: Date): Predicate {
  const checks: Predicate[] = [];
  const q = query.q?.toLowerCase();
  if (q) {
    checks.push((t) => [t.label, t.user.name ?? "", t.user.email ?? ""].some((s) => s.toLowerCase().includes(q)));
  }
  const status = query.status?.toUpperCase();
  if (status) checks.push((t) => t.status.toUpperCase() === status);
  for (const field of ["createdAt", "lastActiveAt"] as const) {
    const check = dateFilter(field, query, now);
    if (check) checks.push(check);
  }
  return (token) => checks.every((check) => check(token));
}

function dateFilter(field: DateField, query: ApiTokenCountQuery, now: Date): Predicate | undefined {
  const param = (suffix: string): string | number | undefined =>
    (query as Record<string, string | number | undefined>)[`${field}${suffix}`];
  const type = param("SearchType");
  const companions = ["Uom", "Value", "From", "To", "RangeFrom", "RangeTo"].filter((s) => param(s) !== undefined);
  if (type === undefined) {
    if (companions.length === 0) return undefined;
    throw new BadRequestError(`${field}SearchType`, `${field}SearchType is required with ${field}${companions[0]}`);
  }
  const timeOf = (token: ApiToken): number | undefined => {
    const value = token[field];
    return value ? Date.parse(value) : undefined;
  };
  if (type === "gt" || type === "lt") {
    const uom = param("Uom");
    const value = param("Value");
    if (uom === undefined)
      throw new BadRequestError(`${field}Uom`, `${field}Uom is required when ${field}SearchType=${type}`);
    if (!Object.hasOwn(unitsOfMeasure, uom)) {
      throw new BadRequestError(`${field}Uom`, `Invalid value for parameter '${field}Uom': '${uom}' (known: day)`);
    }
    if (typeof value !== "number" || value < 0) {
      throw new BadRequestError(
        `${field}Value`,
        `${field}Value must be a non-negative integer when ${field}SearchType=${type}`,
      );
    }
    const threshold = now.getTime() - value * unitsOfMeasure[uom as keyof typeof unitsOfMeasure];
    return (token) => {
      const time = timeOf(token);
      return time !== undefined && (type === "gt" ? time < threshold : time > threshold);
    };
  }
  if (type === "range") {
    const from = instant(field, param("From") === undefined ? "RangeFrom" : "From", param);
    const to = instant(field, param("To") === undefined ? "RangeTo" : "To", param);
    if (from === undefined && to === undefined) {
      throw new BadRequestError(`${field}From`, `${field}From or ${field}To is required when ${field}SearchType=range`);
    }
    return (token) => {
      const time = timeOf(token);
      return time !== undefined && time >= (from ?? -Infinity) && time <= (to ?? Infinity);
    };
  }
  throw new BadRequestError(
    `${field}SearchType`,
    `Invalid value for parameter '${field}SearchType': '${type}' (known: ${searchTypes.join(", ")})`,
  );
}

function instant(field: DateField, suffix: string, param: (s: string) => string | number | undefined) {
  const raw = param(suffix);
  if (raw === undefined) return undefined;
  // Strict: a value without a zone read in the machine's own would make a test pass on one machine and fail on another.
  const time = parseIsoInstant(String(raw));
  if (time === undefined) {
    throw new BadRequestError(
      `${field}${suffix}`,
      `${field}${suffix} must be an ISO 8601 date (2026-11-01, midnight UTC) or date-time with Z or an offset, got '${raw}'`,
    );
  }
  return time;
}

/** The date field a `sort` names and its direction, or a BadRequestError naming `sort`. No `sort`: `createdAt`. */
function sortKey(sort: string | undefined): { field: DateField; descending: boolean } {
  const raw = sort ?? "createdAt";
  const field = raw.replace(/^[-+ ]/, "");
  if (!(sortFields as readonly string[]).includes(field)) {
    throw new BadRequestError(
      "sort",
      `Invalid value for parameter 'sort': '${raw}' (known: ${sortFields.join(", ")}, with an optional + or - prefix)`,
    );
  }
  return { field: field as DateField, descending: raw.startsWith("-") };
}

/**
 * A sorted copy of `tokens`, by `sort`: `createdAt` or `lastActiveAt`, ascending unless prefixed with `-`. A leading
 * space is read as `+`, because an unencoded `+` in a query string decodes to a space. Tokens never used come last in
 * both directions; ties keep id order. No `sort`: oldest created first. Throws BadRequestError for another field.
 */
export function sortTokens(tokens: readonly ApiToken[], sort: string | undefined): ApiToken[] {
  const { field, descending } = sortKey(sort);
  // Each date parsed once, not once per comparison: a million tokens take some 20 million comparisons. The key is
  // negated for a descending sort; no date is Infinity, last either way (Infinity - Infinity is NaN: a tie).
  const keyed = tokens.map((token) => {
    const value = token[field];
    const time = value ? Date.parse(value) : undefined;
    const key = time === undefined ? Number.POSITIVE_INFINITY : descending ? -time : time;
    return { key, id: token.id, token };
  });
  // Seeded ids are lowercase UUIDs, whose code-unit order is their collation (localeCompare) order, at a fraction
  // of its cost.
  keyed.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map((entry) => entry.token);
}

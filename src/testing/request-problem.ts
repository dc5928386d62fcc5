import { spec } from "../generated/admin-api-access.spec.js";

/**
 * The query parameters the spec types as integers. The sandbox takes them only as decimal digits, as a strict server
 * parses an integer; its validator coerces with `Number()`, which would take "1e2", "0x10" or " 10" as numbers.
 */
const integerQueryParameters = new Set(
  Object.values(spec.components.parameters)
    .filter((parameter) => parameter.in === "query" && parameter.schema.type === "integer")
    .map((parameter) => parameter.name),
);

/** A whole number as the API takes one: digits, with an optional minus (which the schema's minimum then refuses). */
const DECIMAL = /^-?\d+$/;

/**
 * What makes a request one the API would refuse before the spec's validator sees it, or undefined: a path that does
 * not percent-decode (which the router would fail on), or an integer parameter not written in decimal digits.
 */
export function requestProblem(path: string, query: Record<string, string | string[]>): string | undefined {
  try {
    decodeURIComponent(path);
  } catch {
    return "The path holds malformed percent-encoding (each % must begin a %XX escape of UTF-8)";
  }
  for (const name of integerQueryParameters) {
    const value = query[name];
    if (typeof value === "string" && !DECIMAL.test(value))
      return `Invalid value for parameter '${name}': must be integer`;
  }
  return undefined;
}

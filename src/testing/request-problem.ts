import { spec } from "../generated/admin-api-access.spec.js";
import { BadRequestError } from "./bad-request-error.js";

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

/** Whether a path segment percent-decodes (each % begins a %XX escape of UTF-8). */
function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path with every `%` of a segment that does not percent-decode escaped as `%25`, so the router (which decodes
 * path parameters) can still route it and check the key: the request is refused by `assertPathDecodes` after that.
 */
export function routablePath(path: string): string {
  return path
    .split("/")
    .map((segment) => (decodes(segment) ? segment : segment.replaceAll("%", "%25")))
    .join("/");
}

/** Throws BadRequestError when the path holds malformed percent-encoding: checked once routed and authorized. */
export function assertPathDecodes(path: string): void {
  if (!decodes(path))
    throw new BadRequestError(
      "path",
      "The path holds malformed percent-encoding (each % must begin a %XX escape of UTF-8)",
    );
}

/**
 * Throws BadRequestError for an integer parameter not written in decimal digits: checked after the spec's validator,
 * so a parameter the operation does not take is named as unknown first.
 */
export function assertDecimalIntegers(query: Record<string, string | string[]>): void {
  for (const name of integerQueryParameters) {
    const value = query[name];
    if (typeof value === "string" && !DECIMAL.test(value))
      throw new BadRequestError(name, `Invalid value for parameter '${name}': must be integer`);
  }
}

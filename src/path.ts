/** Path parameters are always percent-encoded: no id can change which endpoint is called. */
import { InvalidInputError } from "./errors.js";
import { shownValue } from "./shown-value.js";
import { assertWellFormed } from "./well-formed.js";

/** Throws InvalidInputError unless `value` is a usable path parameter (a non-empty string, not "." or ".."). */
export function assertPathParam(name: string, value: unknown): asserts value is string {
  encodePathParam(name, value);
}

/** `value` percent-encoded, or InvalidInputError when it is not a usable path parameter. */
function encodePathParam(name: string, value: unknown): string {
  if (typeof value !== "string" || value === "") {
    throw new InvalidInputError(name, `${name} must be a non-empty string; got ${shownValue(value)}`);
  }
  // "." and ".." survive percent-encoding and would be resolved away by URL normalisation.
  if (value === "." || value === "..") throw new InvalidInputError(name, `${name} cannot be "${value}"`);
  assertWellFormed(name, value);
  return encodeURIComponent(value);
}

/** Each path template split once into literal text and parameter names: `["/orgs/", "orgId", "/api-tokens"]`. */
const templates = new Map<string, string[]>();

/**
 * The path serializer given to openapi-fetch. It inserts each parameter as a plain string: openapi-fetch's own uses
 * a replacement string, where "$'" or "$&" in an id would be expanded.
 */
export function serializePath(template: string, params: Record<string, unknown>): string {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/\{([^{}]+)\}/);
    // The spec's paths are few; a caller of `raw` with paths of its own making does not grow the cache without end.
    if (templates.size < 64) templates.set(template, parts);
  }
  let path = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    path += encodePathParam(name, params[name]) + parts[i + 1];
  }
  return path;
}

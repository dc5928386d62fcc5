/** Path parameters are always percent-encoded: no id can change which endpoint is called. */
import { InvalidInputError } from "./errors.js";

/** Throws InvalidInputError unless `value` is a usable path parameter (a non-empty string, not "." or ".."). */
export function assertPathParam(name: string, value: unknown): asserts value is string {
  if (typeof value !== "string" || value === "") {
    throw new InvalidInputError(name, `${name} must be a non-empty string; got ${value === "" ? '""' : typeof value}`);
  }
  // "." and ".." survive percent-encoding and would be resolved away by URL normalisation.
  if (value === "." || value === "..") throw new InvalidInputError(name, `${name} cannot be "${value}"`);
  // A lone surrogate cannot be percent-encoded (encodeURIComponent throws URIError).
  if (LONE_SURROGATE.test(value)) throw new InvalidInputError(name, `${name} contains a lone UTF-16 surrogate`);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path serializer given to openapi-fetch. A function replacer: openapi-fetch's own uses a replacement string,
 * where "$'" or "$&" in an id would be expanded.
 */
export function serializePath(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const value = params[name];
    assertPathParam(name, value);
    return encodeURIComponent(value);
  });
}

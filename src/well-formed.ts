/** Text that can go into a URL: a lone UTF-16 surrogate has no UTF-8 form, and encoding it throws a URIError. */
import { InvalidInputError } from "./errors.js";

/** Half of a UTF-16 surrogate pair without the other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws InvalidInputError naming `name` when `value` holds a lone surrogate. */
export function assertWellFormed(name: string, value: string): void {
  if (LONE_SURROGATE.test(value)) throw new InvalidInputError(name, `${name} contains a lone UTF-16 surrogate`);
}

/** Per-call options checked before sending: a wrong one would otherwise fail deep inside the request, untyped. */
import { InvalidInputError } from "./errors.js";
import type { ListOptions } from "./resources/api-tokens.js";
import { assertWellFormed } from "./well-formed.js";

/** The per-call options as checked: each read once, so what is checked is what is used; none undefined. */
export type CheckedRequestOptions = { [K in keyof ListOptions]?: Exclude<ListOptions[K], undefined> };

/**
 * The per-call options, copied once and checked: throws InvalidInputError naming the first one that is unknown or of
 * the wrong kind. `signal` is known to every method; `list` also takes `startCursor`.
 */
export function checkedRequestOptions(options: unknown, list = false): CheckedRequestOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== "object")
    throw new InvalidInputError("options", "The per-call options must be an object, e.g. { signal }");
  const checked: CheckedRequestOptions = {};
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (name === "signal") {
      // What the client uses of it, so a signal from another realm (or a polyfill) passes and a look-alike does not.
      const signal = value as Partial<AbortSignal> | null;
      if (
        typeof signal?.aborted !== "boolean" ||
        typeof signal.addEventListener !== "function" ||
        typeof signal.removeEventListener !== "function"
      )
        throw new InvalidInputError(name, "signal must be an AbortSignal");
      checked.signal = value as AbortSignal;
    } else if (name === "startCursor" && list) {
      if (typeof value !== "string" || value === "")
        throw new InvalidInputError(name, "startCursor must be a non-empty string: an error's resumeCursor");
      assertWellFormed(name, value);
      checked.startCursor = value;
    } else {
      throw new InvalidInputError(name, `Unknown per-call option ${JSON.stringify(name)}`);
    }
  }
  return checked;
}

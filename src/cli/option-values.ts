import { InvalidArgumentError } from "commander";
import { MAX_TIMER_MS } from "../delay.js";
import { MAX_PORT, MAX_SEED } from "../testing/sandbox-options.js";
import { INT32_MAX } from "../validate-query.js";
import { UsageError } from "./usage-error.js";

// Commander names the option in its report of an InvalidArgumentError ("option '--port <n>' argument '99999' is
// invalid. expected ..."), and `main` turns it into exit 2, before anything is sent.

/** `value` as a whole number (digits only) from `min` to `max`; else a usage error that says what was `expected`. */
function wholeNumber(value: string, min: number, max: number, expected: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new InvalidArgumentError(expected);
  }
  return n;
}

// The largest whole number a double holds exactly is named in the message: a larger one is refused too, and a message
// that said only ">= 0" would refuse a value that is.
/** A positive integer option value; anything else is a usage error (exit 2) before any request. */
export const parsePositiveInt = (value: string): number =>
  wholeNumber(value, 1, Number.MAX_SAFE_INTEGER, `expected a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`);

/** A non-negative integer option value (a day count may be 0). */
export const parseCount = (value: string): number =>
  wholeNumber(value, 0, Number.MAX_SAFE_INTEGER, `expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`);

/** A page size: 1 to the largest int32, as the SDK takes it. */
export const parsePageSize = (value: string): number =>
  wholeNumber(value, 1, INT32_MAX, `expected a whole number from 1 to ${INT32_MAX}`);

/** A filter's count of units (an int32 parameter): 0 to the largest int32, as the SDK takes it. */
export const parseUnits = (value: string): number =>
  wholeNumber(value, 0, INT32_MAX, `expected a whole number from 0 to ${INT32_MAX}`);

/** A TCP port to listen on: 0 (any free one) to 65535. */
export const parsePort = (value: string): number =>
  wholeNumber(value, 0, MAX_PORT, `expected a port number from 0 to ${MAX_PORT} (0 picks a free one)`);

/** The most tokens an embedded sandbox seeds: some 15 s and 650 MB; far more would run the process out of memory. */
export const MAX_SANDBOX_TOKENS = 1_000_000;

/** How many user tokens a sandbox seeds: 1 to MAX_SANDBOX_TOKENS. */
export const parseSandboxTokens = (value: string): number =>
  wholeNumber(value, 1, MAX_SANDBOX_TOKENS, `expected a whole number from 1 to ${MAX_SANDBOX_TOKENS}`);

/** A sandbox seed: 0 to 2^32 - 1, the range its generator takes. */
export const parseSeed = (value: string): number =>
  wholeNumber(value, 0, MAX_SEED, `expected a whole number from 0 to ${MAX_SEED}`);

/**
 * A text option's value, refused when empty or blank: such a value is usually an unset shell variable (`--status "$S"`), and
 * sent as it is it would quietly mean something else (`?status=`, every token).
 */
export const parseText = (value: string): string => {
  if (value.trim() === "")
    throw new InvalidArgumentError("expected a value (an empty one is usually an unset variable)");
  return value;
};

/** A per-attempt timeout in ms: 1 to the longest a timer takes (a longer one would fire at once). */
export const parseTimeout = (value: string): number =>
  wholeNumber(value, 1, MAX_TIMER_MS, `expected a whole number of ms from 1 to ${MAX_TIMER_MS}`);

/**
 * The parser of an option whose value names something that never starts with `-` (an org id, a URL): such a value is
 * a usage error, raised as commander reads it, before any command word after it is looked at, and before a `--help`
 * or `-V` after it. It is the next option taken as the value when the option's own was left out (`--org --timeout
 * 5000 tokens count` would otherwise fail as an unknown command `5000`, `--org --sandbox` run against the org
 * `--sandbox`). A `UsageError`, not an InvalidArgumentError: commander's report of one would echo the value.
 */
export function dashless(flag: string, placeholder: string): (value: string) => string {
  return (value) => {
    if (value.trim().startsWith("-")) {
      throw new UsageError(
        `${flag} needs a value, and was given a word starting with '-' instead: pass ${flag} ${placeholder}, or leave the option out. Nothing was sent.`,
      );
    }
    return value;
  };
}

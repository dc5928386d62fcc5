import { InvalidArgumentError } from "commander";

// Commander names the option in its report of an InvalidArgumentError ("option '--port <n>' argument '99999' is
// invalid. expected ..."), and `main` turns it into exit 2, before anything is sent.

/** The highest TCP port. */
const MAX_PORT = 65_535;

/** `value` as a whole number (digits only) from `min` to `max`; else a usage error that says what was `expected`. */
function wholeNumber(value: string, min: number, max: number, expected: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new InvalidArgumentError(expected);
  }
  return n;
}

/** A positive integer option value; anything else is a usage error (exit 2) before any request. */
export const parsePositiveInt = (value: string): number =>
  wholeNumber(value, 1, Number.MAX_SAFE_INTEGER, "expected a whole number >= 1");

/** A non-negative integer option value (a day count may be 0). */
export const parseCount = (value: string): number =>
  wholeNumber(value, 0, Number.MAX_SAFE_INTEGER, "expected a whole number >= 0");

/** A TCP port to listen on: 0 (any free one) to 65535. */
export const parsePort = (value: string): number =>
  wholeNumber(value, 0, MAX_PORT, `expected a port number from 0 to ${MAX_PORT} (0 picks a free one)`);

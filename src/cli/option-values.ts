import { InvalidArgumentError } from "commander";

// Commander names the option in its report of an InvalidArgumentError ("option '--port <n>' argument '99999' is
// invalid. expected ..."), and `main` turns it into exit 2, before anything is sent.

/** A positive integer option value; anything else is a usage error (exit 2) before any request. */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError("expected a whole number >= 1");
  }
  return n;
}

/** A non-negative integer option value (a day count may be 0). */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError("expected a whole number >= 0");
  return n;
}

/** The highest TCP port. */
const MAX_PORT = 65_535;

/** A TCP port to listen on: 0 (any free one) to 65535. */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > MAX_PORT) {
    throw new InvalidArgumentError(`expected a port number from 0 to ${MAX_PORT} (0 picks a free one)`);
  }
  return n;
}

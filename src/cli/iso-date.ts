import { InvalidArgumentError } from "commander";
import { parseIsoInstant } from "../iso-instant.js";

/** What an ISO 8601 option takes, for its error. */
const expected = "expected an ISO 8601 date (2026-11-01) or date-time with Z or an offset (2026-11-01T09:30:00Z)";

/** An option value that must be an ISO 8601 instant (see `parseIsoInstant`), as a Date; else a usage error. */
export function parseIsoDate(value: string): Date {
  const ms = parseIsoInstant(value);
  if (ms === undefined) throw new InvalidArgumentError(expected);
  return new Date(ms);
}

/** An option value checked like `parseIsoDate` but kept as written: a filter the API reads itself. */
export function parseIsoDateText(value: string): string {
  if (parseIsoInstant(value) === undefined) throw new InvalidArgumentError(expected);
  return value;
}

import { daysInMonth, parseIsoInstant } from "../iso-instant.js";

// The API's own layout, `2026-06-23T07:35:52.478Z`: digits everywhere but at `SEPARATORS`.
const LAYOUT = "dddd-dd-ddTdd:dd:dd.dddZ";
const SEPARATORS = [4, 7, 10, 13, 16, 19, 23].map((i) => ({ at: i, code: LAYOUT.charCodeAt(i) }));

/** The number written by the digits of `text` from `start` to `end`, or -1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar; a day past the month's end counts on into the
 * next month (http://howardhinnant.github.io/date_algorithms.html#days_from_civil).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The API's layout read by hand, as `parseIsoInstant` reads it: null for a date or time that does not exist
 * (2026-02-30, 24:00, 10:60), undefined for text of another layout.
 */
function parseLayout(text: string): number | null | undefined {
  if (text.length !== LAYOUT.length) return undefined;
  for (const { at, code } of SEPARATORS) if (text.charCodeAt(at) !== code) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  const ms = digits(text, 20, 23);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || ms < 0) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

/**
 * Milliseconds since the epoch of an ISO 8601 date or date-time with a zone (`parseIsoInstant`), or undefined when
 * absent, null or anything else: never guessed (`Date.parse` reads "90" as 1990), never read in the machine's time
 * zone (a date-time without one), never rolled over (2026-02-30). The API's own layout is read by hand, several times
 * faster, since an audit reads two dates of every token in the org.
 */
export function parseTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = parseLayout(value);
  return ms === undefined ? parseIsoInstant(value) : (ms ?? undefined);
}

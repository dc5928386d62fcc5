import { daysInMonth, parseIsoInstant } from "../iso-instant.js";

// The date and time every layout read by hand starts with, `2026-06-23T07:35:52`: digits but at `SEPARATORS`.
const DATE_TIME = "dddd-dd-ddTdd:dd:dd";
const SEPARATORS = [4, 7, 10, 13, 16].map((i) => ({ at: i, code: DATE_TIME.charCodeAt(i) }));
const [DOT, COLON, PLUS, MINUS, Z] = [".", ":", "+", "-", "Z"].map((c) => c.charCodeAt(0));

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
 * A date-time with seconds read by hand, as `parseIsoInstant` reads it: `2026-06-23T07:35:52`, then a fraction of 1
 * to 9 digits or none, then `Z` or an offset `+hh:mm` (the API's own `.478Z`, and the `Z` and `+00:00` of the spec's
 * examples). Null for a date, time or offset that does not exist (2026-02-30, 24:00, +24:00), undefined for text of
 * another layout, which `parseIsoInstant` reads.
 */
function parseLayout(text: string): number | null | undefined {
  if (text.length < DATE_TIME.length + 1) return undefined;
  for (const { at, code } of SEPARATORS) if (text.charCodeAt(at) !== code) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let at = DATE_TIME.length;
  let ms = 0;
  if (text.charCodeAt(at) === DOT) {
    // Milliseconds: the first three digits of the fraction, padded (a fraction is cut, never rounded).
    let count = 0;
    for (at += 1; at < text.length && count < 9; at++, count++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      if (count < 3) ms = ms * 10 + digit;
    }
    if (count === 0) return undefined;
    if (count < 3) ms *= count === 1 ? 100 : 10;
  }
  let offset = 0;
  const zone = text.charCodeAt(at);
  if (zone === Z && at + 1 === text.length) {
    offset = 0;
  } else if ((zone === PLUS || zone === MINUS) && at + 6 === text.length && text.charCodeAt(at + 3) === COLON) {
    const hours = digits(text, at + 1, at + 3);
    const minutes = digits(text, at + 4, at + 6);
    if (hours < 0 || minutes < 0) return undefined;
    if (hours > 23 || minutes > 59) return null;
    offset = (zone === MINUS ? -1 : 1) * (hours * 60 + minutes) * 60_000;
  } else {
    return undefined;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return (
    daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offset
  );
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

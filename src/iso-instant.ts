/** Strict ISO 8601 instants, for the CLI's options and the sandbox's date filters: no guessing, no time zone of the machine. */

// A date, or a date-time with seconds and fraction optional and a zone required: 2026-11-01, 2026-11-01T09:30Z,
// 2026-11-01T09:30:00.250+01:00. A time without a zone would depend on the machine's, so it is refused.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2})))?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The days of `month` (1..12) in `year` of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/**
 * Milliseconds since the epoch of an ISO 8601 date (midnight UTC) or date-time with `Z` or an offset; undefined for
 * anything else, and for a date or time that does not exist (2026-02-30, 24:00, 10:60): never guessed or rolled
 * over, unlike `new Date(text)`, which reads "90" as 1990 and 2026-02-30 as March 2.
 */
export function parseIsoInstant(text: string): number | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const part = (i: number) => Number(match[i] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const [offsetHours, offsetMinutes] = [part(9), part(10)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const ms = Number((match[7] ?? "").padEnd(3, "0").slice(0, 3));
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  const offset = (match[8] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return date.getTime() - offset;
}

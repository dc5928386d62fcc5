/** The longest string an error message quotes: a longer one (a pasted key, a whole document) is described by length. */
const MAX_QUOTED = 20;

/**
 * What was given, as an error message shows it: a number, boolean or bigint as written, a short string quoted,
 * anything else by its kind. Never throws, as `JSON.stringify` does on a bigint or a cycle.
 */
export function shownValue(value: unknown): string {
  const type = typeof value;
  if (type === "number" || type === "boolean") return String(value);
  if (type === "bigint") return `${value}n`;
  if (type === "string") {
    const text = value as string;
    return text.length > MAX_QUOTED ? `a string of ${text.length} characters` : JSON.stringify(text);
  }
  if (value === null || value === undefined) return String(value);
  return Array.isArray(value) ? "an array" : type === "object" ? "an object" : `a ${type}`;
}

/**
 * The start of `value` as JSON, at most `max` characters, for a message about a body; its kind when it has none that
 * can be made (nesting deeper than JSON.stringify can recurse, a cycle, a bigint).
 */
export function jsonExcerpt(value: unknown, max = 50): string {
  try {
    return String(JSON.stringify(value)).slice(0, max);
  } catch {
    return shownValue(value);
  }
}

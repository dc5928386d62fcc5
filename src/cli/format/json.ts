/** Renders a value as indented JSON, ending with a newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * One element of a JSON array written piece by piece: `[` before the first, `,` between, each indented as
 * `renderJson` of the whole array would indent it. Close with `jsonArrayEnd`; the result equals `renderJson(array)`.
 */
export function jsonArrayItem(value: unknown, index: number): string {
  // JSON escapes a newline inside a string, so every raw newline here is between tokens: safe to indent after.
  return `${index === 0 ? "[\n  " : ",\n  "}${JSON.stringify(value, null, 2).replace(/\n/g, "\n  ")}`;
}

/** The end of a JSON array written with `jsonArrayItem`, given how many items it wrote. */
export function jsonArrayEnd(count: number): string {
  return count === 0 ? "[]\n" : "\n]\n";
}

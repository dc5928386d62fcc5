/** Renders values as JSON Lines: one compact JSON document per line, for `jq -c` and log pipelines. */
export function renderJsonl(values: readonly unknown[]): string {
  return values.map((value) => `${JSON.stringify(value)}\n`).join("");
}

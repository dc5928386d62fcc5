/** Medians, ranges and the formatting of numbers in the report. */

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function min(xs: readonly number[]): number {
  return Math.min(...xs);
}

export function max(xs: readonly number[]): number {
  return Math.max(...xs);
}

/** A number with `digits` significant decimals for small values, grouped thousands for large ones. */
export function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString("en-US");
  if (Math.abs(x) >= 100) return x.toFixed(Math.max(0, digits - 2));
  if (Math.abs(x) >= 10) return x.toFixed(Math.max(0, digits - 1));
  return x.toFixed(digits);
}

/** "median (min..max)". */
export function spread(xs: readonly number[], digits = 2): string {
  return `${fmt(median(xs), digits)} (${fmt(min(xs), digits)}..${fmt(max(xs), digits)})`;
}

/** Per-round ratios a[i] / b[i] (samples taken in the same round of the same run). */
export function ratios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((x, i) => x / (b[i] as number));
}

/** The field `key` of every sample. */
export function pick<T, K extends keyof T>(samples: readonly T[], key: K): T[K][] {
  return samples.map((s) => s[key]);
}

import type { CliIo } from "./io.js";

/** Text styles the CLI uses; each is the identity when colour is off. */
export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

const plain: Palette = { bold: (t) => t, dim: (t) => t, red: (t) => t, yellow: (t) => t };

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const ansi: Palette = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39) };

/**
 * Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty (https://no-color.org) or
 * `--no-color` was given.
 */
export function useColor(isTTY: boolean, env: CliIo["env"], colorOption = true): boolean {
  const noColor = env.NO_COLOR;
  return isTTY && colorOption && (noColor === undefined || noColor === "");
}

/** The palette for a decision made by `useColor`. */
export function palette(enabled: boolean): Palette {
  return enabled ? ansi : plain;
}

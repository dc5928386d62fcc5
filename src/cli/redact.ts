import { markdownCell } from "./format/md.js";
import type { Cell, Grid } from "./format/output-format.js";
import { displayCell } from "./format/table.js";

/** What replaces a secret in any text the CLI prints. */
export const REDACTED = "[REDACTED]";

/** Very short "secrets" would shred ordinary text; no real API key is this short. */
const MIN_SECRET_LENGTH = 8;

/**
 * Every way the CLI's output formats can write `secret`, longest first: as it is, escaped inside a JSON string (json,
 * jsonl), with `"` doubled inside a CSV field (RFC 4180), escaped as a Markdown cell, and blanked as a table cell. A
 * key echoed back by a server inside a token's label reaches the output in one of these forms, not always the first;
 * replacing the longest first leaves no escape character of a longer form beside the marker.
 */
export function secretForms(secret: string): string[] {
  let forms = formsOf.get(secret);
  if (!forms) {
    const json = JSON.stringify(secret).slice(1, -1);
    const all = [secret, json, secret.replaceAll('"', '""'), markdownCell(secret), displayCell(secret)];
    forms = [...new Set(all)].sort((a, b) => b.length - a.length);
    formsOf.set(secret, forms);
  }
  return forms;
}

/** The forms of each secret, worked out once: every line the CLI writes is redacted, 190k of them in an audit. */
const formsOf = new Map<string, string[]>();

/**
 * Replaces every occurrence of each secret, in any form an output format writes it (see `secretForms`), with
 * `[REDACTED]`. Plain string splitting, no regular expression built from the secret, so a key with regex
 * metacharacters or a huge input cannot cause a ReDoS.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of secretForms(secret)) out = out.split(form).join(REDACTED);
  }
  return out;
}

/**
 * The grid with each secret in a text cell replaced by `[REDACTED]`, for a table, which is laid out before its lines
 * are redacted: a cell shortened after the widths were measured would shift the rest of its row left. Returns `grid`
 * itself when no cell holds a secret (a cell shorter than the secret cannot), else a copy measured anew.
 */
export function redactCells(grid: Grid, secrets: readonly string[]): Grid {
  const real = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  if (real.length === 0) return grid;
  const shortest = Math.min(...real.map((secret) => secret.length));
  const holds = (cell: Cell) =>
    typeof cell === "string" && cell.length >= shortest && real.some((secret) => cell.includes(secret));
  if (!grid.rows.some((row) => row.some(holds))) return grid;
  const clean = (cell: Cell) => (holds(cell) ? redact(String(cell), real) : cell);
  return { columns: grid.columns, rows: grid.rows.map((row) => (row.some(holds) ? row.map(clean) : row)) };
}

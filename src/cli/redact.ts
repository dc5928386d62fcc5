import { secretForms as urlAndJsonForms } from "../redact.js";
import { markdownCell } from "./format/md.js";
import type { Cell } from "./format/output-format.js";
import { printableLine } from "./printable.js";

/** What replaces a secret in any text the CLI prints. */
export const REDACTED = "[REDACTED]";

/** Very short "secrets" would shred ordinary text, and no real API key is this short: shorter ones are left alone. */
const isRealSecret = (secret: string) => secret.length >= 8;

/**
 * Every way the CLI's output can write `secret`, longest first: the SDK's forms (as it is, percent-encoded in a URL,
 * escaped inside a JSON string: json, jsonl), with `"` doubled inside a CSV field (RFC 4180), escaped as a Markdown
 * cell, and blanked as a table cell. A key echoed back by a server inside a token's label, or given by mistake as an
 * id, reaches the output in one of these forms, not always the first; replacing the longest first leaves no escape
 * character of a longer form beside the marker.
 */
export function secretForms(secret: string): string[] {
  let forms = formsOf.get(secret);
  if (!forms) {
    const all = [...urlAndJsonForms(secret), secret.replaceAll('"', '""'), markdownCell(secret), printableLine(secret)];
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
    if (!isRealSecret(secret)) continue;
    for (const form of secretForms(secret)) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** The secrets `redact` looks for (see `isRealSecret`). */
export function realSecrets(secrets: readonly string[]): string[] {
  return secrets.filter(isRealSecret);
}

/** Whether `text` holds one of `secrets` as it is (not escaped by a format). */
export function holdsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => text.includes(secret));
}

/** The cells, each secret in a text cell replaced by `[REDACTED]`; numbers as they are. */
export function redactCells(cells: readonly Cell[], secrets: readonly string[]): Cell[] {
  return cells.map((cell) => (typeof cell === "string" && holdsSecret(cell, secrets) ? redact(cell, secrets) : cell));
}

import { markdownCell } from "./format/md.js";
import { displayCell } from "./format/table.js";

/** What replaces a secret in any text the CLI prints. */
export const REDACTED = "[REDACTED]";

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
    // Very short "secrets" would shred ordinary text; no real API key is this short.
    if (secret.length < 8) continue;
    for (const form of secretForms(secret)) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** What replaces a secret in any text the CLI prints. */
export const REDACTED = "[REDACTED]";

/**
 * Replaces every occurrence of each secret with `[REDACTED]`. Plain string splitting, no regular expression built
 * from the secret, so a key with regex metacharacters or a huge input cannot cause a ReDoS.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short "secrets" would shred ordinary text; no real API key is this short.
    if (secret.length < 8) continue;
    out = out.split(secret).join(REDACTED);
  }
  return out;
}

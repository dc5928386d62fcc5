/** A short, safe excerpt of a response body for debug logs. */
import { maskEmails, scrubSecret } from "./redact.js";

const MAX_CHARS = 300;
/** Longer than any email the mask matches (redact.ts bounds its parts), so one crossing the cut is still whole. */
const LOOKAHEAD = 1024;

/**
 * " body: …" with `secret` replaced and user emails masked (unless `mode` is "full"), cut to 300 characters; "" for
 * an empty body. Both are replaced before the cut, so a key or an email cut in half cannot slip through.
 */
export function describeBody(body: string | undefined, mode: "masked" | "full", secret: string): string {
  if (!body) return "";
  // Only the start is read: a page of 1000 tokens is not scanned whole for each debug line. A key crossing the cut
  // is still whole, percent-encoded (three characters for one) included.
  const head = body.slice(0, MAX_CHARS + LOOKAHEAD + 3 * secret.length);
  const redacted = scrubSecret(head, secret);
  const safe = mode === "full" ? redacted : maskEmails(redacted);
  return ` body: ${safe.slice(0, MAX_CHARS)}${safe.length > MAX_CHARS || head.length < body.length ? "…" : ""}`;
}

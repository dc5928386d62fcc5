/** Secrets and personal data never leave the client: every function here works on a copy. */

/** A copy of `headers` with the Authorization credential replaced; the scheme is kept ("Bearer [REDACTED]"). */
export function redactHeaders(headers: Headers): Record<string, string> {
  const copy: Record<string, string> = {};
  headers.forEach((value, name) => {
    copy[name] = name === "authorization" ? `${/^\S+\s/.exec(value)?.[0] ?? ""}[REDACTED]` : value;
  });
  return copy;
}

// Linear: one character class per part and no nested quantifiers, so huge inputs cannot backtrack.
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}/g;

/** Masks every email address in `text`: "mia.krystof@example.com" becomes "m***@example.com". */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, (email) => `${email[0]}***${email.slice(email.indexOf("@"))}`);
}

/** A copy of `value` (any JSON-like data) with every occurrence of `secret` in its strings replaced. */
export function scrubSecret<T>(value: T, secret: string): T {
  if (secret === "") return value;
  if (typeof value === "string") return value.split(secret).join("[REDACTED]") as T;
  if (Array.isArray(value)) return value.map((item) => scrubSecret(item, secret)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubSecret(v, secret)])) as T;
  }
  return value;
}

/** `error` itself when it does not mention `secret`; else a plain copy (name, message, stack) with it replaced. */
export function scrubCause(error: unknown, secret: string): unknown {
  if (!(error instanceof Error)) return scrubSecret(error, secret);
  const seen = `${error.message}\n${error.stack ?? ""}\n${String(error.cause ?? "")}`;
  if (secret === "" || !seen.includes(secret)) return error;
  const copy = new Error(scrubSecret(error.message, secret), { cause: scrubCause(error.cause, secret) });
  copy.name = error.name;
  copy.stack = scrubSecret(error.stack ?? "", secret);
  return copy;
}

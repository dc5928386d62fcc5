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

/** How deep a cause is searched and copied; deeper values are cut, so a cycle cannot recurse forever. */
const CAUSE_DEPTH = 5;

/** Plain data: an array, or an object whose prototype is Object's or null. */
function isPlainData(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

/** What an error shows besides its own enumerable properties: message, stack, cause and an AggregateError's errors. */
function errorParts(error: Error): unknown[] {
  const { errors } = error as { errors?: unknown };
  return [error.message, error.stack, error.cause, errors, ...Object.values(error)];
}

/**
 * Whether `value` could show `secret`: a string holding it, or an object that is neither plain data nor an Error, such
 * as a Request, whose custom inspection prints its headers.
 */
function mayShow(value: unknown, secret: string, depth: number, seen: Set<object>): boolean {
  if (typeof value === "string") return value.includes(secret);
  if (value === null || typeof value !== "object" || seen.has(value)) return false;
  if (depth > CAUSE_DEPTH || !(value instanceof Error || isPlainData(value))) return true;
  seen.add(value);
  const parts = value instanceof Error ? errorParts(value) : Object.values(value);
  return parts.some((part) => mayShow(part, secret, depth + 1, seen));
}

/** A copy of `value` with `secret` replaced: errors as plain Errors, other objects than plain data as their name. */
function showableCopy(value: unknown, secret: string, depth: number): unknown {
  if (typeof value === "string") return value.split(secret).join("[REDACTED]");
  if (value === null || typeof value !== "object") return value;
  if (depth > CAUSE_DEPTH) return "[cut]";
  const copy = (item: unknown) => showableCopy(item, secret, depth + 1);
  if (value instanceof Error) {
    const { errors } = value as { errors?: unknown };
    const error = new Error(
      copy(value.message) as string,
      value.cause === undefined ? {} : { cause: copy(value.cause) },
    );
    for (const [key, item] of Object.entries(value)) Object.assign(error, { [key]: copy(item) });
    if (Array.isArray(errors)) Object.defineProperty(error, "errors", { value: errors.map(copy), writable: true });
    error.name = value.name;
    error.stack = copy(value.stack ?? "") as string;
    return error;
  }
  if (Array.isArray(value)) return value.map(copy);
  if (!isPlainData(value)) return `[${value.constructor?.name ?? "object"}]`;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)]));
}

/**
 * The cause of a transport error as it may be shown: `error` itself when nothing in it can show `secret`; else a copy
 * (plain Errors with message, stack, cause, errors and own properties) with the secret replaced and any object that
 * is not plain data (a Request a fetch wrapper attached, say) reduced to its name.
 */
export function scrubCause(error: unknown, secret: string): unknown {
  if (secret === "" || !mayShow(error, secret, 0, new Set())) return error;
  return showableCopy(error, secret, 0);
}
